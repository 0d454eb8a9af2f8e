/**
 * The whole archive offline, in both browsers: every month fetched through a stopped background
 * (Chromium's service worker, Firefox's suspended event page) and a 429, the request budget kept,
 * progress shown, and the archived papers searchable.
 */
import { describe, expect, it } from 'vitest';
import { makeDailyItem, makeDay, paperIdFor, utcDay } from '../fixtures/papers';
import type { StandInRequest } from '../support/standin';
import { scenarioWorld } from '../support/scenario-world';
import { poll, waitForBadge, waitForPapers, waitIn } from '../support/driver';
import { field, waitText } from '../support/steps';

const YESTERDAY = utcDay(-1);
const ARCHIVED_TITLE = 'Quokka tides: forecasting coastal water with marsupial priors';
const ARCHIVED_ID = paperIdFor('2023-05-04', 0);

const { hf, driver } = scenarioWorld({
  serve: (hf) => {
    hf.setDay(YESTERDAY, makeDay(YESTERDAY, 8));
    // The first day of the archive, with a paper only the archive fetches.
    hf.setDay('2023-05-04', [
      makeDailyItem(ARCHIVED_ID, '2023-05-04', { title: ARCHIVED_TITLE }),
      ...[1, 2, 3].map((i) => makeDailyItem(paperIdFor('2023-05-04', i), '2023-05-04')),
    ]);
    // A month of 150 papers: two pages of 100.
    for (const day of ['2024-03-04', '2024-03-05', '2024-03-06']) hf.setDay(day, makeDay(day, 50));
  },
});

const isArchive = (r: StandInRequest) => r.path.startsWith('/api/daily_papers') && r.path.includes('month=');
const page = (r: StandInRequest) => {
  const q = new URL(r.path, 'https://x').searchParams;
  return `${q.get('month')}#${q.get('p')}`;
};

/** The archive's state and persisted budget, as the background stored them (its own IndexedDB). */
function stored(): Promise<{ archive?: { status: string; monthsDone: number }; budget: number[] }> {
  return driver.inExtension(async () => {
    const req = indexedDB.open('papertab');
    const db = await new Promise<IDBDatabase>(
      (res, rej) => ((req.onsuccess = () => res(req.result)), (req.onerror = rej)),
    );
    const get = (key: string) =>
      new Promise<unknown>((res) => {
        const r = db.transaction('meta').objectStore('meta').get(key);
        r.onsuccess = () => res((r.result as { value?: unknown } | undefined)?.value);
      });
    const out = {
      archive: (await get('archive')) as never,
      budget: ((await get('archiveRequests')) ?? []) as number[],
    };
    db.close();
    return out;
  });
}

describe('the offline archive', () => {
  it('fetches every month, survives a stopped background and a 429, keeps its budget, shows progress, and is searchable', async () => {
    await waitForBadge(driver, '8');
    // A request that never answers: the background is stopped while the archive waits on it.
    hf.setFault({ kind: 'hang' }, /month=2024-03&p=1/);

    const options = await driver.openExtensionPage('options.html');
    await waitText(options, /The whole archive: about [\d,]+ papers, about [\d.]+ MB/);
    await options.click(await field(options, 'Keep the whole Daily Papers archive offline'));
    const hung = await hf.waitForRequest((r) => r.path.includes('month=2024-03&p=1'), 30_000);

    // Progress where the user looks: a labelled bar and months and papers in the options page…
    const value = await waitIn(options, 'the archive’s progress bar', () =>
      Number(document.querySelector('progress[aria-labelledby="archive-progress-label"]')?.getAttribute('value')),
    );
    expect(value).toBeGreaterThan(0);
    await waitText(options, /\d+ of \d+ months, [\d,]+ papers/);
    // …and one line in the new tab.
    const tab = await driver.openExtensionPage('newtab.html');
    await waitForPapers(tab, 8);
    await waitText(tab, /Fetching the archive: \d+ of \d+ months/);

    await driver.stopBackground();
    hf.setFault(null);
    hf.releaseHangs();
    // A 429 in the middle: the archive waits as long as Hugging Face says before asking again.
    hf.setFault({ kind: '429', retryAfterSeconds: 3 }, /month=2023-1/);
    const since = hf.requests.length;
    await driver.fireAlarm('papertab-archive'); // wakes a fresh background, whose alarm runs the next step
    const limited = await hf.waitForRequest(
      (r) => hf.requests.indexOf(r) >= since && /month=2023-1/.test(r.path),
      30_000,
    );
    hf.setFault(null);

    await poll(
      async () => (await stored()).archive?.status,
      'the archive done',
      (s) => s === 'done',
      90_000,
    );
    const archive = hf.requests.filter(isArchive);
    // Resumed where it stopped: only the hung page and the one answered 429 are asked twice.
    const pages = archive.map(page);
    const twice = pages.filter((p, i) => pages.indexOf(p) !== i);
    expect(twice.sort()).toEqual([page(hung), page(limited)].sort());
    expect(pages.indexOf('2024-03#1')).toBeGreaterThan(pages.indexOf('2024-03#0'));
    // Nothing asked before the time the 429 named.
    const after = archive.filter((r) => r.at > limited.at);
    expect(after[0]!.at - limited.at).toBeGreaterThanOrEqual(2900);
    // The budget: every request counted in the persisted window, never more than 150 in 5 minutes.
    const { budget } = await stored();
    expect(budget.length).toBe(archive.length);
    for (const r of archive)
      expect(archive.filter((x) => x.at >= r.at && x.at < r.at + 300_000).length).toBeLessThanOrEqual(150);

    await waitText(options, /The whole archive is offline: [\d,]+ papers/);
    // A new tab finds the archived paper.
    const fresh = await driver.openExtensionPage('newtab.html');
    await waitForPapers(fresh, 8);
    await fresh.type(await field(fresh, 'Search papers'), 'quokka marsupial');
    await waitIn(
      fresh,
      'the archived paper found',
      (t) => [...document.querySelectorAll('article h2')].some((h) => h.textContent === t),
      ARCHIVED_TITLE,
    );
    await waitText(fresh, '1 paper matches');
  });
});
