import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { makeDailyItem, makeDay, utcDay } from '../fixtures/papers';
import { launchExtension, type ExtensionSession } from '../support/extension';
import { startStandIn, type StandIn } from '../support/standin';
import { openSavedDetails, removeSaved, waitForBadge } from '../support/e2e';
import { pageSaveButton } from '../support/driver-chromium';

let hf: StandIn;
let ext: ExtensionSession;
const DAY = utcDay(-1);
const items = makeDay(DAY, 10);
const papers = items.map((i) => i.paper);

let profile: string;

beforeAll(async () => {
  hf = await startStandIn();
  hf.setDay(DAY, items);
  profile = await mkdtemp(join(tmpdir(), 'papertab-list-'));
  ext = await launchExtension({ port: hf.port, userDataDir: profile });
  await waitForBadge(ext, '10');
});
afterAll(async () => {
  await ext?.close();
  await hf?.close();
  await rm(profile, { recursive: true, force: true });
});

const pageSave = pageSaveButton;

async function saveOnArxiv(id: string): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(`https://arxiv.org/abs/${id}`);
  await pageSave(page).click();
  await expect.poll(() => pageSave(page).getAttribute('aria-pressed')).toBe('true');
  await page.close();
}

async function listIds(list: Page): Promise<string[]> {
  return list.locator('main article').evaluateAll((els) => els.map((e) => e.getAttribute('data-paper-id') ?? ''));
}

async function readingList(): Promise<Page> {
  const list = await ext.page('reading-list.html');
  await list.getByRole('heading', { level: 1, name: /Reading list/ }).waitFor();
  return list;
}

describe('the reading list', () => {
  it('saves from several tabs at once all arrive, newest first', async () => {
    await Promise.all(papers.slice(0, 4).map((p) => saveOnArxiv(p.id)));
    await saveOnArxiv(papers[4]!.id); // saved last: listed first
    const list = await readingList();
    await expect.poll(() => listIds(list).then((ids) => ids.length)).toBe(5);
    expect(new Set(await listIds(list))).toEqual(new Set(papers.slice(0, 5).map((p) => p.id)));
    expect((await listIds(list))[0]).toBe(papers[4]!.id);
    await list.close();
  });

  it('status, tags and notes are kept; filters, search and counts follow them', async () => {
    const list = await readingList();
    const [a, b] = [papers[0]!, papers[1]!];
    const cardA = list.getByRole('article', { name: a.title });
    await openSavedDetails(cardA);
    await cardA.getByRole('combobox', { name: 'Status' }).selectOption('reading');
    await cardA.getByRole('textbox', { name: `Add a tag to “${a.title}”` }).fill('diffusion');
    await cardA.getByRole('textbox', { name: `Add a tag to “${a.title}”` }).press('Enter');
    await cardA.getByRole('textbox', { name: 'Note' }).fill('Check the ablation in section 4.');
    const cardB = list.getByRole('article', { name: b.title });
    await openSavedDetails(cardB);
    await cardB.getByRole('combobox', { name: 'Status' }).selectOption('read');

    await expect.poll(() => list.getByRole('button', { name: 'Reading (1)' }).count()).toBe(1);
    await list.getByRole('button', { name: 'Reading (1)' }).click();
    await expect.poll(() => listIds(list)).toEqual([a.id]);
    await list.getByRole('button', { name: /^All/ }).click();
    await list.getByRole('combobox', { name: 'Tag' }).selectOption('diffusion');
    await expect.poll(() => listIds(list)).toEqual([a.id]);
    await list.getByRole('combobox', { name: 'Tag' }).selectOption('');
    await list.getByRole('searchbox', { name: 'Search the reading list' }).fill('ablation');
    await expect.poll(() => listIds(list)).toEqual([a.id]);
    await list.getByRole('searchbox', { name: 'Search the reading list' }).fill('');

    await list.reload();
    const again = list.getByRole('article', { name: a.title });
    // At rest: the status, the tags and the note's first line; opened in place, the whole note.
    await expect
      .poll(() => again.getByRole('button', { name: 'Note: Check the ablation in section 4.' }).count())
      .toBe(1);
    expect(await again.locator('.saved-facts').textContent()).toMatch(/Reading.*diffusion/);
    await openSavedDetails(again);
    await expect
      .poll(() => again.getByRole('textbox', { name: 'Note' }).inputValue())
      .toBe('Check the ablation in section 4.');
    expect(await again.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('reading');
    expect(await again.getByRole('list', { name: 'Tags' }).textContent()).toContain('diffusion');
    await list.close();
  });

  it('sorts by upvotes', async () => {
    const list = await readingList();
    await list.getByRole('combobox', { name: 'Sort by' }).selectOption('upvotes');
    const expected = papers
      .slice(0, 5)
      .sort((x, y) => y.upvotes - x.upvotes)
      .map((p) => p.upvotes);
    const ids = await listIds(list);
    expect(ids.map((id) => papers.find((p) => p.id === id)!.upvotes)).toEqual(expected);
    await list.close();
  });

  it('remove and undo, one or many', async () => {
    const list = await readingList();
    const c = papers[2]!;
    await removeSaved(list.getByRole('article', { name: c.title }));
    await expect.poll(() => listIds(list).then((ids) => ids.includes(c.id))).toBe(false);
    await list.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => listIds(list).then((ids) => ids.includes(c.id))).toBe(true);
    await openSavedDetails(list.getByRole('article', { name: papers[0]!.title }));
    const note = await list
      .getByRole('article', { name: papers[0]!.title })
      .getByRole('textbox', { name: 'Note' })
      .inputValue();
    expect(note).toBe('Check the ablation in section 4.');

    for (const p of papers.slice(2, 4)) await list.getByRole('checkbox', { name: `Select “${p.title}”` }).check();
    await list.getByRole('button', { name: 'Mark as read', exact: true }).click();
    await expect.poll(() => list.getByRole('button', { name: 'Read (3)' }).count()).toBe(1);
    await list.getByRole('button', { name: 'Remove selected' }).click();
    await expect.poll(() => listIds(list).then((ids) => ids.length)).toBe(3);
    await list.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => listIds(list).then((ids) => ids.length)).toBe(5);
    await list.close();
  });

  it('exports BibTeX and a JSON backup; re-importing the backup restores a removed paper without duplicates', async () => {
    const list = await readingList();
    const [bib] = await Promise.all([
      list.waitForEvent('download'),
      list.getByRole('button', { name: 'Export BibTeX' }).click(),
    ]);
    const bibtex = await readFile((await bib.path())!, 'utf8');
    expect(bibtex).toContain(`eprint = {${papers[0]!.id}}`);
    expect(bibtex).toContain('archivePrefix = {arXiv}');
    // The arXiv page it was saved from named the primary category.
    expect(bibtex).toContain('primaryClass = {cs.LG}');
    // The zip's code loads on this click (a lazy chunk): the download still comes, with each note.
    const [zip] = await Promise.all([
      list.waitForEvent('download'),
      list.getByRole('button', { name: 'Export notes (zip)' }).click(),
    ]);
    const notes = Object.values(unzipSync(await readFile((await zip.path())!))).map((f) => strFromU8(f));
    expect(notes.some((n) => n.includes('Check the ablation in section 4.'))).toBe(true);
    const [json] = await Promise.all([
      list.waitForEvent('download'),
      list.getByRole('button', { name: 'Export JSON backup' }).click(),
    ]);
    const backupPath = (await json.path())!;

    const gone = papers[4]!;
    await removeSaved(list.getByRole('article', { name: gone.title }));
    await expect.poll(() => listIds(list).then((ids) => ids.length)).toBe(4);
    await list.getByLabel('Import (JSON backup or BibTeX)').setInputFiles(backupPath);
    await expect.poll(() => list.getByText(/Imported 5 papers/).count()).toBe(1);
    await expect
      .poll(() => listIds(list).then((ids) => ids.sort()))
      .toEqual(
        papers
          .slice(0, 5)
          .map((p) => p.id)
          .sort(),
      );
    // Notes survived the round trip.
    await openSavedDetails(list.getByRole('article', { name: papers[0]!.title }));
    expect(
      await list.getByRole('article', { name: papers[0]!.title }).getByRole('textbox', { name: 'Note' }).inputValue(),
    ).toBe('Check the ablation in section 4.');
    await list.close();
  });

  it('a malformed or foreign import says so and changes nothing', async () => {
    const list = await readingList();
    const before = await listIds(list);
    for (const [name, body] of [
      ['broken.json', '{"format": "papertab-backup", "version": 1, "papers": [{"id": '],
      ['foreign.json', JSON.stringify({ hello: 'world' })],
      ['notes.txt', 'just some text'],
    ] as const) {
      await list
        .getByLabel('Import (JSON backup or BibTeX)')
        .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(body) });
      await expect.poll(() => list.getByRole('alert').textContent()).toMatch(/Nothing was changed/);
      expect(await listIds(list)).toEqual(before);
    }
    await list.close();
  });

  it('imports BibTeX with arXiv eprints', async () => {
    const p = papers[7]!;
    const list = await readingList();
    const bib = `@misc{x2024,\n  title = {${p.title}},\n  author = {Doe, Jane and Roe, Rick},\n  year = {2024},\n  eprint = {${p.id}},\n  archivePrefix = {arXiv}\n}\n@article{noarxiv, title={Elsewhere}}`;
    await list
      .getByLabel('Import (JSON backup or BibTeX)')
      .setInputFiles({ name: 'refs.bib', mimeType: 'text/plain', buffer: Buffer.from(bib) });
    await expect.poll(() => list.getByText(/Imported 1 paper/).count()).toBe(1);
    await expect.poll(() => listIds(list).then((ids) => ids.includes(p.id))).toBe(true);
    await list.close();
  });

  it('the list survives an extension reload, and the buttons tell the truth', async () => {
    const list = await readingList();
    const before = (await listIds(list)).sort();
    expect(before.length).toBeGreaterThan(0);
    await list.close();
    await ext.reloadExtension();
    const after = await readingList();
    await expect.poll(() => listIds(after).then((ids) => ids.sort())).toEqual(before);
    await after.close();
    const page = await ext.context.newPage();
    await page.goto(`https://arxiv.org/abs/${before[0]}`);
    await expect.poll(() => pageSave(page).getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('the list survives the browser restarting, and the buttons tell the truth', async () => {
    const list = await readingList();
    const before = (await listIds(list)).sort();
    expect(before.length).toBeGreaterThan(0);
    await ext.close();
    ext = await launchExtension({ port: hf.port, userDataDir: profile });
    const after = await readingList();
    await expect.poll(() => listIds(after).then((ids) => ids.sort())).toEqual(before);
    await after.close();
    const page = await ext.context.newPage();
    await page.goto(`https://arxiv.org/abs/${before.at(-1)}`);
    await expect.poll(() => pageSave(page).getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('a save survives the worker stopped mid-save, and the button tells the truth', async () => {
    // A paper outside the cached feed, so saving asks Hugging Face for it.
    const p = makeDailyItem('2501.00077', DAY).paper;
    hf.setPaper(p);
    hf.setFault({ kind: 'hang' }, new RegExp(`/api/papers/${p.id.replace('.', '\\.')}`));
    const page = await ext.context.newPage();
    await page.goto(`https://huggingface.co/papers/${p.id}`);
    await pageSave(page).click();
    await hf.waitForRequest((r) => r.path.startsWith(`/api/papers/${p.id}`));
    await ext.stopServiceWorker();
    hf.setFault(null);
    hf.releaseHangs();
    await expect.poll(() => pageSave(page).getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('true');
    const list = await readingList();
    await expect.poll(() => listIds(list).then((ids) => ids.filter((id) => id === p.id).length)).toBe(1);
    await list.close();
    await page.close();
  });
});
