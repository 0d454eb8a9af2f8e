/**
 * The calm glance (issue 19), in both browsers: counted at 1280×800 and in the popup at 380×600
 * (controls visible per card at rest, rows of controls above the papers, papers fully visible in
 * each layout, with their thumbnails), axe clean in light and dark; every action of a card's
 * "More actions" menu performed by keyboard alone, the c a f x ? keys; the reading list at rest;
 * and the popup's Save kept when the popup closes inside the click. The stand-in answers the
 * thumbnails' CDN, github.com and the project pages, so every link is followed to where it leads.
 */
import { describe, expect, it } from 'vitest';
import { makeDay, utcDay } from '../fixtures/papers';
import { scenarioWorld } from '../support/scenario-world';
import { IMAGE_HOSTS } from '../support/sample-images';
import { formatViolations, seriousViolations } from '../support/axe';
import {
  back,
  byName,
  clipboardAfter,
  poll,
  reload,
  storedSaved,
  waitForPapers,
  waitIn,
  type OpenOptions,
  type Tab,
} from '../support/driver';
import {
  addTagTo,
  cardControl,
  chooseLayout,
  field,
  fill,
  pressedState,
  setReadingStatus,
  valueOf,
  waitHelp,
  waitPressed,
  writeNote,
} from '../support/steps';

const DAY = utcDay(-1);
const COUNT = 30;
const papers = makeDay(DAY, COUNT)
  .map((i) => i.paper)
  .sort((a, b) => b.upvotes - a.upvotes || a.title.localeCompare(b.title));
const DESKTOP = { width: 1280, height: 800 };
const POPUP = { width: 380, height: 600 };
/** The papers' project pages (*.github.io), each host named for the stand-in. */
const projectHosts = [...new Set(papers.flatMap((p) => (p.projectPage ? [new URL(p.projectPage).host] : [])))];

const { driver } = scenarioWorld({
  serve: (hf) => hf.setDay(DAY, makeDay(DAY, COUNT)),
  badge: String(COUNT),
  hosts: [...IMAGE_HOSTS, 'github.com', ...projectHosts],
});

/** Opens an extension page and waits until it shows the colour scheme asked for. */
async function open(path: string, viewport: OpenOptions['viewport'], colorScheme: 'light' | 'dark' = 'light') {
  const tab = await driver.openExtensionPage(path, { viewport, colorScheme });
  await seesScheme(tab, colorScheme);
  return tab;
}

const seesScheme = (tab: Tab, scheme: 'light' | 'dark') =>
  waitIn(
    tab,
    `the ${scheme} colour scheme`,
    (dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark,
    scheme === 'dark',
  );

async function newTab(scheme: 'light' | 'dark' = 'light'): Promise<Tab> {
  const tab = await open('newtab.html', DESKTOP, scheme);
  await waitForPapers(tab, COUNT);
  return tab;
}

/**
 * The glance at rest: once every card has its menu button, the pointer taken off every card (to the
 * window's bottom-right corner) and nothing focused.
 */
async function atRest(tab: Tab, cardSelector: string, size: { width: number; height: number }) {
  await waitIn(
    tab,
    'every card’s More actions button',
    (sel) => [...document.querySelectorAll(sel)].every((c) => c.querySelector('button[aria-haspopup="menu"]')),
    cardSelector,
  );
  await tab.movePointer(size.width - 1, size.height - 1);
  return glance(tab, cardSelector);
}

/** A picture of what the test counted, when GLANCE_SHOTS names a folder (for the README's pictures). */
async function shot(tab: Tab, name: string): Promise<void> {
  if (process.env.GLANCE_SHOTS) await tab.screenshot(`${process.env.GLANCE_SHOTS}/${name}.png`);
}

/** What the eye meets with the pointer away and nothing focused. */
function glance(tab: Tab, cardSelector: string) {
  return tab.evaluate((sel) => {
    (document.activeElement as HTMLElement | null)?.blur();
    const seen = (e: Element) => {
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && Number(s.opacity) > 0;
    };
    const CONTROL = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
    const cards = [...document.querySelectorAll(sel)];
    const full = cards.filter((a) => {
      const r = a.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
    });
    const perCard = cards.map((c) =>
      [...c.querySelectorAll(CONTROL)]
        .filter((e) => seen(e) && !e.closest('h2'))
        .map((e) => e.getAttribute('aria-label') ?? e.textContent?.trim() ?? ''),
    );
    const header = document.querySelector('header');
    const rows = new Set(
      [...(header?.querySelectorAll(CONTROL) ?? [])].filter(seen).map((e) => {
        const r = e.getBoundingClientRect();
        return Math.round((r.top + r.height / 2) / 16);
      }),
    );
    // A thumbnail counts once its picture has arrived and shows (a failed one hides itself).
    const thumbs = full.filter((c) => {
      const img = c.querySelector<HTMLImageElement>('img.thumb');
      return !!img && img.complete && img.naturalWidth > 0 && seen(img);
    }).length;
    return {
      full: full.length,
      thumbs,
      perCard,
      headerRows: rows.size,
      firstTop: cards[0]?.getBoundingClientRect().top ?? Infinity,
    };
  }, cardSelector);
}

/** Waits until every thumbnail shown on the papers fully on screen has loaded or failed. */
const thumbnailsSettled = (tab: Tab) =>
  waitIn(tab, 'the thumbnails on screen to load', () =>
    [...document.querySelectorAll('main article')]
      .filter((a) => {
        const r = a.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
      })
      .every((a) => {
        // A layout that shows no thumbnail (Compact) loads none: only the shown ones are waited for.
        const img = a.querySelector<HTMLImageElement>('img.thumb');
        return !img?.checkVisibility() || img.complete;
      }),
  );

/** Whether the element `selector` matches is shown. */
const visible = (tab: Tab, selector: string) =>
  tab.evaluate((s) => document.querySelector<HTMLElement>(s)?.checkVisibility() ?? false, selector);

describe('the calm glance at 1280×800', () => {
  it('one row of controls under the title, the first paper within 200 px, Save and More actions per card', async () => {
    const tab = await newTab();
    // The row's controls first: the glance is counted once they are all there.
    for (const name of ['Day', 'Week', 'Month', 'Following', 'Previous day', /Order and filters/, 'Refresh'])
      expect(await visible(tab, await byName(tab, '.controls-row button', name)), String(name)).toBe(true);
    const g = await atRest(tab, 'main article', DESKTOP);
    // The title's row (its page links), the controls, the search box.
    expect(g.headerRows).toBeLessThanOrEqual(3);
    expect(g.firstTop).toBeLessThanOrEqual(200);
    for (const controls of g.perCard) {
      expect(controls.length).toBeLessThanOrEqual(2);
      expect(controls[0]).toMatch(/Save$/);
    }
    expect(g.perCard[0]![1]).toBe(`More actions for “${papers[0]!.title}”`);
    await tab.close();
  });

  it.each([
    ['Comfortable', 4],
    ['Compact', 16],
    ['Grid', 6],
  ] as const)('%s shows at least %i papers fully, light and dark, axe clean', async (layout, least) => {
    for (const scheme of ['light', 'dark'] as const) {
      const tab = await newTab(scheme);
      await chooseLayout(tab, layout);
      await thumbnailsSettled(tab);
      const g = await atRest(tab, 'main article', DESKTOP);
      await shot(tab, `${layout}-${scheme}-${driver.name}`);
      expect(g.full).toBeGreaterThanOrEqual(least);
      if (layout === 'Grid') expect(g.thumbs).toBeGreaterThanOrEqual(least);
      for (const controls of g.perCard) expect(controls.length).toBeLessThanOrEqual(2);
      const violations = await seriousViolations(tab);
      expect(violations, formatViolations(`${layout} ${scheme}`, violations)).toEqual([]);
      await tab.close();
    }
    const tab = await newTab();
    await chooseLayout(tab, 'Comfortable');
    await tab.close();
  });
});

describe('the popup at 380×600', () => {
  it('shows at least 8 of its 10 papers fully, each with Save and More actions only', async () => {
    const popup = await open('popup.html', POPUP);
    await poll(
      () => popup.evaluate(() => document.querySelectorAll('.popup-list article').length),
      'the popup’s 10 papers',
      (n) => n === 10,
    );
    const g = await atRest(popup, '.popup-list article', POPUP);
    await shot(popup, `popup-${driver.name}`);
    expect(g.full).toBeGreaterThanOrEqual(8);
    for (const controls of g.perCard) {
      expect(controls.length).toBeLessThanOrEqual(2);
      expect(controls[0]).toMatch(/Save$/);
    }
    const violations = await seriousViolations(popup);
    expect(violations, formatViolations('popup', violations)).toEqual([]);
    await popup.close();
  });
});

describe('every action one key away on the new tab', () => {
  /** The menu's item names, in order, once the focused card's menu is open. */
  const menuItems = (tab: Tab) =>
    tab.evaluate(() =>
      [...document.querySelectorAll('[role="menu"] [role="menuitem"]')].map((e) => e.textContent ?? ''),
    );
  const focusedText = (tab: Tab) => tab.evaluate(() => document.activeElement?.textContent ?? '');
  const focusedLabel = (tab: Tab) => tab.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  /** Waits until the focused element's text matches (a key's focus move may land after its event). */
  const focusOn = (tab: Tab, text: string | RegExp) =>
    poll(
      () => focusedText(tab),
      `focus on ${String(text)}`,
      (t) => (typeof text === 'string' ? t === text : text.test(t)),
    );
  const menuCount = (tab: Tab) => tab.evaluate(() => document.querySelectorAll('[role="menu"]').length);
  /** The number of cards headed `title` (0 once it is hidden). */
  const cardCount = (tab: Tab, title: string) =>
    tab.evaluate(
      (t) =>
        [...document.querySelectorAll('main article')].filter((a) => a.querySelector('h2')?.textContent === t).length,
      title,
    );
  const abstractShown = (tab: Tab, title: string) =>
    tab.evaluate(
      (t) =>
        [...document.querySelectorAll('main article')]
          .find((a) => a.querySelector('h2')?.textContent === t)
          ?.querySelector<HTMLElement>('.abstract')
          ?.checkVisibility() ?? false,
      title,
    );
  const waitCards = (tab: Tab, title: string, n: number) =>
    poll(
      () => cardCount(tab, title),
      `${n} card(s) “${title}”`,
      (c) => c === n,
    );

  async function focusCard(tab: Tab, index: number) {
    await tab.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i <= index; i++) await tab.press('j');
    await poll(
      () => tab.evaluate(() => document.activeElement?.getAttribute('data-paper-id')),
      `focus on paper ${index + 1}`,
      (id) => id === papers[index]!.id,
    );
  }

  /** `m`, then Home and ArrowDown to the item, then Enter: the keyboard alone. */
  async function runItem(tab: Tab, name: string) {
    await tab.press('m');
    const items = await poll(
      () => menuItems(tab),
      'the menu’s items',
      (i) => i.length > 0,
    );
    const at = items.findIndex((t) => t.startsWith(name));
    expect(at, `${name} in ${items.join(', ')}`).toBeGreaterThanOrEqual(0);
    // The menu takes focus once it has painted: keys pressed before that would go to the button.
    await waitIn(tab, 'the menu to hold focus', () => !!document.activeElement?.closest('[role="menu"]'));
    await tab.press('Home');
    for (let i = 0; i < at; i++) await tab.press('ArrowDown');
    expect((await focusOn(tab, items[at]!)).startsWith(name)).toBe(true);
    await tab.press('Enter');
  }

  /** Clears the clipboard of what was there; returns what the next copy puts on it. */
  async function clipboardChange(tab: Tab) {
    const marker = `before the copy ${Math.random()}`;
    await tab.writeClipboard(marker);
    return () => clipboardAfter(tab, marker);
  }

  const undo = async (tab: Tab) => tab.click(await byName(tab, '.toast button', 'Undo'));

  it('the menu follows the menu button pattern: arrows, Home/End, type-ahead, Escape returns focus', async () => {
    const tab = await newTab();
    await focusCard(tab, 0);
    const label = `More actions for “${papers[0]!.title}”`;
    const button = await byName(tab, 'button', label);
    const attr = (name: string) =>
      tab.evaluate(({ s, name }) => document.querySelector(s)?.getAttribute(name), { s: button, name });
    expect(await attr('aria-haspopup')).toBe('menu');
    await tab.press('m');
    await poll(
      () => attr('aria-expanded'),
      'the menu open',
      (v) => v === 'true',
    );
    // The menu's code loads when first opened: the button says expanded before the menu is there.
    const menuId = await waitIn(tab, 'the menu', () => document.querySelector('[role="menu"]')?.id ?? '');
    expect(menuId).toBe(await attr('aria-controls'));
    await focusOn(tab, /^Copy BibTeX/);
    await tab.press('ArrowDown');
    await focusOn(tab, /^Copy reference/);
    await tab.press('End');
    const items = await menuItems(tab);
    await focusOn(tab, items[items.length - 1]!);
    await tab.press('ArrowDown');
    await focusOn(tab, /^Copy BibTeX/);
    await tab.press('ArrowUp');
    await focusOn(tab, items[items.length - 1]!);
    await tab.press('Home');
    await focusOn(tab, /^Copy BibTeX/);
    await tab.press('p');
    await focusOn(tab, 'PDF');
    await tab.press('Escape');
    await poll(
      () => menuCount(tab),
      'the menu closed',
      (n) => n === 0,
    );
    await poll(
      () => focusedLabel(tab),
      'focus back on the menu button',
      (l) => l === label,
    );
    // ArrowUp on the button opens the menu at its last item.
    await tab.press('ArrowUp');
    await focusOn(tab, items[items.length - 1]!);
    await tab.press('Escape');
    await tab.close();
  });

  it('performs every menu action by keyboard alone', async () => {
    const tab = await newTab();
    const index = papers.findIndex((p) => p.githubRepo && p.projectPage);
    const paper = papers[index]!;

    await focusCard(tab, index);
    let copied = await clipboardChange(tab);
    await runItem(tab, 'Copy BibTeX');
    expect(await copied()).toContain(`eprint = {${paper.id}}`);
    copied = await clipboardChange(tab);
    await runItem(tab, 'Copy reference');
    expect(await copied()).toContain(`${paper.title}.`);
    copied = await clipboardChange(tab);
    await runItem(tab, 'Copy Markdown link');
    expect(await copied()).toBe(`[${paper.title}](https://arxiv.org/abs/${paper.id})`);

    await runItem(tab, 'Show abstract');
    await poll(() => abstractShown(tab, paper.title), 'the abstract shown');
    await runItem(tab, 'Hide abstract');
    await poll(
      () => abstractShown(tab, paper.title),
      'the abstract hidden',
      (shown) => !shown,
    );

    await runItem(tab, 'Follow…');
    const first = await focusOn(tab, /^Follow /);
    await tab.press('Enter');
    await waitPressed(tab, await byName(tab, 'button', first, paper.title), true);
    await tab.press('Escape');
    await poll(
      () => focusedLabel(tab),
      'focus back on the menu button',
      (l) => l === `More actions for “${paper.title}”`,
    );

    // Links open in place; the stand-in answers for arXiv, the code and the project page.
    for (const [name, url] of [
      ['arXiv', `https://arxiv.org/abs/${paper.id}`],
      ['PDF', `https://arxiv.org/pdf/${paper.id}`],
      ['Code', paper.githubRepo!],
      ['Project page', paper.projectPage!],
    ] as const) {
      await runItem(tab, name);
      await poll(
        () => tab.url(),
        `${name} to open ${url}`,
        (u) => u === url,
      );
      await back(tab);
      await waitForPapers(tab, COUNT);
      await focusCard(tab, index);
    }

    await runItem(tab, 'Not interested');
    await waitCards(tab, paper.title, 0);
    await undo(tab);
    await waitCards(tab, paper.title, 1);
    await tab.close();
  });

  it('c, a, f and x act on the focused paper without the menu, and ? lists every key', async () => {
    const tab = await newTab();
    const paper = papers[2]!;
    await focusCard(tab, 2);
    const copied = await clipboardChange(tab);
    await tab.press('c');
    expect(await copied()).toContain(`eprint = {${paper.id}}`);
    await tab.press('a');
    await poll(() => abstractShown(tab, paper.title), 'the abstract shown');
    await tab.press('f');
    await focusOn(tab, /^Follow /);
    await tab.press('Escape');
    await tab.press('x');
    await waitCards(tab, paper.title, 0);
    await undo(tab);
    await waitCards(tab, paper.title, 1);

    await tab.press('?');
    // The dialog's code loads when first asked for.
    await waitHelp(tab, true);
    // The dialog named "Keyboard shortcuts" (by its heading), and the keys it lists.
    const help = await tab.evaluate(() => {
      const dialog = document.querySelector<HTMLDialogElement>('dialog[open]');
      const name = document.getElementById(dialog?.getAttribute('aria-labelledby') ?? '')?.textContent?.trim();
      return { name, keys: [...(dialog?.querySelectorAll('kbd') ?? [])].map((k) => k.textContent ?? '') };
    });
    expect(help.name).toBe('Keyboard shortcuts');
    const keys = help.keys;
    for (const k of ['j', 'k', 'o', 's', 'c', 'a', 'f', 'x', 'm', '/', '[', ']', '?']) expect(keys).toContain(k);
    await tab.press('Escape');
    await tab.close();
  });
});

describe('the reading list at rest, 1280×800', () => {
  const NOTE = 'Compare with the sliding-window baseline.\nSection 4 has the ablation; the appendix the costs.';
  const listed = papers.slice(0, 8);
  const noteStored = (tab: Tab, note: string) =>
    poll(
      () => storedSaved(tab, listed[0]!.id).then((r) => r?.note),
      'the note stored',
      (n) => n === note,
    );

  it('shows each paper’s title, byline, status, tags and note’s first line, with at most two controls; at least 4 papers whole', async () => {
    const tab = await newTab();
    for (const p of listed) {
      const save = await cardControl(tab, p.title, /^Saved?$/);
      if ((await pressedState(tab, save)) !== 'true') await tab.click(save);
      await waitPressed(tab, save, true);
    }
    await tab.close();
    const list = await open('reading-list.html', DESKTOP);
    await waitForPapers(list, listed.length);
    const title = listed[0]!.title;
    await writeNote(list, title, NOTE);
    await setReadingStatus(list, title, 'reading');
    await addTagTo(list, title, 'long-context');
    await noteStored(list, NOTE);
    await reload(list);
    await waitForPapers(list, listed.length);

    for (const scheme of ['light', 'dark'] as const) {
      await list.setColorScheme(scheme);
      await seesScheme(list, scheme);
      const g = await atRest(list, 'main article', DESKTOP);
      await shot(list, `reading-list-${scheme}-${driver.name}`);
      expect(g.full).toBeGreaterThanOrEqual(4);
      for (const controls of g.perCard) {
        expect(controls.length).toBeLessThanOrEqual(2);
        expect(controls.at(-1)).toMatch(/^More actions for “/);
      }
      // The first paper: its note's first line (the button that opens the rest), not a form.
      expect(g.perCard.filter((c) => c.length === 2).map((c) => c[0])).toEqual([
        'Note: Compare with the sliding-window baseline.',
      ]);
      const cardAtRest = await list.evaluate(
        (t) =>
          [...document.querySelectorAll<HTMLElement>('main article')].find(
            (a) => a.querySelector('h2')?.textContent === t,
          )?.innerText ?? '',
        title,
      );
      expect(cardAtRest).toContain('Reading');
      expect(cardAtRest).toContain('long-context');
      expect(cardAtRest).not.toContain('Section 4 has the ablation');
      const violations = await seriousViolations(list);
      expect(violations, formatViolations(`reading list ${scheme}`, violations)).toEqual([]);
    }
    await list.close();
  });

  it('opens the whole note in place by keyboard, editable, and closes it again', async () => {
    const list = await open('reading-list.html', DESKTOP);
    await waitForPapers(list, listed.length);
    const title = listed[0]!.title;
    const toggle = await byName(list, 'button', /^Note: /, title);
    const expanded = () => list.evaluate((s) => document.querySelector(s)?.getAttribute('aria-expanded'), toggle);
    const isExpanded = (want: string) =>
      poll(expanded, `the note ${want === 'true' ? 'open' : 'closed'}`, (v) => v === want);
    await list.evaluate((s) => document.querySelector<HTMLElement>(s)?.focus(), toggle);
    expect(await expanded()).toBe('false');
    await list.press('Enter');
    await isExpanded('true');
    const details = `#${CSS_escape(await list.evaluate((s) => document.querySelector(s)?.getAttribute('aria-controls') ?? '', toggle))}`;
    await poll(() => visible(list, details), 'the note’s details shown');
    const box = await field(list, 'Note', title);
    expect(await valueOf(list, box)).toBe(NOTE);
    await fill(list, box, `${NOTE}\nEdited in place.`);
    await list.evaluate((s) => document.querySelector<HTMLElement>(s)?.blur(), box);
    await noteStored(list, `${NOTE}\nEdited in place.`);
    const violations = await seriousViolations(list);
    expect(violations, formatViolations('reading list, a note open', violations)).toEqual([]);
    await list.evaluate((s) => document.querySelector<HTMLElement>(s)?.focus(), toggle);
    await list.press('Space');
    await isExpanded('false');
    await poll(
      () => visible(list, details),
      'the note’s details hidden',
      (shown) => !shown,
    );
    await list.close();
  });
});

/** An id as a CSS selector's part (Node has no CSS.escape). */
const CSS_escape = (id: string) => id.replace(/[^\w-]/g, (c) => `\\${c}`);

describe('Save in the popup', () => {
  it('the first Save of a popup is kept even when the popup closes the moment it is clicked', async () => {
    const paper = papers[9]!; // in the popup's ten, not on the reading list
    const popup = await open('popup.html', POPUP);
    const save = await cardControl(popup, paper.title, 'Save');
    // The popup closes in the click's own task, as one does when it loses focus: before the page's
    // writer could load (the click used to load it first, so closing at once lost the save).
    await popup.evaluate(() => document.addEventListener('click', () => window.close()));
    // The click may report the page gone under it: the popup's closing is what is waited for.
    await popup.click(save).catch(() => undefined);
    await poll(() => popup.isClosed(), 'the popup to close');
    const reader = await open('options.html', { width: 800, height: 600 });
    await poll(
      () => storedSaved(reader, paper.id).then((r) => r?.status),
      'the save stored',
      (s) => s === 'to-read',
    );
    await reader.close();
  });
});
