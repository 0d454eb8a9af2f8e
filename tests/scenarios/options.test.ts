/**
 * The options page, in both browsers: the refresh interval, the badge, the watch list, minimum
 * upvotes, changes kept when the page closes at once, default view / sort / theme, quiet mode,
 * notifications' permission, the data section (export, import, a malformed file), sync switched
 * off, and clearing the paper cache. Yesterday has 7 papers, one of them watched in a test.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoWeek, weekDays } from '@/lib/core/dates';
import { makeDailyItem, makeDay, utcDay } from '../fixtures/papers';
import { scenarioWorld } from '../support/scenario-world';
import { byName, poll, shownTitles, waitForBadge, waitForPapers, waitIn, type Tab } from '../support/driver';
import {
  cardText,
  checked,
  field,
  fill,
  openOrderAndFilters,
  press,
  pressedState,
  setChecked,
  toggleSave,
  valueOf,
  waitText,
} from '../support/steps';

/** The extension's API where `driver.inExtension` and extension pages run it (both browsers have `chrome`). */
declare const chrome: typeof import('wxt/browser').browser;

const DAY = utcDay(-1);
const WATCHED_TITLE = 'Sparse Gómez Attention for Long Documents';
const items = [
  ...makeDay(DAY, 6),
  makeDailyItem('2511.09999', DAY, { paper: { title: WATCHED_TITLE, upvotes: 1, organization: undefined } }),
];
const { hf, driver } = scenarioWorld({ serve: (hf) => hf.setDay(DAY, items), badge: '7' });

async function options(): Promise<Tab> {
  const page = await driver.openExtensionPage('options.html');
  await waitIn(page, 'the settings', () => document.querySelector('h1')?.textContent === 'Papertab settings');
  return page;
}
async function newTab(count = 7): Promise<Tab> {
  const tab = await driver.openExtensionPage('newtab.html');
  await waitForPapers(tab, count);
  return tab;
}

async function choose(tab: Tab, label: string, value: string): Promise<void> {
  await tab.select(await field(tab, label), value);
}

const refreshPeriod = () =>
  driver.inExtension(async () => (await chrome.alarms.get('papertab-refresh'))?.periodInMinutes ?? null);
/** The settings as the options page stored them (what every other page reads at start). */
const storedSettings = () =>
  driver.inExtension(
    async () =>
      ((await chrome.storage.local.get('settings')).settings as { values?: Record<string, unknown> } | undefined)
        ?.values ?? {},
  );

describe('the options page', () => {
  it('the refresh interval sets the alarm', async () => {
    const page = await options();
    await choose(page, 'Refresh interval', '120');
    await poll(refreshPeriod, 'a 2-hour alarm', (p) => p === 120);
    await choose(page, 'Refresh interval', '30');
    await poll(refreshPeriod, 'a 30-minute alarm', (p) => p === 30);
    await page.close();
  });

  it('the badge shows a count, a dot, or nothing', async () => {
    const page = await options();
    await setChecked(page, 'A dot');
    await waitForBadge(driver, '•');
    await setChecked(page, 'Off');
    await waitForBadge(driver, '');
    await setChecked(page, 'Count of new papers');
    await waitForBadge(driver, '7');
    await page.close();
  });

  it('the watch list highlights matching papers (accent- and case-insensitive, whole words) and colours the badge', async () => {
    const page = await options();
    const keywords = await field(page, 'Watched keywords');
    await fill(page, keywords, 'sparse gomez\natten');
    await poll(
      () => driver.inExtension(() => chrome.action.getBadgeBackgroundColor({})),
      'the watch list’s badge colour',
      (c) => JSON.stringify(c) === JSON.stringify([109, 40, 217, 255]),
    );
    const tab = await newTab();
    // "sparse gomez" is a whole-word phrase of the title; "atten" is not a whole word, so it is not listed.
    const text = await poll(
      () => cardText(tab, WATCHED_TITLE),
      'the watched paper marked',
      (t) => t.includes('On your watch list: sparse gomez'),
    );
    expect(text).not.toContain('atten,');
    expect(await tab.evaluate(() => document.querySelectorAll('article.watched').length)).toBe(1);
    await fill(page, keywords, '');
    await waitIn(tab, 'no paper watched', () => document.querySelectorAll('article.watched').length === 0);
    await tab.close();
    await page.close();
  });

  it('minimum upvotes hides papers below it, with a way to show them', async () => {
    const page = await options();
    const threshold = [...items].sort((a, b) => b.paper.upvotes - a.paper.upvotes)[2]!.paper.upvotes;
    const minimum = await field(page, 'Minimum upvotes');
    await fill(page, minimum, String(threshold));
    // Saved as it is typed, after a pause: the new tab opened before then would read the old one.
    await poll(storedSettings, 'the minimum stored', (s) => s.minUpvotes === threshold);
    const tab = await newTab(items.filter((i) => i.paper.upvotes >= threshold).length);
    await press(tab, 'Show all');
    await waitForPapers(tab, 7);
    await fill(page, minimum, '0');
    await poll(storedSettings, 'the minimum back to 0', (s) => s.minUpvotes === 0);
    await tab.close();
    await page.close();
  });

  it('a change made just before the page is closed is kept (typed value, watch list, toggle)', async () => {
    for (const n of ['4', '11']) {
      const page = await options();
      await fill(page, await field(page, 'Minimum upvotes'), n);
      await fill(page, await field(page, 'Watched keywords'), `topic ${n}`);
      await page.click(await field(page, n === '4' ? 'A dot' : 'Count of new papers'));
      await page.close(); // at once: no waiting for anything to be written
      const again = await options();
      const minimum = await field(again, 'Minimum upvotes');
      await poll(
        () => valueOf(again, minimum),
        `minimum upvotes ${n}`,
        (v) => v === n,
      );
      expect(await valueOf(again, await field(again, 'Watched keywords'))).toBe(`topic ${n}`);
      expect(await checked(again, await field(again, 'A dot'))).toBe(n === '4');
      await again.close();
    }
    const page = await options();
    await fill(page, await field(page, 'Minimum upvotes'), '0');
    await fill(page, await field(page, 'Watched keywords'), '');
    await setChecked(page, 'Count of new papers');
    await page.close();
  });

  it('default view, sort and theme change what the new tab shows', async () => {
    const page = await options();
    await choose(page, 'Default view', 'week');
    await choose(page, 'Sort', 'newest');
    await choose(page, 'Theme', 'dark');
    await poll(
      storedSettings,
      'the settings stored',
      (s) => s.defaultView === 'week' && s.sort === 'newest' && s.theme === 'dark',
    );
    const tab = await driver.openExtensionPage('newtab.html');
    await waitIn(tab, 'the week', () => document.querySelector('h1')?.textContent?.includes('Week of'));
    expect(await pressedState(tab, await byName(tab, 'button', 'Week'))).toBe('true');
    await openOrderAndFilters(tab);
    expect(await pressedState(tab, await byName(tab, 'button', 'Newest'))).toBe('true');
    expect(await tab.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await tab.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(23, 21, 19)');
    // The week shown is the newest day's: the date picker stands on its Monday.
    expect(await valueOf(tab, await field(tab, 'Go to date'))).toBe(weekDays(isoWeek(DAY))[0]);
    await choose(page, 'Default view', 'day');
    await choose(page, 'Sort', 'upvotes');
    await choose(page, 'Theme', 'system');
    await poll(storedSettings, 'the settings back', (s) => s.defaultView === 'day' && s.theme === 'system');
    await tab.close();
    await page.close();
  });

  it('quiet mode gives a plain new tab with a search box and a link to the papers; the popup keeps working', async () => {
    const page = await options();
    await setChecked(page, /Quiet new tab/);
    const tab = await driver.openExtensionPage('newtab.html');
    const daily = await byName(tab, 'a', 'Daily Papers');
    expect(
      await tab.evaluate(() => ({
        search: document.querySelectorAll('input[type="search"]').length,
        papers: document.querySelectorAll('article').length,
        refresh: [...document.querySelectorAll('button')].filter((b) => b.textContent?.trim() === 'Refresh').length,
      })),
    ).toEqual({ search: 1, papers: 0, refresh: 0 });
    await tab.click(daily);
    await waitForPapers(tab, 7);
    const popup = await driver.openExtensionPage('popup.html');
    await waitForPapers(popup, 7);
    await setChecked(page, /Quiet new tab/, false);
    const again = await newTab();
    await Promise.all([tab.close(), popup.close(), again.close(), page.close()]);
  });

  it('notifications: switching on asks the browser for the permission, and stays off unless it is granted', async () => {
    // Chromium's prompt cannot be answered headless: there, the switch asks and does not claim to
    // be on. Firefox's own prompt is refused here, as a person would. Granting and the notification
    // itself are covered by unit tests (tests/unit/notify.test.ts).
    const page = await options();
    const box = await field(page, /Desktop notification/);
    await page.click(box);
    await waitText(page, /Asking the browser for the “notifications” permission/);
    if (driver.name === 'firefox') {
      await driver.answerPermissionPrompt(false);
      await waitText(page, 'Notifications need your permission: they stay off.');
      expect(await driver.inExtension(() => chrome.permissions.contains({ permissions: ['notifications'] }))).toBe(
        false,
      );
    }
    expect(await checked(page, box)).toBe(false);
    await page.close();
  });

  it('data: what is stored and how much; the backup exported here imports back; a malformed file changes nothing', async () => {
    const tab = await newTab();
    // The tab is closed once the paper shows as saved (the write has landed), as a person would.
    await toggleSave(tab, WATCHED_TITLE);
    await tab.close();
    const page = await options();
    await waitText(page, /7 cached papers over \d+ days?; 1 paper in the reading list; [\d.]+ (?:B|KB|MB|GB) used\./);
    const backup = await page.download(await byName(page, 'button', 'Export JSON backup'));
    expect(JSON.parse(backup.text)).toHaveProperty('papers');
    const dir = await mkdtemp(join(tmpdir(), 'papertab-import-'));
    try {
      const input = await field(page, 'Import (JSON backup or BibTeX)');
      await writeFile(join(dir, 'broken.json'), '{"papers": [');
      await page.upload(input, join(dir, 'broken.json'));
      await waitIn(page, 'the file refused', () =>
        /Nothing was changed/.test(document.querySelector('[role="alert"]')?.textContent ?? ''),
      );
      await writeFile(join(dir, 'papertab.json'), backup.text);
      await page.upload(input, join(dir, 'papertab.json'));
      await waitIn(page, 'the backup imported', () =>
        [...document.querySelectorAll('[role="status"]')].some((s) =>
          /Imported|up to date|Nothing new/i.test(s.textContent ?? ''),
        ),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await page.close();
  });

  it('sync can be switched off: nothing more is written to the sync area until it is on again', async () => {
    const page = await options();
    const box = await field(page, /Sync the reading list and settings/);
    expect(await checked(page, box)).toBe(true);
    await setChecked(page, /Sync the reading list and settings/, false);
    await waitText(page, 'Sync is off: the reading list and settings stay on this device.');
    const syncedTheme = () =>
      driver.inExtension(async () => {
        const s = (await chrome.storage.sync.get('settings')).settings as { values?: { theme?: string } } | undefined;
        return s?.values?.theme ?? 'none';
      });
    const syncAlarm = () =>
      driver.inExtension(async () => (await chrome.alarms.get('papertab-sync'))?.scheduledTime ?? null);
    /** Makes an edit, then fires the sync it scheduled (30 s out) now. */
    const editThenSync = async (edit: () => Promise<void>) => {
      const editedAt = Date.now();
      await edit();
      // Fired only once the edit's own scheduling is in, which would otherwise push it back.
      await poll(syncAlarm, 'the sync the edit scheduled', (at) => at !== null && at >= editedAt + 30_000);
      await driver.fireAlarm('papertab-sync');
    };
    const before = await syncedTheme();
    await editThenSync(() => choose(page, 'Theme', 'light'));
    // Sync off writes nothing, so nothing schedules it again: the alarm is gone once it has fired.
    await poll(syncAlarm, 'the sync alarm to fire', (at) => at === null);
    // The same sync on demand, awaited to its end: it answers that sync is off, and writes nothing.
    const reply = await page.evaluate(
      () => chrome.runtime.sendMessage({ type: 'syncNow' }) as Promise<{ message?: string }>,
    );
    expect(reply.message).toBe('Sync is off: the reading list and settings stay on this device.');
    expect(await syncedTheme()).toBe(before);
    await editThenSync(() => setChecked(page, /Sync the reading list and settings/));
    await poll(syncedTheme, 'the theme synced', (t) => t === 'light');
    await choose(page, 'Theme', 'system');
    await page.close();
  });

  it('clearing the paper cache asks first, and never touches the reading list', async () => {
    const tab = await newTab();
    const paper = (await shownTitles(tab))[0]!;
    await toggleSave(tab, paper);
    await tab.close();
    const page = await options();
    hf.setFault({ kind: 'down' }); // keep the cache empty after clearing
    await press(page, 'Clear paper cache…');
    await press(page, 'Cancel');
    await press(page, 'Clear paper cache…');
    await press(page, 'Clear cache');
    await waitText(page, /\b0 cached papers/);
    const list = await driver.openExtensionPage('reading-list.html');
    await waitIn(
      list,
      `“${paper}” still in the reading list`,
      (t) => [...document.querySelectorAll('article h2, article h3')].some((h) => h.textContent?.trim() === t),
      paper,
    );
    hf.setFault(null);
    await list.close();
    await page.close();
  });
});
