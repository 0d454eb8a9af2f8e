import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, isoWeek, weekDays } from '@/lib/core/dates';
import { makeDay, utcDay } from '../fixtures/papers';
import { launchExtension, type ExtensionSession } from '../support/extension';
import { startStandIn, type StandIn } from '../support/standin';
import { shownTitles, waitForBadge, waitForPapers, openOrderAndFilters } from '../support/e2e';

/**
 * One browser for the file (installing takes a moment); each test opens its own pages. Yesterday
 * has 8 papers, the day before 5, three days back 4; today is not curated yet.
 */
let hf: StandIn;
let ext: ExtensionSession;
const YESTERDAY = utcDay(-1);
const BEFORE = utcDay(-2);
const byUpvotes = (date: string, n: number, seed = 0) =>
  makeDay(date, n, seed)
    .sort((a, b) => b.paper.upvotes - a.paper.upvotes || a.paper.title.localeCompare(b.paper.title))
    .map((i) => i.paper);

beforeAll(async () => {
  hf = await startStandIn();
  hf.setDay(YESTERDAY, makeDay(YESTERDAY, 8));
  hf.setDay(BEFORE, makeDay(BEFORE, 5));
  hf.setDay(utcDay(-3), makeDay(utcDay(-3), 4));
  ext = await launchExtension({ port: hf.port });
  await waitForBadge(ext, '8');
});
afterAll(async () => {
  await ext?.close();
  await hf?.close();
});
beforeEach(() => hf.setFault(null));

async function newTab(): Promise<Page> {
  const page = await ext.page('newtab.html');
  await waitForPapers(page, 8);
  return page;
}

describe('the new tab', () => {
  it('shows every detail of a paper: authors, date, upvotes, comments, summary, keywords, links', async () => {
    const page = await newTab();
    const paper =
      byUpvotes(YESTERDAY, 8).find((p) => p.githubRepo && p.authors.length > 3) ?? byUpvotes(YESTERDAY, 8)[0]!;
    const card = page.getByRole('article', { name: paper.title });
    const text = await card.textContent();
    expect(text).toContain(paper.authors[0]!.name);
    if (paper.authors.length > 3) expect(text).toContain(`+${paper.authors.length - 3}`);
    expect(text).toContain(String(paper.upvotes));
    expect(text).toContain(paper.ai_summary!);
    for (const k of paper.ai_keywords ?? [])
      expect(await card.getByRole('list', { name: 'Keywords' }).textContent()).toContain(k);
    expect(await card.locator('time').getAttribute('datetime')).toBe(new Date(paper.publishedAt).toISOString());
    // The links and the full abstract are in the card's one menu.
    await card.getByRole('button', { name: /^More actions/ }).click();
    expect(await card.getByRole('menuitem', { name: 'arXiv' }).getAttribute('href')).toBe(
      `https://arxiv.org/abs/${paper.id}`,
    );
    expect(await card.getByRole('menuitem', { name: 'PDF' }).getAttribute('href')).toBe(
      `https://arxiv.org/pdf/${paper.id}`,
    );
    if (paper.githubRepo)
      expect(await card.getByRole('menuitem', { name: 'Code' }).getAttribute('href')).toBe(paper.githubRepo);
    await card.getByRole('menuitem', { name: 'Show abstract' }).click();
    expect(await card.textContent()).toContain(paper.summary.slice(0, 80));
    await page.close();
  });

  it('sorts by upvotes by default and by newest on request', async () => {
    const page = await newTab();
    expect(await shownTitles(page)).toEqual(byUpvotes(YESTERDAY, 8).map((p) => p.title));
    await openOrderAndFilters(page);
    await page.getByRole('button', { name: 'Newest', exact: true }).click();
    const newest = makeDay(YESTERDAY, 8)
      .map((i) => i.paper)
      .sort(
        (a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.upvotes - a.upvotes || a.title.localeCompare(b.title),
      )
      .map((p) => p.title);
    expect(await shownTitles(page)).toEqual(newest);
    expect(await page.getByRole('button', { name: 'Newest', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Most upvoted', exact: true }).click();
    // The sort is a setting: wait until it is stored before closing the tab.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const c = (
            globalThis as unknown as {
              chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
            }
          ).chrome;
          const stored = (await c.storage.local.get('settings')).settings as { values?: { sort?: string } } | undefined;
          return stored?.values?.sort;
        }),
      )
      .toBe('upvotes');
    await page.close();
  });

  it('navigates to the previous day, an empty day, and by date picker', async () => {
    const page = await newTab();
    await page.getByRole('button', { name: 'Previous day' }).click();
    await waitForPapers(page, 5);
    expect(await shownTitles(page)).toEqual(byUpvotes(BEFORE, 5).map((p) => p.title));
    // An empty day says so and points to the nearest earlier day with papers.
    await page.getByLabel('Go to date').fill(utcDay(0));
    await waitForPapers(page, 0);
    await expect.poll(() => page.getByText(/No papers for Today/).count()).toBe(1);
    await page.getByRole('link', { name: /Yesterday \(8 papers\)/ }).click();
    await waitForPapers(page, 8);
    await page.getByLabel('Go to date').fill(utcDay(-3));
    await waitForPapers(page, 4);
    await page.close();
  });

  it('fetches a day the cache lacks on demand, and caches it', async () => {
    const old = utcDay(-20);
    hf.setDay(old, makeDay(old, 3));
    const page = await newTab();
    await page.getByLabel('Go to date').fill(old);
    await waitForPapers(page, 3);
    expect(hf.requests.some((r) => r.path.includes(`date=${old}`))).toBe(true);
    // Cached now: shown again with Hugging Face down.
    hf.setFault({ kind: 'down' });
    const again = await ext.page(`newtab.html#/day/${old}`);
    await waitForPapers(again, 3);
    await page.close();
    await again.close();
  });

  it('shows a week and a month, fetched with week= and month= when not cached', async () => {
    const weekAgo = addDays(utcDay(0), -35);
    const week = isoWeek(weekAgo);
    const [monday] = weekDays(week);
    hf.setDay(monday, makeDay(monday, 2, 3));
    hf.setDay(addDays(monday, 2), makeDay(addDays(monday, 2), 3, 3));
    const page = await ext.page(`newtab.html#/week/${week}`);
    await waitForPapers(page, 5);
    expect(hf.requests.some((r) => r.path.includes(`week=${week}`))).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Week of');

    await page.getByRole('button', { name: 'Month', exact: true }).click();
    await expect.poll(() => hf.requests.some((r) => r.path.includes(`month=${monday.slice(0, 7)}`))).toBe(true);
    await expect.poll(() => page.getByRole('article').count()).toBeGreaterThanOrEqual(5);
    expect(await page.getByRole('button', { name: 'Month', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('search filters every cached paper as you type, highlights matches, and can ask Hugging Face', async () => {
    const page = await newTab();
    const target = byUpvotes(BEFORE, 5)[0]!;
    const word = target.title
      .split(/\s+/)
      .find((w) => w.length > 6)!
      .replace(/[^\w-]/g, '');
    await page.getByRole('searchbox', { name: 'Search papers' }).pressSequentially(word.toLowerCase(), { delay: 20 });
    await expect.poll(() => page.getByText(/\d+ papers? match/).textContent()).toMatch(/^[1-9]\d* papers? match/);
    const titles = await shownTitles(page);
    expect(titles).toContain(target.title);
    const count = Number((await page.getByText(/\d+ papers? match/).textContent())!.match(/\d+/)![0]);
    expect(titles).toHaveLength(count);
    expect(count).toBeLessThan(17); // a filter, not everything cached
    expect(await page.locator('article mark').first().textContent()).toMatch(new RegExp(word, 'i'));

    const since = hf.requests.length;
    await page.getByRole('button', { name: /Search Hugging Face/ }).click();
    await expect.poll(() => hf.requests.slice(since).some((r) => r.path.startsWith('/api/papers/search'))).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: /From Hugging Face/ }).count()).toBe(1);
    await page.close();
  });

  it('Save is a toggle that persists and reaches the reading list', async () => {
    const page = await newTab();
    const paper = byUpvotes(YESTERDAY, 8)[2]!;
    const save = page.getByRole('article', { name: paper.title }).getByRole('button', { name: 'Save' });
    expect(await save.getAttribute('aria-pressed')).toBe('false');
    await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await waitForPapers(page, 8);
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    const list = await ext.page('reading-list.html');
    await expect.poll(() => list.getByRole('article', { name: paper.title }).count()).toBe(1);
    // Unsaving offers Undo.
    await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    await list.close();
    await page.close();
  });

  it('keyboard triage: j/k move, s saves, a shows the abstract, [ ] change day, / searches, ? lists keys, o opens', async () => {
    const page = await newTab();
    const papers = byUpvotes(YESTERDAY, 8);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('j');
    const focused = () =>
      page.evaluate(() => document.activeElement?.closest('article')?.querySelector('h2')?.textContent);
    expect(await focused()).toBe(papers[1]!.title);
    const card = page.getByRole('article', { name: papers[1]!.title });
    await page.keyboard.press('a');
    await expect.poll(() => card.locator('.abstract').count()).toBe(1);
    const wasSaved = await card.getByRole('button', { name: 'Save' }).getAttribute('aria-pressed');
    await page.keyboard.press('s');
    await expect
      .poll(() => card.getByRole('button', { name: 'Save' }).getAttribute('aria-pressed'))
      .toBe(wasSaved === 'true' ? 'false' : 'true');

    await page.keyboard.press('?');
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(false);

    await page.keyboard.press('[');
    await waitForPapers(page, 5);
    await page.keyboard.press(']');
    await waitForPapers(page, 8);

    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search papers');
    await page.keyboard.press('Escape');

    await page.keyboard.press('j');
    await page.keyboard.press('o');
    await page.waitForURL(`https://huggingface.co/papers/${papers[0]!.id}`);
    await page.close();
  });

  it('with Hugging Face down, an offline banner says so, Refresh explains, and the cached papers stay', async () => {
    const page = await newTab();
    const before = await shownTitles(page);
    hf.setFault({ kind: 'down' });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 20_000 })
      .toMatch(/Offline: could not reach Hugging Face; showing cached papers; next try at \d\d:\d\d/);
    expect(await shownTitles(page)).toEqual(before);
    hf.setFault(null);
    await page.close();
  });

  it('offline, it says so and still shows the cached papers', async () => {
    const page = await newTab();
    await page.context().setOffline(true);
    try {
      await expect.poll(() => page.getByText(/You are offline; showing cached papers/).count()).toBe(1);
      expect(await page.getByRole('article').count()).toBe(8);
    } finally {
      await page.context().setOffline(false);
    }
    await page.close();
  });
});

describe('the popup', () => {
  it('shows the top papers with upvotes and Save, how many are new, Refresh, and links onward', async () => {
    const today = utcDay(0);
    hf.setDay(today, makeDay(today, 12, 5));
    const popup = await ext.page('popup.html');
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => popup.getByText('12 new').count(), { timeout: 20_000 }).toBe(1);
    await waitForPapers(popup, 10);
    expect(await shownTitles(popup)).toEqual(
      byUpvotes(today, 12, 5)
        .slice(0, 10)
        .map((p) => p.title),
    );
    const first = popup.getByRole('article').first();
    expect(await first.getByRole('button', { name: 'Save' }).getAttribute('aria-pressed')).toBeDefined();
    expect(await popup.getByRole('button', { name: 'Refresh' }).count()).toBe(1);
    expect(await popup.getByRole('link', { name: 'Open the new tab view' }).count()).toBe(1);
    expect(await popup.getByRole('link', { name: 'Reading list' }).count()).toBe(1);
    await waitForBadge(ext, '');
    const opened = ext.context.waitForEvent('page');
    await popup.getByRole('link', { name: 'Reading list' }).click();
    expect((await opened).url()).toMatch(/reading-list\.html$/);
  });
});
