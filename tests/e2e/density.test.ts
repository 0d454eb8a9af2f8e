import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeDay, utcDay } from '../fixtures/papers';
import { launchExtension, type ExtensionSession } from '../support/extension';
import { startStandIn, type StandIn } from '../support/standin';
import { formatViolations, seriousViolations } from '../support/axe';
import { waitForBadge, waitForPapers } from '../support/e2e';
import { until } from '../support/until';

/**
 * The layout choice on a day of 36 papers at 1280×800: Comfortable (the cards, at least 4 on screen)
 * and Compact (a line or two each, at least 16 on screen; Grid is counted in glance.test.ts), remembered, painted first in the chosen layout, the
 * keyboard triage unchanged, accessible in light and dark.
 */
let hf: StandIn;
let ext: ExtensionSession;
const DAY = utcDay(-1);
const COUNT = 36;
const papers = makeDay(DAY, COUNT)
  .map((i) => i.paper)
  .sort((a, b) => b.upvotes - a.upvotes || a.title.localeCompare(b.title));
const VIEWPORT = { width: 1280, height: 800 };

beforeAll(async () => {
  hf = await startStandIn();
  hf.setDay(DAY, makeDay(DAY, COUNT));
  ext = await launchExtension({ port: hf.port });
  await waitForBadge(ext, String(COUNT));
});
afterAll(async () => {
  await ext?.close();
  await hf?.close();
});

async function newTab(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.emulateMedia({ colorScheme });
  await page.goto(`chrome-extension://${ext.extensionId}/newtab.html`);
  await waitForPapers(page, COUNT);
  return page;
}

/** Papers whose whole box is on screen, without scrolling. */
function fullyVisible(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.querySelectorAll('main article')].filter((a) => {
        const r = a.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
      }).length,
  );
}

const densityButton = (page: Page, name: 'Comfortable' | 'Compact') =>
  page.getByRole('group', { name: 'Layout', includeHidden: true }).getByRole('button', { name, includeHidden: true });

/** Through the one "Order and filters" control, as a person would. */
async function choose(page: Page, name: 'Comfortable' | 'Compact'): Promise<void> {
  await page.getByRole('button', { name: /Order and filters/ }).click();
  await densityButton(page, name).click();
  await page.keyboard.press('Escape');
  await expect.poll(() => densityButton(page, name).getAttribute('aria-pressed')).toBe('true');
  await expect
    .poll(() => page.locator('main').getAttribute('class'))
    .toBe(name === 'Compact' ? 'glance compact' : 'glance');
}

describe('density', () => {
  it('Comfortable shows the cards (a few papers per screen); Compact shows at least 12 at 1280×800', async () => {
    const page = await newTab();
    expect(await densityButton(page, 'Comfortable').getAttribute('aria-pressed')).toBe('true');
    const comfortable = await fullyVisible(page);
    expect(comfortable).toBeGreaterThanOrEqual(4);

    await choose(page, 'Compact');
    const compact = await fullyVisible(page);
    expect(compact).toBeGreaterThanOrEqual(16);
    // Each compact paper still carries its title, first author or organization, upvotes, comments, Save.
    const first = page.getByRole('article', { name: papers[0]!.title });
    expect(await first.getByRole('heading', { name: papers[0]!.title }).isVisible()).toBe(true);
    expect(await first.locator('.byline').isVisible()).toBe(true);
    expect(await first.locator('.upvotes').textContent()).toContain(String(papers[0]!.upvotes));
    expect(await first.locator('.comments').isVisible()).toBe(true);
    expect(await first.getByRole('button', { name: 'Save' }).isVisible()).toBe(true);
    expect(await first.getByRole('button', { name: /^More actions/ }).isVisible()).toBe(true);
    await page.close();
  });

  it('Compact is remembered: a new tab opens in it, and its first paint is already compact (no jump)', async () => {
    const page = await newTab();
    await choose(page, 'Compact');
    await page.close();

    // What the first paint put on screen, caught before the app replaced it: the first <main>
    // added to the page (the first paint's header has no h1), and the height of each paper in it.
    const again = await ext.context.newPage();
    await again.setViewportSize(VIEWPORT);
    await again.addInitScript(() => {
      const w = window as unknown as { firstMain?: { cls: string; h1: boolean; heights: number[] } };
      new MutationObserver((_, observer) => {
        const main = document.querySelector('main');
        if (!main || w.firstMain) return;
        const heights = [...main.querySelectorAll('article')].map((a) => a.getBoundingClientRect().height);
        w.firstMain = { cls: main.className, h1: !!document.querySelector('h1'), heights };
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await again.goto(`chrome-extension://${ext.extensionId}/newtab.html`);
    await waitForPapers(again, COUNT);
    const first = await again.evaluate(
      () => (window as unknown as { firstMain?: { cls: string; h1: boolean; heights: number[] } }).firstMain,
    );
    expect(first).toMatchObject({ cls: 'glance compact', h1: false });
    expect(first!.heights.length).toBeGreaterThanOrEqual(12);
    // The app's papers are as tall as the first paint's: nothing moves when it takes over.
    const appHeights = await again.evaluate(() =>
      [...document.querySelectorAll('main article')].map((a) => a.getBoundingClientRect().height),
    );
    expect(appHeights.slice(0, first!.heights.length)).toEqual(first!.heights);
    expect(await densityButton(again, 'Compact').getAttribute('aria-pressed')).toBe('true');
    expect(await fullyVisible(again)).toBeGreaterThanOrEqual(12);
    await again.close();
  });

  it('the options page sets the density too, and the new tab follows', async () => {
    const options = await ext.page('options.html');
    const select = options.getByRole('combobox', { name: 'Layout' });
    await until(
      'settings loaded',
      () => select.inputValue(),
      (v) => v !== '',
    );
    await select.selectOption('comfortable');
    const page = await newTab();
    await expect.poll(() => densityButton(page, 'Comfortable').getAttribute('aria-pressed')).toBe('true');
    await select.selectOption('compact');
    // An open new tab follows the change made elsewhere.
    await expect.poll(() => page.locator('main').getAttribute('class')).toBe('glance compact');
    await options.close();
    await page.close();
  });

  it('keyboard triage works in Compact: j/k move, s saves, a shows the abstract, o opens', async () => {
    const page = await newTab();
    await choose(page, 'Compact');
    const focused = () =>
      page.evaluate(() => document.activeElement?.closest('article')?.querySelector('h2')?.textContent);
    await page.keyboard.press('j');
    expect(await focused()).toBe(papers[0]!.title);
    for (let i = 0; i < 13; i++) await page.keyboard.press('j');
    expect(await focused()).toBe(papers[13]!.title);
    // The focused paper is brought into view.
    const box = await page.evaluate(() => document.activeElement!.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(VIEWPORT.height + 1);
    await page.keyboard.press('k');
    expect(await focused()).toBe(papers[12]!.title);

    const card = page.getByRole('article', { name: papers[12]!.title });
    await page.keyboard.press('a');
    await expect.poll(() => card.locator('.abstract').isVisible()).toBe(true);
    await page.keyboard.press('s');
    await expect.poll(() => card.getByRole('button', { name: 'Save' }).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('o');
    await page.waitForURL(`https://huggingface.co/papers/${papers[12]!.id}`);
    await page.close();
  });

  describe.each(['light', 'dark'] as const)('in %s', (colorScheme) => {
    it.each(['Comfortable', 'Compact'] as const)('%s passes axe, with an abstract open', async (density) => {
      const page = await newTab(colorScheme);
      await choose(page, density);
      const card = page.getByRole('article', { name: papers[1]!.title });
      await card.getByRole('button', { name: /^More actions/ }).click();
      await card.getByRole('menuitem', { name: 'Show abstract' }).click();
      await card.locator('.abstract').waitFor();
      const found = await seriousViolations(page);
      expect(found, formatViolations(`new tab, ${density}, ${colorScheme}`, found)).toEqual([]);
      await page.close();
    });
  });
});
