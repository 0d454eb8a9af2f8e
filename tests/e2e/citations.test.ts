/**
 * Citations in the built extension: Copy BibTeX (button, menu, the c key) on the new tab, beside
 * Save on paper pages, and RIS / CSL-JSON downloads from the reading list, each read back by the
 * parsers reference managers use.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parse as parseBib } from '@retorquere/bibtex-parser';
import { makeDay, utcDay } from '../fixtures/papers';
import { launchExtension, type ExtensionSession } from '../support/extension';
import { startStandIn, type StandIn } from '../support/standin';
import { waitForBadge, waitForPapers } from '../support/e2e';
import { readCslJson, readRis } from '../support/real-parsers';

let hf: StandIn;
let ext: ExtensionSession;
const DAY = utcDay(-1);
const items = makeDay(DAY, 4);

beforeAll(async () => {
  hf = await startStandIn();
  hf.setDay(DAY, items);
  ext = await launchExtension({ port: hf.port });
  await waitForBadge(ext, '4');
  // Every origin (an extension's is opaque to the protocol): reading the clipboard back is the test's own need.
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
afterAll(async () => {
  await ext?.close();
  await hf?.close();
});

/** The clipboard once it holds something other than `before`. */
async function clipboardAfter(page: Page, before: string): Promise<string> {
  let text = before;
  await expect
    .poll(async () => {
      text = await page.evaluate(() => navigator.clipboard.readText());
      return text !== before;
    })
    .toBe(true);
  return text;
}

const clear = (page: Page) => page.evaluate(() => navigator.clipboard.writeText(''));

function oneEntry(bib: string) {
  const lib = parseBib(bib, { english: false });
  expect(lib.errors).toEqual([]);
  expect(lib.entries).toHaveLength(1);
  return lib.entries[0]!;
}

async function newTab(): Promise<Page> {
  const page = await ext.page('newtab.html');
  await page.bringToFront();
  await waitForPapers(page, items.length);
  return page;
}

describe('copy citation on the new tab', () => {
  it('Copy BibTeX on a card copies one entry the BibTeX parser reads, with the DOI and a stable key', async () => {
    const page = await newTab();
    const paper = items[0]!.paper;
    const card = page.getByRole('article', { name: paper.title });
    await clear(page);
    await card.getByRole('button', { name: /^More actions/ }).click();
    await card.getByRole('menuitem', { name: 'Copy BibTeX' }).click();
    await card.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    const entry = oneEntry(await clipboardAfter(page, ''));
    expect(entry.type).toBe('misc');
    expect(entry.fields.title).toBe(paper.title);
    expect(entry.fields.eprint).toBe(paper.id);
    expect(entry.fields.doi).toBe(`10.48550/arXiv.${paper.id}`);
    expect((entry.fields.author ?? []).map((a) => `${a.firstName} ${a.lastName}`)).toEqual(
      paper.authors.map((a) => a.name),
    );
    const key = entry.key;
    // The same key again, and after saving the paper.
    await card.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => card.getByRole('button', { name: 'Save' }).getAttribute('aria-pressed')).toBe('true');
    await clear(page);
    await card.getByRole('button', { name: /^More actions/ }).click();
    await card.getByRole('menuitem', { name: 'Copy BibTeX' }).click();
    expect(oneEntry(await clipboardAfter(page, '')).key).toBe(key);
    await page.close();
  });

  it('the menu copies a plain-text reference and a Markdown link', async () => {
    const page = await newTab();
    const paper = items[1]!.paper;
    const card = page.getByRole('article', { name: paper.title });
    const more = card.getByRole('button', { name: /^More actions/ });
    expect(await more.getAttribute('aria-haspopup')).toBe('menu');
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await clear(page);
    await card.getByRole('menuitem', { name: 'Copy reference (plain text)' }).click();
    const plain = await clipboardAfter(page, '');
    expect(plain).toContain(paper.authors[0]!.name);
    expect(plain).toContain(`${paper.title}.`);
    expect(plain).toContain(`arXiv:${paper.id}`);
    expect(plain).toContain(`(${paper.publishedAt.slice(0, 4)})`);
    await more.click();
    await card.getByRole('menuitem', { name: 'Copy Markdown link' }).click();
    const md = await clipboardAfter(page, plain);
    expect(md).toBe(`[${paper.title}](https://arxiv.org/abs/${paper.id})`);
    await page.close();
  });

  it('c copies the focused paper’s BibTeX', async () => {
    const page = await newTab();
    await clear(page);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-paper-id'));
    expect(focused).toBeTruthy();
    await page.keyboard.press('c');
    expect(oneEntry(await clipboardAfter(page, '')).fields.eprint).toBe(focused);
    await page.close();
  });
});

describe('Copy BibTeX beside Save on paper pages', () => {
  it('on arXiv: the entry is built from the page, authors and date included', async () => {
    const paper = items[2]!.paper;
    const page = await ext.context.newPage();
    await page.goto(`https://arxiv.org/abs/${paper.id}v1`);
    await clear(page);
    await page.getByRole('button', { name: 'Copy BibTeX' }).click();
    const entry = oneEntry(await clipboardAfter(page, ''));
    expect(entry.fields.title).toBe(paper.title);
    expect(entry.fields.eprint).toBe(paper.id);
    expect(entry.fields.doi).toBe(`10.48550/arXiv.${paper.id}`);
    expect(entry.fields.author?.length).toBe(paper.authors.length);
    expect(await page.getByRole('status').textContent()).toBe('Copied');
    await page.close();
  });

  it('on Hugging Face, for a paper not saved', async () => {
    const paper = items[3]!.paper;
    const page = await ext.context.newPage();
    await page.goto(`https://huggingface.co/papers/${paper.id}`);
    await clear(page);
    await page.getByRole('button', { name: 'Copy BibTeX' }).click();
    const entry = oneEntry(await clipboardAfter(page, ''));
    expect(entry.fields.eprint).toBe(paper.id);
    expect(entry.fields.title).toBe(paper.title);
    expect(await page.getByRole('button', { name: /^(Save|Saved)$/ }).getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });
});

describe('RIS and CSL-JSON downloads from the reading list', () => {
  async function download(page: Page, name: string): Promise<string> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return readFile((await file.path())!, 'utf8');
  }

  it('are read back by Citation.js with every saved paper', async () => {
    const tab = await newTab();
    const second = tab.getByRole('article', { name: items[1]!.paper.title });
    await second.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => second.getByRole('button', { name: 'Save' }).getAttribute('aria-pressed')).toBe('true');
    await tab.close();
    const list = await ext.page('reading-list.html');
    await list.getByRole('article').first().waitFor();
    const saved = new Set(
      await list.locator('article').evaluateAll((els) => els.map((e) => e.getAttribute('data-paper-id'))),
    );
    expect(saved.size).toBeGreaterThanOrEqual(2);

    const ris = await readRis(await download(list, 'Export RIS'));
    expect(ris.problems).toEqual([]);
    expect(new Set(ris.records.map((r) => r.eprint))).toEqual(saved);
    expect(ris.records.every((r) => r.type === 'report' && r.doi === `10.48550/arXiv.${r.eprint}`)).toBe(true);

    const csl = await readCslJson(await download(list, 'Export CSL-JSON'));
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
