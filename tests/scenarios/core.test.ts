/**
 * What a user of either browser depends on, written once: runs in Chromium (vitest project `e2e`)
 * and in Firefox ESR (`e2e-firefox`) through the driver in tests/support/driver.ts. One browser
 * for the file; the tests follow one user's day, in order.
 */
import { describe, expect, it } from 'vitest';
import { makeDay, utcDay } from '../fixtures/papers';
import { scenarioWorld } from '../support/scenario-world';
import {
  byName,
  clickNamed,
  pageSaveState,
  poll,
  shownTitles,
  storedSaved,
  waitForBadge,
  waitForPapers,
  waitIn,
  type Tab,
} from '../support/driver';

const YESTERDAY = utcDay(-1);
const TODAY = utcDay(0);
const items = makeDay(YESTERDAY, 6);
const papers = items.map((i) => i.paper);
const byUpvotes = (list: typeof papers) =>
  [...list].sort((a, b) => b.upvotes - a.upvotes || a.title.localeCompare(b.title)).map((p) => p.title);

const { hf, driver } = scenarioWorld({
  serve: (hf) => {
    hf.setDay(YESTERDAY, items);
    hf.setDay(utcDay(-2), makeDay(utcDay(-2), 4, 1));
  },
});

async function onPage(url: string): Promise<Tab> {
  const tab = await driver.openWebPage(url);
  await poll(() => pageSaveState(tab), `the Save button on ${url}`);
  return tab;
}

describe(`Papertab in ${process.env.PAPERTAB_BROWSER ?? 'chromium'}`, () => {
  it('after install, the first refresh sets the badge; the browser’s own new tab shows the latest day and clears it', async () => {
    await waitForBadge(driver, '6');
    const tab = await driver.openNewTab();
    expect(await tab.url()).toMatch(/^(chrome|moz)-extension:\/\/[^/]+\/newtab\.html/);
    expect(await waitForPapers(tab, 6)).toContain('Yesterday');
    expect(await shownTitles(tab)).toEqual(byUpvotes(papers));
    await waitForBadge(driver, '');
    await tab.close();
  });

  it('a new day arriving by the refresh alarm sets the badge again; the new tab shows it', async () => {
    const today = makeDay(TODAY, 3, 7);
    hf.setDay(TODAY, today);
    await driver.fireAlarm('papertab-refresh', 30);
    await waitForBadge(driver, '3');
    const tab = await driver.openNewTab();
    expect(await waitForPapers(tab, 3)).toContain('Today');
    expect(await shownTitles(tab)).toEqual(byUpvotes(today.map((i) => i.paper)));
    await waitForBadge(driver, '');
    await tab.close();
  });

  it('a paper saved on its huggingface.co page is Saved on its arXiv page and in the reading list', async () => {
    const paper = papers[0]!;
    const hfPage = await onPage(`https://huggingface.co/papers/${paper.id}`);
    expect(await pageSaveState(hfPage)).toBe('false');
    await hfPage.clickPageSave();
    await poll(
      () => pageSaveState(hfPage),
      'the button to say Saved',
      (s) => s === 'true',
    );
    await hfPage.close();

    const arxiv = await onPage(`https://arxiv.org/abs/${paper.id}v2`);
    await poll(
      () => pageSaveState(arxiv),
      'the arXiv page to say Saved',
      (st) => st === 'true',
    );
    await arxiv.close();

    const list = await driver.openExtensionPage('reading-list.html');
    await waitIn(
      list,
      'the paper in the list',
      (id) => !!document.querySelector(`article[data-paper-id="${id}"]`),
      paper.id,
    );
    await list.close();
  });

  it('after client-side navigation on huggingface.co, the one Save button belongs to the new paper', async () => {
    const [a, b] = [papers[1]!, papers[2]!];
    const tab = await onPage(`https://huggingface.co/papers/${a.id}`);
    await tab.clickPageSave();
    await poll(
      () => pageSaveState(tab),
      'the button to say Saved',
      (s) => s === 'true',
    );
    // The page's own script fetches the paper, rebuilds the section and calls history.pushState.
    await clickNamed(tab, 'a', b.title);
    await waitIn(tab, 'the new paper’s heading', (t) => document.querySelector('h1')?.textContent === t, b.title);
    await poll(
      () => tab.url(),
      'the address to follow',
      (u) => u === `https://huggingface.co/papers/${b.id}`,
    );
    await waitIn(
      tab,
      'the button to follow',
      (id) => document.querySelector('papertab-save')?.getAttribute('data-paper-id') === id,
      b.id,
    );
    expect(await tab.evaluate(() => document.querySelectorAll('papertab-save').length)).toBe(1);
    expect(await pageSaveState(tab)).toBe('false');
    await tab.close();
  });

  it('the reading list keeps a note and a tag', async () => {
    const paper = papers[0]!;
    const list = await driver.openExtensionPage('reading-list.html');
    const card = `article[data-paper-id="${paper.id}"]`;
    // At rest the list shows a note's first line; the whole note, status and tags open in place.
    await list.click(await byName(list, 'button', 'Add a note', paper.title));
    await list.type(`${card} textarea`, 'Check the ablation in section 4.');
    await list.type(`${card} input:not([type="checkbox"])`, 'diffusion');
    await list.press('Enter');
    await waitIn(list, 'the tag shown', (c) => document.querySelector(c)?.textContent?.includes('diffusion'), card);
    const stored = await poll(
      () => storedSaved(list, paper.id),
      'the note and tag stored',
      (s) => s?.note === 'Check the ablation in section 4.' && s.tags.includes('diffusion'),
    );
    expect(stored?.tags).toEqual(['diffusion']);
    await list.close();

    // A fresh page shows what was stored.
    const again = await driver.openExtensionPage('reading-list.html');
    const note = await waitIn(
      again,
      'the note',
      (c) => document.querySelector<HTMLTextAreaElement>(`${c} textarea`)?.value,
      card,
    );
    expect(note).toBe('Check the ablation in section 4.');
    await again.close();
  });

  it('a restart on the same profile keeps the reading list, the note and the seen day', async () => {
    await driver.restart();
    const list = await driver.openExtensionPage('reading-list.html');
    const ids = await waitIn(list, 'two saved papers', () => {
      const ids = [...document.querySelectorAll('main article')].map((a) => a.getAttribute('data-paper-id'));
      return ids.length === 2 ? ids : undefined;
    });
    expect(new Set(ids)).toEqual(new Set([papers[0]!.id, papers[1]!.id]));
    expect(await storedSaved(list, papers[0]!.id)).toMatchObject({ note: 'Check the ablation in section 4.' });
    await list.close();
    // Still seen: the badge stays clear, and the arXiv page still says Saved.
    expect(await driver.badgeText()).toBe('');
    const arxiv = await onPage(`https://arxiv.org/abs/${papers[1]!.id}`);
    await poll(
      () => pageSaveState(arxiv),
      'the arXiv page to say Saved',
      (st) => st === 'true',
    );
    // And saving still works after the restart.
    await arxiv.close();
    const other = await onPage(`https://arxiv.org/abs/${papers[3]!.id}`);
    await other.clickPageSave();
    await poll(
      () => pageSaveState(other),
      'the button to say Saved',
      (s) => s === 'true',
    );
    await other.close();
    const tab = await driver.openNewTab();
    await waitForPapers(tab, 3);
    await clickNamed(tab, 'button', 'Previous day');
    await waitForPapers(tab, 6);
    const saveOf = await byName(tab, 'button', /^Saved?$/, papers[3]!.title);
    await waitIn(
      tab,
      'Saved in the new tab',
      (s) => document.querySelector(s)?.getAttribute('aria-pressed') === 'true',
      saveOf,
    );
    await tab.close();
  });
});
