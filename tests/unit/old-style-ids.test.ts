// Old-style arXiv ids with a subject class (issue 21): arXiv writes `math.DG/0211159` and
// `math/0211159` for one paper, so saving, "already saved" and export treat them as one, and
// records an earlier version stored under both forms are joined without losing a note.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { paperRefFromUrl, parseArxivId } from '@/lib/core/arxiv-id';
import { SAVED_IDS_KEY } from '@/lib/core/saved-mirror';
import type { SavedPaper } from '@/lib/core/saved';
import { saveById } from '@/lib/hf/save-paper';
import { parseBackup, toBackup } from '@/lib/reading-list/backup';
import { toBibtex } from '@/lib/reading-list/bibtex/export';
import { joinStoredDuplicates } from '@/lib/reading-list/same-paper';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { FakeHf } from '../support/fake-hf';
import { readBibtex } from '../support/real-parsers';

const NOW = Date.parse('2026-11-25T15:00:00Z');
const ONE = 'math/0211159';
/** What arXiv's abstract page of math/0211159 says of itself (its citation tags). */
const PAGE = {
  title: 'The entropy formula for the Ricci flow and its geometric applications',
  authors: ['Grisha Perelman'],
  publishedAt: '2002/11/11',
  primaryClass: 'math.DG',
};

let db: PapertabDB;
let n = 0;
beforeEach(async () => {
  fakeBrowser.reset();
  db = createDb(`old-style-${n++}`);
  await db.open();
});
afterEach(() => db.close());

const deps = () => ({ db, fetch: new FakeHf().fetch, now: () => NOW });
const mirror = async () => (await fakeBrowser.storage.local.get(SAVED_IDS_KEY))[SAVED_IDS_KEY];

function record(id: string, fields: Partial<SavedPaper>, at: number): SavedPaper {
  return {
    id,
    paper: {
      id,
      title: PAGE.title,
      summary: '',
      authors: PAGE.authors,
      day: '',
      upvotes: 0,
      numComments: 0,
      aiKeywords: [],
      fetchedAt: at,
    },
    savedAt: at,
    updatedAt: at,
    status: 'to-read',
    tags: [],
    note: '',
    edited: { status: at, tags: at, note: at },
    ...fields,
  };
}

describe('math.DG/0211159 and math/0211159 are one paper', () => {
  it('every spelling and page of it names the one key', () => {
    for (const text of ['math.DG/0211159', 'math/0211159v1', 'arXiv:math.DG/0211159v2'])
      expect(parseArxivId(text)?.id).toBe(ONE);
    for (const url of [
      'https://arxiv.org/abs/math.DG/0211159',
      'https://arxiv.org/abs/math/0211159v1',
      'https://arxiv.org/pdf/math.DG/0211159v1.pdf',
    ])
      expect(paperRefFromUrl(url)?.id).toBe(ONE);
  });

  it('saved from one form, it is "already saved" under the other, once in the list and in the export', async () => {
    await saveById(deps(), 'math.DG/0211159v1', PAGE);
    const again = await saveById(deps(), 'math/0211159', PAGE);
    expect(again.ok).toBe(true);
    expect(await db.saved.toCollection().primaryKeys()).toEqual([ONE]);
    // The paper page's button reads this mirror for the id its URL names, whichever form.
    expect(await mirror()).toEqual([paperRefFromUrl('https://arxiv.org/abs/math.DG/0211159')!.id]);
    const { records, problems } = readBibtex(toBibtex(await db.saved.toArray()));
    expect(problems).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ eprint: ONE, primaryClass: 'math.DG' });
  });

  it('records an earlier version stored under both forms become one, keeping both notes and all tags', async () => {
    const older = record(
      'math.DG/0211159',
      { note: 'Read section 4 first.', tags: ['ricci'], status: 'read' },
      NOW - 2000,
    );
    const newer = record(ONE, { note: 'Compare with Hamilton.', tags: ['flows'] }, NOW - 1000);
    await db.saved.bulkPut([older, newer]);
    expect(await joinStoredDuplicates(db, NOW)).toBe(1);
    const all = await db.saved.toArray();
    expect(all.map((r) => r.id)).toEqual([ONE]);
    expect(all[0]!.paper.id).toBe(ONE);
    expect(all[0]!.note).toBe('Read section 4 first.\n\nCompare with Hamilton.');
    expect([...all[0]!.tags].sort()).toEqual(['flows', 'ricci']);
    expect(all[0]!.savedAt).toBe(NOW - 2000);
    expect(await mirror()).toEqual([ONE]);
    // Run again (every worker start): nothing to do.
    expect(await joinStoredDuplicates(db, NOW + 1)).toBe(0);
  });

  it('a record stored only under the class form moves to the one key, note and all', async () => {
    await db.saved.put(record('math.DG/0211159', { note: 'Only note.' }, NOW - 1000));
    await joinStoredDuplicates(db, NOW);
    expect((await db.saved.get(ONE))?.note).toBe('Only note.');
    expect(await db.saved.get('math.DG/0211159')).toBeUndefined();
  });

  it('a backup holding both forms imports as one paper, with both notes', () => {
    const text = toBackup(
      [record('math.DG/0211159', { note: 'A' }, NOW - 2000), record(ONE, { note: 'B' }, NOW - 1000)],
      NOW,
    );
    const parsed = parseBackup(text);
    expect(parsed.ok && parsed.items.map((r) => [r.id, r.paper.id, r.note])).toEqual([[ONE, ONE, 'A\n\nB']]);
  });
});
