/**
 * The new tab and the popup, in both browsers: a paper's details, the sort, day / week / month
 * views and the date picker, a day fetched on demand, search (cached, then Hugging Face), Save with
 * Undo, keyboard triage, the two offline banners, and the popup's top papers and links. Yesterday
 * has 8 papers, the day before 5, three days back 4; today is not curated yet.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, isoWeek, weekDays } from '@/lib/core/dates';
import { makeDay, utcDay } from '../fixtures/papers';
import { scenarioWorld } from '../support/scenario-world';
import { byName, poll, reload, shownTitles, waitForBadge, waitForPapers, waitIn, type Tab } from '../support/driver';
import {
  cardAction,
  cardControl,
  cardText,
  field,
  openOrderAndFilters,
  paperCount,
  press,
  pressedState,
  toggleSave,
  waitPressed,
  waitText,
  waitHelp,
  statusSays,
} from '../support/steps';

/** The extension's API where `driver.inExtension` and extension pages run it (both browsers have `chrome`). */
declare const chrome: typeof import('wxt/browser').browser;

const YESTERDAY = utcDay(-1);
const BEFORE = utcDay(-2);
const byUpvotes = (date: string, n: number, seed = 0) =>
  makeDay(date, n, seed)
    .sort((a, b) => b.paper.upvotes - a.paper.upvotes || a.paper.title.localeCompare(b.paper.title))
    .map((i) => i.paper);

const { hf, driver } = scenarioWorld({
  serve: (hf) => {
    hf.setDay(YESTERDAY, makeDay(YESTERDAY, 8));
    hf.setDay(BEFORE, makeDay(BEFORE, 5));
    hf.setDay(utcDay(-3), makeDay(utcDay(-3), 4));
  },
  badge: '8',
});
beforeEach(() => hf.setFault(null));

async function newTab(path = 'newtab.html', count = 8): Promise<Tab> {
  const tab = await driver.openExtensionPage(path);
  await waitForPapers(tab, count);
  return tab;
}

/**
 * Picks `day` in the "Go to date" field as the browser's date picker does (its value set, then
 * `input` and `change`): the picker's own popup is browser chrome, out of a page's reach.
 */
async function pickDate(tab: Tab, day: string): Promise<void> {
  const input = await field(tab, 'Go to date');
  await tab.evaluate(
    ({ input, day }) => {
      const el = document.querySelector<HTMLInputElement>(input)!;
      el.focus();
      el.value = day;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { input, day },
  );
}

/** The href of the link (or menu item) named `name` on the card headed `title`. */
const hrefOf = async (tab: Tab, title: string, name: string) =>
  tab.evaluate((s) => document.querySelector(s)?.getAttribute('href'), await cardControl(tab, title, name));

const focusedTitle = (tab: Tab) =>
  tab.evaluate(() => document.activeElement?.closest('article')?.querySelector('h2')?.textContent);

describe('the new tab', () => {
  it('shows every detail of a paper: authors, date, upvotes, comments, summary, keywords, links', async () => {
    const tab = await newTab();
    const paper =
      byUpvotes(YESTERDAY, 8).find((p) => p.githubRepo && p.authors.length > 3) ?? byUpvotes(YESTERDAY, 8)[0]!;
    const text = await cardText(tab, paper.title);
    expect(text).toContain(paper.authors[0]!.name);
    if (paper.authors.length > 3) expect(text).toContain(`+${paper.authors.length - 3}`);
    expect(text).toContain(String(paper.upvotes));
    expect(text).toContain(paper.ai_summary!);
    const card = await tab.evaluate((t) => {
      const a = [...document.querySelectorAll('article')].find((el) => el.querySelector('h2')?.textContent === t);
      return {
        keywords: a?.querySelector('[aria-label="Keywords"]')?.textContent ?? '',
        time: a?.querySelector('time')?.getAttribute('datetime'),
      };
    }, paper.title);
    for (const k of paper.ai_keywords ?? []) expect(card.keywords).toContain(k);
    expect(card.time).toBe(new Date(paper.publishedAt).toISOString());
    // The links and the full abstract are in the card's one menu.
    expect(await hrefOf(tab, paper.title, 'arXiv')).toBe(`https://arxiv.org/abs/${paper.id}`);
    expect(await hrefOf(tab, paper.title, 'PDF')).toBe(`https://arxiv.org/pdf/${paper.id}`);
    if (paper.githubRepo) expect(await hrefOf(tab, paper.title, 'Code')).toBe(paper.githubRepo);
    await cardAction(tab, paper.title, 'Show abstract');
    await poll(
      () => cardText(tab, paper.title),
      'the abstract shown',
      (t) => t.includes(paper.summary.slice(0, 80)),
    );
    await tab.close();
  });

  it('sorts by upvotes by default and by newest on request', async () => {
    const tab = await newTab();
    expect(await shownTitles(tab)).toEqual(byUpvotes(YESTERDAY, 8).map((p) => p.title));
    await openOrderAndFilters(tab);
    const newestButton = await byName(tab, 'button', 'Newest');
    await tab.click(newestButton);
    const newest = makeDay(YESTERDAY, 8)
      .map((i) => i.paper)
      .sort(
        (a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.upvotes - a.upvotes || a.title.localeCompare(b.title),
      )
      .map((p) => p.title);
    await waitPressed(tab, newestButton, true);
    expect(await shownTitles(tab)).toEqual(newest);
    await press(tab, 'Most upvoted');
    // The sort is a setting: wait until it is stored before closing the tab.
    await poll(
      () =>
        driver.inExtension(
          async () =>
            ((await chrome.storage.local.get('settings')).settings as { values?: { sort?: string } } | undefined)
              ?.values?.sort,
        ),
      'the sort stored',
      (s) => s === 'upvotes',
    );
    await tab.close();
  });

  it('navigates to the previous day, an empty day, and by date picker', async () => {
    const tab = await newTab();
    await press(tab, 'Previous day');
    await waitForPapers(tab, 5);
    expect(await shownTitles(tab)).toEqual(byUpvotes(BEFORE, 5).map((p) => p.title));
    // An empty day says so and points to the nearest earlier day with papers.
    await pickDate(tab, utcDay(0));
    await waitForPapers(tab, 0);
    await waitText(tab, /No papers for Today/);
    await press(tab, /Yesterday \(8 papers\)/, 'a');
    await waitForPapers(tab, 8);
    await pickDate(tab, utcDay(-3));
    await waitForPapers(tab, 4);
    await tab.close();
  });

  it('fetches a day the cache lacks on demand, and caches it', async () => {
    const old = utcDay(-20);
    hf.setDay(old, makeDay(old, 3));
    const tab = await newTab();
    await pickDate(tab, old);
    await waitForPapers(tab, 3);
    expect(hf.requests.some((r) => r.path.includes(`date=${old}`))).toBe(true);
    // Cached now: shown again with Hugging Face down.
    hf.setFault({ kind: 'down' });
    const again = await newTab(`newtab.html#/day/${old}`, 3);
    await tab.close();
    await again.close();
  });

  it('shows a week and a month, fetched with week= and month= when not cached', async () => {
    const weekAgo = addDays(utcDay(0), -35);
    const week = isoWeek(weekAgo);
    const [monday] = weekDays(week);
    hf.setDay(monday, makeDay(monday, 2, 3));
    hf.setDay(addDays(monday, 2), makeDay(addDays(monday, 2), 3, 3));
    const tab = await newTab(`newtab.html#/week/${week}`, 5);
    expect(hf.requests.some((r) => r.path.includes(`week=${week}`))).toBe(true);
    expect(await tab.evaluate(() => document.querySelector('h1')?.textContent)).toContain('Week of');

    const month = await byName(tab, 'button', 'Month');
    await tab.click(month);
    await hf.waitForRequest((r) => r.path.includes(`month=${monday.slice(0, 7)}`));
    await poll(
      () => paperCount(tab),
      'the month’s papers',
      (n) => n >= 5,
    );
    expect(await pressedState(tab, month)).toBe('true');
    await tab.close();
  });

  it('search filters every cached paper as you type, highlights matches, and can ask Hugging Face', async () => {
    const tab = await newTab();
    const target = byUpvotes(BEFORE, 5)[0]!;
    const word = target.title
      .split(/\s+/)
      .find((w) => w.length > 6)!
      .replace(/[^\w-]/g, '');
    await tab.type(await field(tab, 'Search papers'), word.toLowerCase());
    const count = Number((await waitText(tab, /[1-9]\d* papers? match/)).match(/\d+/)![0]);
    const titles = await poll(
      () => shownTitles(tab),
      'the matching papers',
      (t) => t.length === count,
    );
    expect(titles).toContain(target.title);
    expect(count).toBeLessThan(17); // a filter, not everything cached
    expect(await tab.evaluate(() => document.querySelector('article mark')?.textContent)).toMatch(
      new RegExp(word, 'i'),
    );

    const since = hf.requests.length;
    await press(tab, /Search Hugging Face/);
    await hf.waitForRequest((r) => hf.requests.indexOf(r) >= since && r.path.startsWith('/api/papers/search'));
    await waitText(tab, /From Hugging Face/);
    await tab.close();
  });

  it('Save is a toggle that persists and reaches the reading list', async () => {
    const tab = await newTab();
    const paper = byUpvotes(YESTERDAY, 8)[2]!;
    expect(await pressedState(tab, await cardControl(tab, paper.title, 'Save'))).toBe('false');
    await toggleSave(tab, paper.title, true);
    await reload(tab);
    await waitForPapers(tab, 8);
    await waitPressed(tab, await cardControl(tab, paper.title, /^Saved?$/), true);
    const list = await driver.openExtensionPage('reading-list.html');
    await poll(
      () => cardText(list, paper.title),
      'the paper in the reading list',
      (t) => t !== '',
    );
    // Unsaving offers Undo.
    await toggleSave(tab, paper.title, false);
    await press(tab, 'Undo');
    await waitPressed(tab, await cardControl(tab, paper.title, /^Saved?$/), true);
    await list.close();
    await tab.close();
  });

  it('keyboard triage: j/k move, s saves, a shows the abstract, [ ] change day, / searches, ? lists keys, o opens', async () => {
    const tab = await newTab();
    const papers = byUpvotes(YESTERDAY, 8);
    for (const key of ['j', 'j', 'k', 'j']) await tab.press(key);
    expect(await focusedTitle(tab)).toBe(papers[1]!.title);
    await tab.press('a');
    await waitIn(
      tab,
      'the abstract, in place',
      (t) =>
        !![...document.querySelectorAll('article')]
          .find((a) => a.querySelector('h2')?.textContent === t)
          ?.querySelector('.abstract'),
      papers[1]!.title,
    );
    const save = await cardControl(tab, papers[1]!.title, /^Saved?$/);
    const wasSaved = await pressedState(tab, save);
    await tab.press('s');
    await waitPressed(tab, save, wasSaved !== 'true');

    await tab.press('?');
    await waitHelp(tab, true);
    await tab.press('Escape');
    await waitHelp(tab, false);

    await tab.press('[');
    await waitForPapers(tab, 5);
    await tab.press(']');
    await waitForPapers(tab, 8);

    await tab.press('/');
    expect(await tab.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search papers');
    await tab.press('Escape');

    await tab.press('j');
    await tab.press('o');
    await poll(
      () => tab.url(),
      'the paper’s page',
      (u) => u === `https://huggingface.co/papers/${papers[0]!.id}`,
    );
    await tab.close();
  });

  it('with Hugging Face down, an offline banner says so, Refresh explains, and the cached papers stay', async () => {
    const tab = await newTab();
    const before = await shownTitles(tab);
    hf.setFault({ kind: 'down' });
    await press(tab, 'Refresh');
    await statusSays(tab, /Offline: could not reach Hugging Face; showing cached papers; next try at \d\d:\d\d/);
    expect(await shownTitles(tab)).toEqual(before);
    hf.setFault(null);
    await tab.close();
  });

  it('offline, it says so and still shows the cached papers', async () => {
    const tab = await newTab();
    await driver.setOffline(true);
    try {
      await waitText(tab, 'You are offline; showing cached papers');
      expect(await paperCount(tab)).toBe(8);
    } finally {
      await driver.setOffline(false);
    }
    await waitIn(tab, 'back online', () => navigator.onLine);
    await tab.close();
  });
});

describe('the popup', () => {
  it('shows the top papers with upvotes and Save, how many are new, Refresh, and links onward', async () => {
    const today = utcDay(0);
    hf.setDay(today, makeDay(today, 12, 5));
    const popup = await driver.openExtensionPage('popup.html');
    await press(popup, 'Refresh');
    await waitText(popup, '12 new');
    await waitForPapers(popup, 10);
    expect(await shownTitles(popup)).toEqual(
      byUpvotes(today, 12, 5)
        .slice(0, 10)
        .map((p) => p.title),
    );
    const first = byUpvotes(today, 12, 5)[0]!.title;
    expect(await pressedState(popup, await cardControl(popup, first, /^Saved?$/))).toMatch(/^(true|false)$/);
    await byName(popup, 'button', 'Refresh');
    await byName(popup, 'a', 'Open the new tab view');
    await waitForBadge(driver, '');
    const readingLists = () =>
      driver.inExtension(
        async () =>
          (await chrome.runtime.getContexts({ contextTypes: ['TAB' as never] })).filter((c) =>
            c.documentUrl?.endsWith('/reading-list.html'),
          ).length,
      );
    const open = await readingLists();
    await press(popup, 'Reading list', 'a');
    await poll(readingLists, 'the reading list opened in a tab', (n) => n === open + 1);
  });
});
