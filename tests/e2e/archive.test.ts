import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDailyItem, makeDay, paperIdFor, utcDay } from '../fixtures/papers';
import { fireAlarm, launchExtension, type ExtensionSession } from '../support/extension';
import { startStandIn, type StandIn, type StandInRequest } from '../support/standin';
import { waitForBadge, waitForPapers } from '../support/e2e';

let hf: StandIn;
let ext: ExtensionSession | undefined;

const YESTERDAY = utcDay(-1);
const ARCHIVED_TITLE = 'Quokka tides: forecasting coastal water with marsupial priors';
const ARCHIVED_ID = paperIdFor('2023-05-04', 0);

beforeEach(async () => {
  hf = await startStandIn();
  hf.setDay(YESTERDAY, makeDay(YESTERDAY, 8));
  // The first day of the archive, with a paper only the archive fetches.
  hf.setDay('2023-05-04', [
    makeDailyItem(ARCHIVED_ID, '2023-05-04', { title: ARCHIVED_TITLE }),
    ...[1, 2, 3].map((i) => makeDailyItem(paperIdFor('2023-05-04', i), '2023-05-04')),
  ]);
  // A month of 150 papers: two pages of 100.
  for (const day of ['2024-03-04', '2024-03-05', '2024-03-06']) hf.setDay(day, makeDay(day, 50));
});

afterEach(async () => {
  await ext?.close();
  ext = undefined;
  await hf.close();
});

const isArchive = (r: StandInRequest) => r.path.startsWith('/api/daily_papers') && r.path.includes('month=');
const page = (r: StandInRequest) => {
  const q = new URL(r.path, 'https://x').searchParams;
  return `${q.get('month')}#${q.get('p')}`;
};

/** The archive's state and persisted budget, as the background stored them. */
async function stored(
  e: ExtensionSession,
): Promise<{ archive?: { status: string; monthsDone: number }; budget: number[] }> {
  return (await e.sw()).evaluate(async () => {
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
  it('fetches every month, survives a stopped worker and a 429, keeps its budget, shows progress, and is searchable', async () => {
    ext = await launchExtension({ port: hf.port });
    const e = ext;
    await waitForBadge(e, '8');
    // A request that never answers: the worker is stopped while the archive waits on it.
    hf.setFault({ kind: 'hang' }, /month=2024-03&p=1/);

    const options = await e.page('options.html');
    await options.getByText(/The whole archive: about [\d,]+ papers, about [\d.]+ MB/).waitFor();
    await options.getByRole('checkbox', { name: 'Keep the whole Daily Papers archive offline' }).check();
    const hung = await hf.waitForRequest((r) => r.path.includes('month=2024-03&p=1'));

    // Progress where the user looks: a labelled bar and months and papers in the options page…
    const bar = options.getByRole('progressbar', { name: 'Archive progress' });
    await bar.waitFor();
    expect(Number(await bar.getAttribute('value'))).toBeGreaterThan(0);
    await expect.poll(() => options.getByText(/\d+ of \d+ months, [\d,]+ papers/).count()).toBe(1);
    // …and one line in the new tab.
    const tab = await e.page('newtab.html');
    await waitForPapers(tab, 8);
    await tab.getByText(/Fetching the archive: \d+ of \d+ months/).waitFor();

    await e.stopServiceWorker();
    hf.setFault(null);
    hf.releaseHangs();
    // A 429 in the middle: the archive waits as long as Hugging Face says before asking again.
    hf.setFault({ kind: '429', retryAfterSeconds: 3 }, /month=2023-1/);
    const since = hf.requests.length;
    await fireAlarm(e, 'papertab-archive'); // wakes a fresh worker, whose alarm runs the next step
    const limited = await hf.waitForRequest((r) => hf.requests.indexOf(r) >= since && /month=2023-1/.test(r.path));
    hf.setFault(null);

    await expect.poll(async () => (await stored(e)).archive?.status, { timeout: 60_000, interval: 250 }).toBe('done');
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
    const { budget } = await stored(e);
    expect(budget.length).toBe(archive.length);
    for (const r of archive)
      expect(archive.filter((x) => x.at >= r.at && x.at < r.at + 300_000).length).toBeLessThanOrEqual(150);

    await options.getByText(/The whole archive is offline: [\d,]+ papers/).waitFor();
    // A new tab finds the archived paper.
    const fresh = await e.page('newtab.html');
    await waitForPapers(fresh, 8);
    await fresh.getByRole('searchbox', { name: 'Search papers' }).fill('quokka marsupial');
    await fresh.getByRole('article', { name: ARCHIVED_TITLE }).waitFor();
    await expect.poll(() => fresh.getByText('1 paper matches').count()).toBe(1);
  });
});
