/**
 * axe-core finds no serious or critical violations on every page, in both browsers, in light and
 * dark (from the system, and from the Theme setting), with realistic content: organizations, GitHub
 * links, keywords, a watched paper, saved papers with status, tags and notes, search highlights,
 * the expanded abstract, the keyboard-help dialog and the undo toast.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDailyItem, makeDay, utcDay } from '../fixtures/papers';
import { scenarioWorld } from '../support/scenario-world';
import { formatViolations, seriousViolations } from '../support/axe';
import { byName, poll, waitForPapers, waitIn, type OpenOptions, type Tab } from '../support/driver';
import {
  addTagTo,
  cardAction,
  cardControl,
  cardText,
  field,
  fill,
  press,
  setChecked,
  setReadingStatus,
  toggleSave,
  valueOf,
  waitText,
  writeNote,
  waitHelp,
} from '../support/steps';

const DAY = utcDay(-1);
const WATCHED_TITLE = 'Sparse Gómez Attention for Long Documents';
const NOTE = 'Compare with the sliding-window baseline.';
const items = [
  ...makeDay(DAY, 9),
  makeDailyItem('2511.09998', DAY, {
    numComments: 12,
    organization: { name: 'allenai', fullname: 'Ai2' },
    paper: {
      title: WATCHED_TITLE,
      upvotes: 250,
      organization: { _id: '0123456789abcdef01234567', name: 'allenai', fullname: 'Ai2', avatar: '' },
      githubRepo: 'https://github.com/allenai/sparse-gomez',
      githubStars: 1234,
      projectPage: 'https://sparse-gomez.github.io/',
      ai_keywords: ['sparse attention', 'long context', 'transformer'],
    },
  }),
];
const titles = [...items].sort((a, b) => b.paper.upvotes - a.paper.upvotes).map((i) => i.paper.title);
const SEARCH_WORD = 'attention';

const { driver } = scenarioWorld({
  serve: (hf) => {
    hf.setDay(DAY, items);
    hf.setDay(utcDay(-2), makeDay(utcDay(-2), 4));
  },
  badge: String(items.length),
});

async function optionsPage(): Promise<Tab> {
  const page = await driver.openExtensionPage('options.html');
  await waitIn(page, 'the settings', () => document.querySelector('h1')?.textContent === 'Papertab settings');
  return page;
}

/** The options page says "Saved" once a change is stored. */
function settingSaved(page: Tab): Promise<boolean> {
  return waitIn(page, 'the setting saved', () => /^Saved/.test(document.querySelector('p.status')?.textContent ?? ''));
}

beforeAll(async () => {
  // A watched paper, so the highlight is on the page.
  const options = await optionsPage();
  await fill(options, await field(options, 'Watched keywords'), 'sparse gomez');
  await options.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await settingSaved(options);
  await options.close();

  // Saved papers, with status, tags and a note.
  const tab = await driver.openExtensionPage('newtab.html');
  await waitForPapers(tab, items.length);
  for (const title of titles.slice(0, 3)) await toggleSave(tab, title);
  await tab.close();
  const list = await driver.openExtensionPage('reading-list.html');
  await waitForPapers(list, 3);
  await setReadingStatus(list, titles[0]!, 'reading');
  for (const tag of ['attention', 'to-reproduce']) await addTagTo(list, titles[0]!, tag);
  await writeNote(list, titles[0]!, NOTE);
  await setReadingStatus(list, titles[1]!, 'read');
  await list.close();
});

async function setTheme(value: string): Promise<void> {
  const page = await optionsPage();
  const theme = await field(page, 'Theme');
  const current = await poll(
    () => valueOf(page, theme),
    'the settings loaded',
    (v) => v !== '',
  );
  if (current !== value) {
    await page.select(theme, value);
    await settingSaved(page);
  }
  await page.close();
}

async function setQuiet(on: boolean): Promise<void> {
  const page = await optionsPage();
  await setChecked(page, /^Quiet new tab/, on);
  await settingSaved(page);
  await page.close();
}

/** Soft: every state of a page is checked (and reported) even when an earlier one fails. */
async function expectAccessible(tab: Tab, label: string): Promise<void> {
  const found = await seriousViolations(tab);
  expect.soft(found, formatViolations(label, found)).toEqual([]);
}

const LIGHT_BG = 'rgb(247, 247, 245)';
const DARK_BG = 'rgb(23, 21, 19)';

const MODES = [
  { name: 'light (system)', colorScheme: 'light', theme: 'system', bg: LIGHT_BG },
  { name: 'dark (system)', colorScheme: 'dark', theme: 'system', bg: DARK_BG },
  { name: 'dark (Theme setting, light system)', colorScheme: 'light', theme: 'dark', bg: DARK_BG },
  { name: 'light (Theme setting, dark system)', colorScheme: 'dark', theme: 'light', bg: LIGHT_BG },
] as const;

describe.each(MODES)('in $name', ({ name, colorScheme, theme, bg }) => {
  beforeAll(async () => {
    await setTheme(theme);
  });

  async function open(path: string, viewport?: OpenOptions['viewport']): Promise<Tab> {
    const tab = await driver.openExtensionPage(path, { colorScheme, viewport });
    await waitIn(tab, `the ${bg} background`, (want) => getComputedStyle(document.body).backgroundColor === want, bg);
    return tab;
  }

  it('the new tab: a watched paper, an expanded abstract, the keyboard help, the undo toast, search results', async () => {
    const tab = await open('newtab.html');
    await waitForPapers(tab, items.length);
    await poll(
      () => cardText(tab, WATCHED_TITLE),
      'the watched paper marked',
      (t) => t.includes('On your watch list'),
    );
    await cardAction(tab, WATCHED_TITLE, 'Show abstract');
    await cardControl(tab, WATCHED_TITLE, 'Hide abstract');
    await expectAccessible(tab, `new tab, ${name}`);

    await press(tab, 'Keyboard shortcuts');
    await waitHelp(tab, true);
    await expectAccessible(tab, `keyboard help, ${name}`);
    await tab.press('Escape');
    await waitHelp(tab, false);

    // Unsaving offers Undo in a toast.
    await toggleSave(tab, titles[5]!, true);
    await toggleSave(tab, titles[5]!, false);
    await byName(tab, 'button', 'Undo');
    await expectAccessible(tab, `undo toast, ${name}`);

    await tab.type(await field(tab, 'Search papers'), SEARCH_WORD);
    await waitText(tab, /[1-9]\d* papers? match/);
    await waitIn(tab, 'highlighted matches', () => document.querySelectorAll('article mark').length > 0);
    await press(tab, /Search Hugging Face/);
    await waitText(tab, /From Hugging Face/);
    await expectAccessible(tab, `search results, ${name}`);
    await tab.close();
  });

  it('the popup at 380 px', async () => {
    const tab = await open('popup.html', { width: 380, height: 640 });
    await waitForPapers(tab, 10);
    await waitIn(tab, 'the watched paper marked', () => document.querySelectorAll('.popup-paper.watched').length === 1);
    await expectAccessible(tab, `popup, ${name}`);
    await tab.close();
  });

  it('the reading list with status, tags and notes', async () => {
    const tab = await open('reading-list.html');
    await waitForPapers(tab, 3);
    await waitIn(tab, 'the tags shown', () =>
      [...document.querySelectorAll('.saved-tags')].some((t) => t.textContent?.includes('to-reproduce')),
    );
    // One paper's note opened in place, with its status and tags to edit.
    const note = await byName(tab, 'button', `Note: ${NOTE}`);
    await tab.click(note);
    await waitIn(
      tab,
      'the note opened',
      (s) => document.querySelector(s)?.getAttribute('aria-expanded') === 'true',
      note,
    );
    expect(await valueOf(tab, await field(tab, 'Note', titles[0]!))).toBe(NOTE);
    await tab.click(await field(tab, /^Select/));
    await waitIn(
      tab,
      'the selected papers’ actions',
      () => !!document.querySelector('[role="group"][aria-label="Selected papers"]'),
    );
    await expectAccessible(tab, `reading list, ${name}`);
    await tab.close();
  });

  it('the options page', async () => {
    const tab = await open('options.html');
    const keywords = await field(tab, 'Watched keywords');
    await poll(
      () => valueOf(tab, keywords),
      'the watched keywords loaded',
      (v) => v === 'sparse gomez',
    );
    await expectAccessible(tab, `options, ${name}`);
    await tab.close();
  });

  it('the quiet new tab', async () => {
    await setQuiet(true);
    try {
      const tab = await open('newtab.html');
      await byName(tab, 'a', 'Daily Papers');
      await expectAccessible(tab, `quiet new tab, ${name}`);
      await tab.close();
    } finally {
      await setQuiet(false);
    }
  });
});
