/**
 * Citations in the built extension, in both browsers: Copy BibTeX (button, menu, the c key) on the
 * new tab, beside Save on paper pages, and RIS / CSL-JSON downloads from the reading list, each
 * read back by the parsers reference managers use.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseBib } from '@retorquere/bibtex-parser';
import { makeDay, utcDay } from '../fixtures/papers';
import { scenarioWorld } from '../support/scenario-world';
import {
  byName,
  clipboardAfter,
  pageSaveState,
  pageText,
  pressPageControl,
  poll,
  waitForPapers,
  waitIn,
  type Tab,
} from '../support/driver';
import { cardAction, cardText, shownIds, toggleSave } from '../support/steps';
import { readCslJson, readRis } from '../support/real-parsers';

const DAY = utcDay(-1);
const items = makeDay(DAY, 4);
/** What the clipboard holds before each copy: a copy is seen when this is gone. */
const MARK = 'papertab-e2e: nothing copied yet';

const { driver } = scenarioWorld({ serve: (hf) => hf.setDay(DAY, items), badge: '4' });

function oneEntry(bib: string) {
  const lib = parseBib(bib, { english: false });
  expect(lib.errors).toEqual([]);
  expect(lib.entries).toHaveLength(1);
  return lib.entries[0]!;
}

async function newTab(): Promise<Tab> {
  const tab = await driver.openExtensionPage('newtab.html');
  await waitForPapers(tab, items.length);
  return tab;
}

describe('copy citation on the new tab', () => {
  it('Copy BibTeX on a card copies one entry the BibTeX parser reads, with the DOI and a stable key', async () => {
    const tab = await newTab();
    const paper = items[0]!.paper;
    await tab.writeClipboard(MARK);
    await cardAction(tab, paper.title, 'Copy BibTeX');
    const entry = oneEntry(await clipboardAfter(tab, MARK));
    await poll(
      () => cardText(tab, paper.title),
      'the card to say Copied',
      (t) => t.includes('Copied'),
    );
    expect(entry.type).toBe('misc');
    expect(entry.fields.title).toBe(paper.title);
    expect(entry.fields.eprint).toBe(paper.id);
    expect(entry.fields.doi).toBe(`10.48550/arXiv.${paper.id}`);
    expect((entry.fields.author ?? []).map((a) => `${a.firstName} ${a.lastName}`)).toEqual(
      paper.authors.map((a) => a.name),
    );
    // The same key again, and after saving the paper.
    await toggleSave(tab, paper.title);
    await tab.writeClipboard(MARK);
    await cardAction(tab, paper.title, 'Copy BibTeX');
    expect(oneEntry(await clipboardAfter(tab, MARK)).key).toBe(entry.key);
    await tab.close();
  });

  it('the menu copies a plain-text reference and a Markdown link', async () => {
    const tab = await newTab();
    const paper = items[1]!.paper;
    await tab.writeClipboard(MARK);
    await cardAction(tab, paper.title, 'Copy reference (plain text)');
    const plain = await clipboardAfter(tab, MARK);
    expect(plain).toContain(paper.authors[0]!.name);
    expect(plain).toContain(`${paper.title}.`);
    expect(plain).toContain(`arXiv:${paper.id}`);
    expect(plain).toContain(`(${paper.publishedAt.slice(0, 4)})`);
    await cardAction(tab, paper.title, 'Copy Markdown link');
    expect(await clipboardAfter(tab, plain)).toBe(`[${paper.title}](https://arxiv.org/abs/${paper.id})`);
    await tab.close();
  });

  it('c copies the focused paper’s BibTeX', async () => {
    const tab = await newTab();
    await tab.writeClipboard(MARK);
    await tab.press('j');
    await tab.press('j');
    const focused = await waitIn(tab, 'a focused paper', () =>
      document.activeElement?.closest('article')?.getAttribute('data-paper-id'),
    );
    await tab.press('c');
    expect(oneEntry(await clipboardAfter(tab, MARK)).fields.eprint).toBe(focused);
    await tab.close();
  });
});

describe('Copy BibTeX beside Save on paper pages', () => {
  async function paperPage(url: string): Promise<Tab> {
    const tab = await driver.openWebPage(url);
    await poll(() => pageSaveState(tab), `the Save button on ${url}`);
    return tab;
  }

  it('on arXiv: the entry is built from the page, authors and date included', async () => {
    const paper = items[2]!.paper;
    const tab = await paperPage(`https://arxiv.org/abs/${paper.id}v1`);
    await tab.writeClipboard(MARK);
    await pressPageControl(tab, 'copy');
    const entry = oneEntry(await clipboardAfter(tab, MARK));
    expect(entry.fields.title).toBe(paper.title);
    expect(entry.fields.eprint).toBe(paper.id);
    expect(entry.fields.doi).toBe(`10.48550/arXiv.${paper.id}`);
    expect(entry.fields.author?.length).toBe(paper.authors.length);
    await poll(
      () => pageText(tab),
      'the page to say Copied',
      (t) => t.includes('Copied'),
    );
    await tab.close();
  });

  it('on Hugging Face, for a paper not saved', async () => {
    const paper = items[3]!.paper;
    const tab = await paperPage(`https://huggingface.co/papers/${paper.id}`);
    await tab.writeClipboard(MARK);
    await pressPageControl(tab, 'copy');
    const entry = oneEntry(await clipboardAfter(tab, MARK));
    expect(entry.fields.eprint).toBe(paper.id);
    expect(entry.fields.title).toBe(paper.title);
    expect(await pageSaveState(tab)).toBe('false');
    await tab.close();
  });
});

describe('RIS and CSL-JSON downloads from the reading list', () => {
  it('are read back by Citation.js with every saved paper', async () => {
    const tab = await newTab();
    await toggleSave(tab, items[1]!.paper.title);
    await tab.close();
    const list = await driver.openExtensionPage('reading-list.html');
    const saved = new Set(
      await poll(
        () => shownIds(list),
        'the saved papers listed',
        (ids) => ids.length >= 2,
      ),
    );

    const ris = await readRis((await list.download(await byName(list, 'button', 'Export RIS'))).text);
    expect(ris.problems).toEqual([]);
    expect(new Set(ris.records.map((r) => r.eprint))).toEqual(saved);
    expect(ris.records.every((r) => r.type === 'report' && r.doi === `10.48550/arXiv.${r.eprint}`)).toBe(true);

    const file = await list.download(await byName(list, 'button', 'Export CSL-JSON'));
    expect(file.name).toMatch(/\.json$/);
    const csl = await readCslJson(file.text);
    expect(csl.problems).toEqual([]);
    expect(new Set(csl.records.map((r) => r.eprint))).toEqual(saved);
    const first = csl.records.find((r) => r.eprint === items[0]!.paper.id)!;
    expect(first).toMatchObject({
      type: 'article',
      title: items[0]!.paper.title,
      url: `https://arxiv.org/abs/${items[0]!.paper.id}`,
    });
    expect(first.authors).toEqual(items[0]!.paper.authors.map((a) => a.name));
    await list.close();
  });
});
