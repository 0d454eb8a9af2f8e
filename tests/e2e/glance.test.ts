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
import { waitForBadge, waitForPapers } from '../support/e2e';
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
