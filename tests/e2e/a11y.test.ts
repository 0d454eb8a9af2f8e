import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeDailyItem, makeDay, utcDay } from '../fixtures/papers';
import { launchExtension, type ExtensionSession } from '../support/extension';
import { startStandIn, type StandIn } from '../support/standin';
import { seriousViolations, formatViolations } from '../support/axe';
import { openSavedDetails, waitForBadge, waitForPapers } from '../support/e2e';
import { until } from '../support/until';

/**
 * axe-core finds no serious or critical violations on every page, in light and dark (from the
 * system, and from the Theme setting), with realistic content: organizations, GitHub links,
 * keywords, a watched paper, saved papers with status, tags and notes, search highlights, the
 * expanded abstract and the keyboard-help dialog.
 */
let hf: StandIn;
let ext: ExtensionSession;
const DAY = utcDay(-1);
const WATCHED_TITLE = 'Sparse Gómez Attention for Long Documents';
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

beforeAll(async () => {
  hf = await startStandIn();
  hf.setDay(DAY, items);
  hf.setDay(utcDay(-2), makeDay(utcDay(-2), 4));
  ext = await launchExtension({ port: hf.port });
  await waitForBadge(ext, String(items.length));

  // A watched paper, so the highlight is on the page.
  const options = await ext.page('options.html');
  await options.getByRole('heading', { level: 1, name: 'Papertab settings' }).waitFor();
  await options.getByRole('textbox', { name: 'Watched keywords' }).fill('sparse gomez');
  await options.getByRole('textbox', { name: 'Watched keywords' }).blur();
  await settingSaved(options);
  await options.close();

  // Saved papers, with status, tags and a note.
  const tab = await ext.page('newtab.html');
  await until(
    'papers on the new tab',
    () => tab.getByRole('article').count(),
    (n) => n === items.length,
  );
  for (const title of titles.slice(0, 3)) {
    const save = tab.getByRole('article', { name: title }).getByRole('button', { name: 'Save' });
    await save.click();
    await until(
      `${title} saved`,
      () => save.getAttribute('aria-pressed'),
      (v) => v === 'true',
    );
  }
  await tab.close();
  const list = await ext.page('reading-list.html');
  const card = list.getByRole('article', { name: titles[0]! });
  await openSavedDetails(card);
  await card.getByRole('combobox', { name: 'Status' }).selectOption('reading');
  for (const tag of ['attention', 'to-reproduce']) {
    await card.getByRole('textbox', { name: `Add a tag to “${titles[0]!}”` }).fill(tag);
    await card.getByRole('textbox', { name: `Add a tag to “${titles[0]!}”` }).press('Enter');
  }
  await card.getByRole('textbox', { name: 'Note' }).fill('Compare with the sliding-window baseline.');
  await card.getByRole('textbox', { name: 'Note' }).blur();
  await openSavedDetails(list.getByRole('article', { name: titles[1]! }));
  await list.getByRole('article', { name: titles[1]! }).getByRole('combobox', { name: 'Status' }).selectOption('read');
  await until(
    'tag added',
    () => card.getByRole('listitem').filter({ hasText: 'to-reproduce' }).count(),
    (n) => n === 1,
  );
  await list.close();
});
afterAll(async () => {
  await ext?.close();
  await hf?.close();
});

/** The options page says "Saved" once a change is stored. */
async function settingSaved(options: Page): Promise<void> {
  await until(
    'saved',
    async () => (await options.locator('p.status').textContent()) ?? '',
    (text) => /^Saved/.test(text),
  );
}

async function optionsPage(): Promise<Page> {
  const page = await ext.page('options.html');
  await page.getByRole('heading', { level: 1, name: 'Papertab settings' }).waitFor();
  return page;
}

async function setTheme(value: string): Promise<void> {
  const page = await optionsPage();
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await until(
    'settings loaded',
    () => theme.inputValue(),
    (v) => v !== '',
  );
  if ((await theme.inputValue()) !== value) {
    await theme.selectOption(value);
    await settingSaved(page);
  }
  await page.close();
}

async function setQuiet(on: boolean): Promise<void> {
  const page = await optionsPage();
  await page.getByRole('checkbox', { name: /Quiet new tab/ }).setChecked(on);
  await settingSaved(page);
  await page.close();
}

/** Soft: every state of a page is checked (and reported) even when an earlier one fails. */
async function expectAccessible(page: Page, label: string): Promise<void> {
  const found = await seriousViolations(page);
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

  async function open(path: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await ext.context.newPage();
    await page.emulateMedia({ colorScheme });
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(bg);
    return page;
  }

  it('the new tab: a watched paper, an expanded abstract, the keyboard help, the undo toast, search results', async () => {
    const page = await open('newtab.html');
    await waitForPapers(page, items.length);
    const watched = page.getByRole('article', { name: WATCHED_TITLE });
    await expect.poll(() => watched.textContent()).toContain('On your watch list');
    await watched.getByRole('button', { name: /^More actions/ }).click();
    await watched.getByRole('menuitem', { name: 'Show abstract' }).click();
    await watched.locator('.abstract').waitFor();
    await expectAccessible(page, `new tab, ${name}`);

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true);
    await expectAccessible(page, `keyboard help, ${name}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(false);

    // Unsaving offers Undo in a toast.
    const other = page.getByRole('article', { name: titles[5]! }).getByRole('button', { name: 'Save' });
    await other.click();
    await expect.poll(() => other.getAttribute('aria-pressed')).toBe('true');
    await other.click();
    await expect.poll(() => other.getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    await expectAccessible(page, `undo toast, ${name}`);

    await page.getByRole('searchbox', { name: 'Search papers' }).fill(SEARCH_WORD);
    await expect.poll(() => page.getByText(/\d+ papers? match/).textContent()).toMatch(/^[1-9]\d* papers? match/);
    await expect.poll(() => page.locator('article mark').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: /Search Hugging Face/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: /From Hugging Face/ }).count()).toBe(1);
    await expectAccessible(page, `search results, ${name}`);
    await page.close();
  });

  it('the popup at 380 px', async () => {
    const page = await open('popup.html', { width: 380, height: 640 });
    await waitForPapers(page, 10);
    await expect.poll(() => page.locator('.popup-paper.watched').count()).toBe(1);
    await expectAccessible(page, `popup, ${name}`);
    await page.close();
  });

  it('the reading list with status, tags and notes', async () => {
    const page = await open('reading-list.html');
    await waitForPapers(page, 3);
    await expect.poll(() => page.locator('.saved-tags').filter({ hasText: 'to-reproduce' }).count()).toBe(1);
    // One paper's note opened in place, with its status and tags to edit.
    const note = page.getByRole('button', { name: 'Note: Compare with the sliding-window baseline.' });
    await note.click();
    expect(await note.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('textbox', { name: 'Note' }).inputValue()).toBe(
      'Compare with the sliding-window baseline.',
    );
    await page
      .getByRole('checkbox', { name: /^Select/ })
      .first()
      .check();
    await page.getByRole('group', { name: 'Selected papers' }).waitFor();
    await expectAccessible(page, `reading list, ${name}`);
    await page.close();
  });

  it('the options page', async () => {
    const page = await open('options.html');
    await page.getByRole('heading', { level: 1, name: 'Papertab settings' }).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Watched keywords' }).inputValue()).toBe('sparse gomez');
    await expectAccessible(page, `options, ${name}`);
    await page.close();
  });

  it('the quiet new tab', async () => {
    await setQuiet(true);
    try {
      const page = await open('newtab.html');
      await expect.poll(() => page.getByRole('link', { name: 'Daily Papers' }).count()).toBe(1);
      await expectAccessible(page, `quiet new tab, ${name}`);
      await page.close();
    } finally {
      await setQuiet(false);
    }
  });
});
