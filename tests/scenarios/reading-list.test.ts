/**
 * The reading list in the built extension, in both browsers (Chromium: `e2e`, Firefox ESR:
 * `e2e-firefox`): saves arriving from many tabs, status, tags and notes with the filters, search,
 * sort and counts that follow them, remove and Undo, every export read back and the imports (a
 * backup, BibTeX, files that are neither), and the list kept through an extension reload, a
 * browser restart and a background stopped in the middle of a save. One browser for the file; the
 * tests follow one list, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { makeDailyItem, makeDay, utcDay } from '../fixtures/papers';
import { scenarioWorld } from '../support/scenario-world';
import { byName, clipboardAfter, poll, reload, waitIn } from '../support/driver';
import {
  addTagTo,
  field,
  fill,
  noteOf,
  openPaperPage,
  openReadingList,
  pageSays,
  press,
  readingStatus,
  removeSaved,
  setReadingStatus,
  shownIds,
  tagsOf,
  waitIds,
  waitText,
  writeNote,
} from '../support/steps';

const DAY = utcDay(-1);
const items = makeDay(DAY, 10);
const papers = items.map((i) => i.paper);
const NOTE = 'Check the ablation in section 4.';
const IMPORT = 'Import (JSON backup or BibTeX)';

const { hf, driver } = scenarioWorld({ serve: (hf) => hf.setDay(DAY, items), badge: '10' });
/** Where the files handed to the file picker are written. */
let files: string;
beforeAll(async () => {
  files = await mkdtemp(join(tmpdir(), 'papertab-list-files-'));
});
afterAll(() => rm(files, { recursive: true, force: true }));

/** A file on disk with that name and text, for the file picker. */
async function file(name: string, text: string): Promise<string> {
  const path = join(files, name);
  await writeFile(path, text);
  return path;
}

const paperPage = (url: string, state: 'true' | 'false') => openPaperPage(driver, url, state);

describe(`the reading list in ${process.env.PAPERTAB_BROWSER ?? 'chromium'}`, () => {
  it('saves from several tabs at once all arrive, newest first', async () => {
    // Four arXiv pages open side by side, each Save pressed before any has been stored.
    const tabs = await Promise.all(papers.slice(0, 4).map((p) => paperPage(`https://arxiv.org/abs/${p.id}`, 'false')));
    for (const tab of tabs) await tab.clickPageSave();
    for (const tab of tabs) {
      await pageSays(tab, 'true');
      await tab.close();
    }
    const last = await paperPage(`https://arxiv.org/abs/${papers[4]!.id}`, 'false');
    await last.clickPageSave(); // saved last: listed first
    await pageSays(last, 'true');
    await last.close();
    const list = await openReadingList(driver);
    await waitIds(
      list,
      papers.slice(0, 5).map((p) => p.id),
    );
    expect((await shownIds(list))[0]).toBe(papers[4]!.id);
    await list.close();
  });

  it('status, tags and notes are kept; filters, search and counts follow them', async () => {
    const list = await openReadingList(driver);
    const [a, b] = [papers[0]!, papers[1]!];
    await setReadingStatus(list, a.title, 'reading');
    await addTagTo(list, a.title, 'diffusion');
    await writeNote(list, a.title, NOTE);
    await setReadingStatus(list, b.title, 'read');

    await press(list, 'Reading (1)');
    await waitIds(list, [a.id]);
    await press(list, /^All/);
    const tagFilter = await field(list, 'Tag');
    await waitIn(
      list,
      'the tag among the filters',
      (s) => [...(document.querySelector<HTMLSelectElement>(s)?.options ?? [])].some((o) => o.value === 'diffusion'),
      tagFilter,
    );
    await list.select(tagFilter, 'diffusion');
    await waitIds(list, [a.id]);
    await list.select(tagFilter, '');
    const search = await field(list, 'Search the reading list');
    await fill(list, search, 'ablation');
    await waitIds(list, [a.id]);
    await fill(list, search, '');
    await waitIds(
      list,
      papers.slice(0, 5).map((p) => p.id),
    );

    await reload(list);
    await poll(
      () => noteOf(list, a.title),
      'the note after a reload',
      (n) => n === NOTE,
    );
    expect(await readingStatus(list, a.title)).toBe('reading');
    expect(await tagsOf(list, a.title)).toEqual(['diffusion']);
    await list.close();
  });

  it('sorts by upvotes', async () => {
    const list = await openReadingList(driver);
    await list.select(await field(list, 'Sort by'), 'upvotes');
    const expected = papers
      .slice(0, 5)
      .sort((x, y) => y.upvotes - x.upvotes)
      .map((p) => p.id);
    await waitIds(list, expected, true);
    await list.close();
  });

  it('remove and undo, one or many', async () => {
    const list = await openReadingList(driver);
    const c = papers[2]!;
    await removeSaved(list, c.title);
    await press(list, 'Undo');
    await poll(
      () => shownIds(list),
      'the paper back',
      (ids) => ids.includes(c.id),
    );
    expect(await noteOf(list, papers[0]!.title)).toBe(NOTE);

    for (const p of papers.slice(2, 4)) await list.click(await field(list, `Select “${p.title}”`));
    await press(list, 'Mark as read');
    await byName(list, 'button', 'Read (3)'); // waits until the count says so
    await press(list, 'Remove selected');
    await poll(
      () => shownIds(list),
      'two papers removed',
      (ids) => ids.length === 3,
    );
    await press(list, 'Undo');
    await poll(
      () => shownIds(list),
      'both back',
      (ids) => ids.length === 5,
    );
    await list.close();
  });

  it('exports BibTeX, the notes and a JSON backup; re-importing the backup restores a removed paper without duplicates', async () => {
    const list = await openReadingList(driver);
    const bibtex = (await list.download(await byName(list, 'button', 'Export BibTeX'))).text;
    expect(bibtex).toContain(`eprint = {${papers[0]!.id}}`);
    expect(bibtex).toContain('archivePrefix = {arXiv}');
    // The arXiv page it was saved from named the primary category.
    expect(bibtex).toContain('primaryClass = {cs.LG}');
    // The zip's code loads on this click (a lazy chunk): the download still comes, with each note.
    const zip = await list.download(await byName(list, 'button', 'Export notes (zip)'));
    const notes = Object.values(unzipSync(zip.bytes)).map((f) => strFromU8(f));
    expect(notes.some((n) => n.includes(NOTE))).toBe(true);
    const backup = await list.download(await byName(list, 'button', 'Export JSON backup'));
    expect(JSON.parse(backup.text)).toMatchObject({ format: 'papertab-backup' });

    const gone = papers[4]!;
    await removeSaved(list, gone.title);
    await list.upload(await field(list, IMPORT), await file('backup.json', backup.text));
    await waitText(list, /Imported 5 papers/);
    await waitIds(
      list,
      papers.slice(0, 5).map((p) => p.id),
    );
    // Notes survived the round trip.
    expect(await noteOf(list, papers[0]!.title)).toBe(NOTE);
    await list.close();
  });

  it('a malformed or foreign import says so and changes nothing', async () => {
    const list = await openReadingList(driver);
    const before = await shownIds(list);
    let said = '';
    for (const [name, body] of [
      ['broken.json', '{"format": "papertab-backup", "version": 1, "papers": [{"id": '],
      ['foreign.json', JSON.stringify({ hello: 'world' })],
      ['notes.txt', 'just some text'],
    ] as const) {
      await list.upload(await field(list, IMPORT), await file(name, body));
      // Each file is refused in its own words (so this one's answer is not the last one's).
      said = await waitIn(
        list,
        `${name} refused`,
        (last) => {
          const text = document.querySelector('[role="alert"]')?.textContent ?? '';
          return text !== last && /Nothing was changed/.test(text) ? text : '';
        },
        said,
      );
      expect(await shownIds(list)).toEqual(before);
    }
    await list.close();
  });

  it('imports BibTeX with arXiv eprints', async () => {
    const p = papers[7]!;
    const list = await openReadingList(driver);
    const bib = `@misc{x2024,\n  title = {${p.title}},\n  author = {Doe, Jane and Roe, Rick},\n  year = {2024},\n  eprint = {${p.id}},\n  archivePrefix = {arXiv}\n}\n@article{noarxiv, title={Elsewhere}}`;
    await list.upload(await field(list, IMPORT), await file('refs.bib', bib));
    await waitText(list, /Imported 1 paper/);
    await poll(
      () => shownIds(list),
      'the imported paper',
      (ids) => ids.includes(p.id),
    );
    await list.close();
  });

  it('the list survives an extension reload, and the buttons tell the truth', async () => {
    const list = await openReadingList(driver);
    const before = (await shownIds(list)).sort();
    expect(before.length).toBeGreaterThan(0);
    await list.close();
    await driver.reloadExtension();
    const after = await openReadingList(driver);
    await waitIds(after, before);
    await after.close();
    await (await paperPage(`https://arxiv.org/abs/${before[0]}`, 'true')).close();
  });

  it('the list survives the browser restarting, and the buttons tell the truth', async () => {
    const list = await openReadingList(driver);
    const before = (await shownIds(list)).sort();
    expect(before.length).toBeGreaterThan(0);
    await driver.restart();
    const after = await openReadingList(driver);
    await waitIds(after, before);
    await after.close();
    await (await paperPage(`https://arxiv.org/abs/${before.at(-1)}`, 'true')).close();
  });

  it('a save survives the background stopped mid-save, and the button tells the truth', async () => {
    // A paper outside the cached feed, so saving asks Hugging Face for it.
    const p = makeDailyItem('2501.00077', DAY).paper;
    hf.setPaper(p);
    hf.setFault({ kind: 'hang' }, new RegExp(`/api/papers/${p.id.replace('.', '\\.')}`));
    const page = await paperPage(`https://huggingface.co/papers/${p.id}`, 'false');
    const since = hf.requests.length;
    await page.clickPageSave();
    await hf.waitForRequest((r) => hf.requests.indexOf(r) >= since && r.path.startsWith(`/api/papers/${p.id}`));
    await driver.stopBackground();
    hf.setFault(null);
    hf.releaseHangs();
    await pageSays(page, 'true');
    const list = await openReadingList(driver);
    await poll(
      () => shownIds(list),
      'the paper listed once',
      (ids) => ids.filter((id) => id === p.id).length === 1,
    );
    await list.close();
    await page.close();
  });

  it('by keyboard alone: move, set the status, select, copy BibTeX, open the note, remove and Undo', async () => {
    const list = await openReadingList(driver);
    const ids = await shownIds(list);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const focusedId = () =>
      list.evaluate(() => document.activeElement?.closest<HTMLElement>('article.paper')?.dataset.paperId ?? '');
    const focusIs = (id: string) => poll(focusedId, `the focus on ${id}`, (f) => f === id);
    /** The status and whether it is selected, as the saved paper `id` shows them. */
    const stateOf = (id: string) =>
      list.evaluate((id) => {
        const a = document.querySelector<HTMLElement>(`article[data-paper-id="${id}"]`);
        const checked = a?.querySelector<HTMLInputElement>('input.select')?.checked;
        return `${a?.querySelector('select')?.value ?? 'gone'} ${checked ? 'selected' : 'unselected'}`;
      }, id);
    const stateIs = (id: string, state: string) =>
      poll(
        () => stateOf(id),
        `${id} ${state}`,
        (v) => v === state,
      );
    const [first, second, third] = ids as [string, string, string];

    await list.press('j');
    await focusIs(first);
    await list.press('j');
    await focusIs(second);
    await list.press('k');
    await list.press('j');
    await focusIs(second);

    await list.press('2');
    await stateIs(second, 'reading unselected');
    await list.press('x');
    await stateIs(second, 'reading selected');
    await byName(list, 'button', 'Remove selected');
    await list.press('x');
    await stateIs(second, 'reading unselected');

    await list.writeClipboard('before');
    await list.press('c');
    const copied = await clipboardAfter(list, 'before');
    expect(copied).toMatch(/^@\w+\{/);
    expect(copied).toMatch(new RegExp(`eprint\\s*=\\s*[{"]${second.replace('.', '\\.')}[}"]`));

    await list.press('n');
    await poll(
      () => list.evaluate(() => document.activeElement?.tagName ?? ''),
      'the caret in the note',
      (tag) => tag === 'TEXTAREA',
    );
    await list.press('Escape');

    await list.evaluate((id) => document.querySelector<HTMLElement>(`article[data-paper-id="${id}"]`)?.focus(), second);
    await focusIs(second);
    await list.press('Delete');
    await poll(
      () => shownIds(list),
      'the paper removed',
      (shown) => !shown.includes(second),
    );
    await focusIs(third);
    await press(list, 'Undo');
    await poll(
      () => shownIds(list),
      'the paper back',
      (shown) => shown.includes(second),
    );
    await list.close();
  });
});
