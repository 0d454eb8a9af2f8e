/**
 * The calm glance, counted at 1280×800 and in the popup at 380×600 (issue 19): controls visible per
 * card at rest, rows of controls above the papers, papers fully visible in each layout; and every
 * action of a card's "More actions" menu performed by keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeDay, utcDay } from '../fixtures/papers';
import { launchExtension, type ExtensionSession } from '../support/extension';
import { startStandIn, type StandIn } from '../support/standin';
import { formatViolations, seriousViolations } from '../support/axe';
import { openSavedDetails, storedSaved, waitForBadge, waitForPapers } from '../support/e2e';
import { routeSampleImages } from '../support/sample-world';

let hf: StandIn;
let ext: ExtensionSession;
const DAY = utcDay(-1);
const COUNT = 30;
const papers = makeDay(DAY, COUNT)
  .map((i) => i.paper)
  .sort((a, b) => b.upvotes - a.upvotes || a.title.localeCompare(b.title));

beforeAll(async () => {
  hf = await startStandIn();
  hf.setDay(DAY, makeDay(DAY, COUNT));
  ext = await launchExtension({ port: hf.port });
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await routeSampleImages(ext.context);
  await waitForBadge(ext, String(COUNT));
});
afterAll(async () => {
  await ext?.close();
  await hf?.close();
});

async function open(path: string, size: { width: number; height: number }, scheme: 'light' | 'dark' = 'light') {
  const page = await ext.context.newPage();
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  return page;
}

async function newTab(scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await open('newtab.html', { width: 1280, height: 800 }, scheme);
  await waitForPapers(page, COUNT);
  return page;
}

/** What the eye meets with the pointer away and nothing focused. */
function glance(page: Page, cardSelector: string) {
  return page.evaluate((sel) => {
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
    const thumbs = full.filter((c) => {
      const img = c.querySelector('img.thumb');
      return !!img && seen(img);
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

async function chooseLayout(page: Page, name: 'Comfortable' | 'Compact' | 'Grid') {
  await page.getByRole('button', { name: /Order and filters/ }).click();
  await page.getByRole('group', { name: 'Layout' }).getByRole('button', { name }).click();
  await page.keyboard.press('Escape');
  const cls = { Comfortable: 'glance', Compact: 'glance compact', Grid: 'glance grid' }[name];
  await expect.poll(() => page.locator('main').getAttribute('class')).toBe(cls);
  await page.mouse.move(1279, 799);
}

describe('the calm glance at 1280×800', () => {
  it('one row of controls under the title, the first paper within 200 px, Save and More actions per card', async () => {
    const page = await newTab();
    await page.mouse.move(1279, 799);
    const g = await glance(page, 'main article');
    // The title's row (its page links), the controls, the search box.
    expect(g.headerRows).toBeLessThanOrEqual(3);
    const row = page.locator('.controls-row');
    for (const name of ['Day', 'Week', 'Month', 'Following', 'Previous day', 'Order and filters', 'Refresh'])
      expect(await row.getByRole('button', { name, exact: name !== 'Order and filters' }).isVisible()).toBe(true);
    expect(g.firstTop).toBeLessThanOrEqual(200);
    for (const controls of g.perCard) {
      expect(controls.length).toBeLessThanOrEqual(2);
      expect(controls[0]).toMatch(/Save$/);
    }
    expect(g.perCard[0]![1]).toBe(`More actions for “${papers[0]!.title}”`);
    await page.close();
  });

  it.each([
    ['Comfortable', 4],
    ['Compact', 16],
    ['Grid', 6],
  ] as const)('%s shows at least %i papers fully, light and dark, axe clean', async (layout, least) => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await newTab(scheme);
      await chooseLayout(page, layout);
      const g = await glance(page, 'main article');
      if (process.env.GLANCE_SHOTS) await page.screenshot({ path: `/tmp/i19calm/${layout}-${scheme}.png` });
      expect(g.full).toBeGreaterThanOrEqual(least);
      if (layout === 'Grid') expect(g.thumbs).toBeGreaterThanOrEqual(least);
      for (const controls of g.perCard) expect(controls.length).toBeLessThanOrEqual(2);
      const violations = await seriousViolations(page);
      expect(violations, formatViolations(`${layout} ${scheme}`, violations)).toEqual([]);
      await page.close();
    }
    const page = await newTab();
    await chooseLayout(page, 'Comfortable');
    await page.close();
  });
});

describe('the popup at 380×600', () => {
  it('shows at least 8 of its 10 papers fully, each with Save and More actions only', async () => {
    const page = await open('popup.html', { width: 380, height: 600 });
    await expect.poll(() => page.locator('.popup-list article').count()).toBe(10);
    await page.mouse.move(379, 599);
    const g = await glance(page, '.popup-list article');
    if (process.env.GLANCE_SHOTS) await page.screenshot({ path: '/tmp/i19calm/popup.png' });
    expect(g.full).toBeGreaterThanOrEqual(8);
    for (const controls of g.perCard) {
      expect(controls.length).toBeLessThanOrEqual(2);
      expect(controls[0]).toMatch(/Save$/);
    }
    const violations = await seriousViolations(page);
    expect(violations, formatViolations('popup', violations)).toEqual([]);
    await page.close();
  });
});

describe('every action one key away on the new tab', () => {
  /** The menu's item names, in order, once the focused card's menu is open. */
  const menuItems = (page: Page) =>
    page.evaluate(() => [...document.querySelectorAll('[role="menu"] [role="menuitem"]')].map((e) => e.textContent));
  const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
  const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

  async function focusCard(page: Page, index: number) {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i <= index; i++) await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-paper-id'))).toBe(papers[index]!.id);
  }

  /** `m`, then Home and ArrowDown to the item, then Enter: the keyboard alone. */
  async function runItem(page: Page, name: string | RegExp) {
    await page.keyboard.press('m');
    await expect.poll(() => menuItems(page)).not.toEqual([]);
    const items = await menuItems(page);
    const at = items.findIndex((t) => (typeof name === 'string' ? t?.startsWith(name) : name.test(t ?? '')));
    expect(at, `${String(name)} in ${items.join(', ')}`).toBeGreaterThanOrEqual(0);
    // The menu takes focus once it has painted: keys pressed before that would go to the button.
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[role="menu"]'))).toBe(true);
    await page.keyboard.press('Home');
    for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toMatch(typeof name === 'string' ? name : name);
    await page.keyboard.press('Enter');
  }

  async function clipboardChange(page: Page) {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    return async () => {
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('');
      return page.evaluate(() => navigator.clipboard.readText());
    };
  }

  it('the menu follows the menu button pattern: arrows, Home/End, type-ahead, Escape returns focus', async () => {
    const page = await newTab();
    await focusCard(page, 0);
    const button = page.getByRole('button', { name: `More actions for “${papers[0]!.title}”` });
    expect(await button.getAttribute('aria-haspopup')).toBe('menu');
    await page.keyboard.press('m');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('menu').getAttribute('id')).toBe(await button.getAttribute('aria-controls'));
    await expect.poll(() => focusedText(page)).toMatch(/^Copy BibTeX/);
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toMatch(/^Copy reference/);
    await page.keyboard.press('End');
    const items = await menuItems(page);
    expect(await focusedText(page)).toBe(items[items.length - 1]);
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toMatch(/^Copy BibTeX/);
    await page.keyboard.press('ArrowUp');
    expect(await focusedText(page)).toBe(items[items.length - 1]);
    await page.keyboard.press('Home');
    await page.keyboard.press('p');
    expect(await focusedText(page)).toBe('PDF');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await focusedLabel(page)).toBe(`More actions for “${papers[0]!.title}”`);
    // ArrowUp on the button opens the menu at its last item.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedText(page)).toBe(items[items.length - 1]);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('performs every menu action by keyboard alone', async () => {
    const page = await newTab();
    // Links open in place: the stand-ins answer for arXiv, the code and the project page.
    await page.route(/^https:\/\/(github\.com|[^/]+\.github\.io)\//, (r) => r.fulfill({ body: 'ok' }));
    const index = papers.findIndex((p) => p.githubRepo && p.projectPage);
    const paper = papers[index]!;
    const card = page.getByRole('article', { name: paper.title });

    await focusCard(page, index);
    let copied = await clipboardChange(page);
    await runItem(page, 'Copy BibTeX');
    expect(await copied()).toContain(`eprint = {${paper.id}}`);
    copied = await clipboardChange(page);
    await runItem(page, 'Copy reference');
    expect(await copied()).toContain(`${paper.title}.`);
    copied = await clipboardChange(page);
    await runItem(page, 'Copy Markdown link');
    expect(await copied()).toBe(`[${paper.title}](https://arxiv.org/abs/${paper.id})`);

    await runItem(page, 'Show abstract');
    await expect.poll(() => card.locator('.abstract').isVisible()).toBe(true);
    await runItem(page, 'Hide abstract');
    await expect.poll(() => card.locator('.abstract').count()).toBe(0);

    await runItem(page, 'Follow…');
    await expect.poll(() => focusedText(page)).toMatch(/^Follow /);
    const first = await focusedText(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => card.getByRole('button', { name: first }).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await focusedLabel(page)).toBe(`More actions for “${paper.title}”`);

    for (const [name, url] of [
      ['arXiv', `https://arxiv.org/abs/${paper.id}`],
      ['PDF', `https://arxiv.org/pdf/${paper.id}`],
      ['Code', paper.githubRepo!],
      ['Project page', paper.projectPage!],
    ] as const) {
      await runItem(page, name);
      await page.waitForURL(url);
      await page.goBack();
      await waitForPapers(page, COUNT);
      await focusCard(page, index);
    }

    await runItem(page, 'Not interested');
    await expect.poll(() => card.count()).toBe(0);
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => card.count()).toBe(1);
    await page.close();
  });

  it('c, a, f and x act on the focused paper without the menu, and ? lists every key', async () => {
    const page = await newTab();
    const paper = papers[2]!;
    const card = page.getByRole('article', { name: paper.title });
    await focusCard(page, 2);
    const copied = await clipboardChange(page);
    await page.keyboard.press('c');
    expect(await copied()).toContain(`eprint = {${paper.id}}`);
    await page.keyboard.press('a');
    await expect.poll(() => card.locator('.abstract').isVisible()).toBe(true);
    await page.keyboard.press('f');
    await expect.poll(() => focusedText(page)).toMatch(/^Follow /);
    await page.keyboard.press('Escape');
    await page.keyboard.press('x');
    await expect.poll(() => card.count()).toBe(0);
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => card.count()).toBe(1);

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    // The dialog's code loads when first asked for.
    await help.waitFor();
    const keys = await help.locator('kbd').allTextContents();
    for (const k of ['j', 'k', 'o', 's', 'c', 'a', 'f', 'x', 'm', '/', '[', ']', '?']) expect(keys).toContain(k);
    await page.keyboard.press('Escape');
    await page.close();
  });
});

describe('the reading list at rest, 1280×800', () => {
  const NOTE = 'Compare with the sliding-window baseline.\nSection 4 has the ablation; the appendix the costs.';
  const listed = papers.slice(0, 8);

  it('shows each paper’s title, byline, status, tags and note’s first line, with at most two controls; at least 4 papers whole', async () => {
    const tab = await newTab();
    for (const p of listed) {
      const save = tab.getByRole('article', { name: p.title }).getByRole('button', { name: 'Save' });
      if ((await save.getAttribute('aria-pressed')) !== 'true') await save.click();
      await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    }
    await tab.close();
    const list = await open('reading-list.html', { width: 1280, height: 800 });
    await waitForPapers(list, listed.length);
    const first = list.getByRole('article', { name: listed[0]!.title });
    await openSavedDetails(first);
    await first.getByRole('textbox', { name: 'Note' }).fill(NOTE);
    await first.getByRole('combobox', { name: 'Status' }).selectOption('reading');
    await first.getByRole('textbox', { name: `Add a tag to “${listed[0]!.title}”` }).fill('long-context');
    await first.getByRole('textbox', { name: `Add a tag to “${listed[0]!.title}”` }).press('Enter');
    await expect.poll(() => storedSaved(list, listed[0]!.id).then((r) => r?.note)).toBe(NOTE);
    await list.reload();
    await waitForPapers(list, listed.length);

    for (const scheme of ['light', 'dark'] as const) {
      await list.emulateMedia({ colorScheme: scheme });
      await list.mouse.move(1279, 799);
      const g = await glance(list, 'main article');
      if (process.env.GLANCE_SHOTS) await list.screenshot({ path: `/tmp/i19calm/reading-list-${scheme}.png` });
      expect(g.full).toBeGreaterThanOrEqual(4);
      for (const controls of g.perCard) {
        expect(controls.length).toBeLessThanOrEqual(2);
        expect(controls.at(-1)).toMatch(/^More actions for “/);
      }
      // The first paper: its note's first line (the button that opens the rest), not a form.
      expect(g.perCard.filter((c) => c.length === 2).map((c) => c[0])).toEqual([
        'Note: Compare with the sliding-window baseline.',
      ]);
      const atRest = await list.getByRole('article', { name: listed[0]!.title }).innerText();
      expect(atRest).toContain('Reading');
      expect(atRest).toContain('long-context');
      expect(atRest).not.toContain('Section 4 has the ablation');
      const violations = await seriousViolations(list);
      expect(violations, formatViolations(`reading list ${scheme}`, violations)).toEqual([]);
    }
    await list.close();
  });

  it('opens the whole note in place by keyboard, editable, and closes it again', async () => {
    const list = await open('reading-list.html', { width: 1280, height: 800 });
    await waitForPapers(list, listed.length);
    const card = list.getByRole('article', { name: listed[0]!.title });
    const toggle = card.getByRole('button', { name: /^Note: / });
    await toggle.focus();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await list.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const details = list.locator(`#${await toggle.getAttribute('aria-controls')}`);
    expect(await details.isVisible()).toBe(true);
    const box = card.getByRole('textbox', { name: 'Note' });
    expect(await box.inputValue()).toBe(NOTE);
    await box.fill(`${NOTE}\nEdited in place.`);
    await box.blur();
    await expect.poll(() => storedSaved(list, listed[0]!.id).then((r) => r?.note)).toBe(`${NOTE}\nEdited in place.`);
    const violations = await seriousViolations(list);
    expect(violations, formatViolations('reading list, a note open', violations)).toEqual([]);
    await toggle.focus();
    await list.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await details.isVisible()).toBe(false);
    await list.close();
  });
});

describe('Save in the popup', () => {
  it('the first Save of a popup is kept even when the popup closes the moment it is clicked', async () => {
    const paper = papers[9]!; // in the popup's ten, not on the reading list
    const popup = await open('popup.html', { width: 380, height: 600 });
    const save = popup.getByRole('article', { name: paper.title }).getByRole('button', { name: 'Save' });
    await save.waitFor();
    // The popup closes in the click's own task, as one does when it loses focus: before the page's
    // writer could load (the click used to load it first, so closing at once lost the save).
    await popup.evaluate(() => document.addEventListener('click', () => window.close()));
    await Promise.all([popup.waitForEvent('close'), save.click({ noWaitAfter: true }).catch(() => undefined)]);
    const reader = await open('options.html', { width: 800, height: 600 });
    await expect.poll(() => storedSaved(reader, paper.id).then((r) => r?.status)).toBe('to-read');
    await reader.close();
  });
});
