import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDb, type PapertabDB } from '@/lib/store/db';
import type { Paper } from '@/lib/core/paper';
import {
  addTag,
  allTags,
  filterList,
  normalizeTags,
  removeMany,
  restoreMany,
  restoreSaved,
  savePaper,
  setNote,
  setStatus,
  setTags,
  statusCounts,
  unsavePaper,
} from '@/lib/reading-list/list';
import { NOTE_MAX_CHARS, type SavedPaper } from '@/lib/core/saved';
import { SAVED_IDS_KEY } from '@/lib/core/saved-mirror';
import { datedAt, makeSaved } from '../fixtures/saved';

const T0 = Date.parse('2026-11-24T09:00:00Z');

function paper(id: string, over: Partial<Paper> = {}): Paper {
  return {
    id,
    title: `Paper ${id}`,
    summary: '',
    authors: ['Ada Lovelace'],
    day: '2026-11-24',
    upvotes: 0,
    numComments: 0,
    aiKeywords: [],
    fetchedAt: T0,
    ...over,
  };
}

function rec(id: string, over: Partial<SavedPaper> = {}, p: Partial<Paper> = {}): SavedPaper {
  return { ...makeSaved(id, {}, { ...datedAt(T0), ...over }), paper: paper(id, p) };
}

let db: PapertabDB;
let n = 0;
const mirror = async () => (await fakeBrowser.storage.local.get(SAVED_IDS_KEY))[SAVED_IDS_KEY];

beforeEach(async () => {
  db = createDb(`reading-edit-${n++}`);
  for (const id of ['2404.00001', '2404.00002', '2404.00003']) await savePaper(db, paper(id), T0);
});
afterEach(() => db.close());

describe('tags', () => {
  it('are trimmed, collapsed, cut to 50 characters, without empties or case-insensitive duplicates', () => {
    expect(normalizeTags(['  deep   learning ', 'RL', 'rl', '', '   ', 'Deep Learning', 'x'.repeat(80)])).toEqual([
      'deep learning',
      'RL',
      'x'.repeat(50),
    ]);
  });

  it('setTags replaces the tags; addTag adds one to several papers, without duplicates', async () => {
    await setTags(db, '2404.00001', ['Survey', ' to cite '], T0 + 1);
    await addTag(db, ['2404.00001', '2404.00002'], 'survey', T0 + 2);
    await addTag(db, ['2404.00001', '2404.00002'], 'Agents', T0 + 3);
    expect((await db.saved.get('2404.00001'))?.tags).toEqual(['Survey', 'to cite', 'Agents']);
    expect((await db.saved.get('2404.00002'))?.tags).toEqual(['survey', 'Agents']);
  });
});

describe('edits stamp the field they change, and only it', () => {
  it.each<[string, (db: PapertabDB, now: number) => Promise<void>, keyof SavedPaper['edited'], Partial<SavedPaper>]>([
    ['status', (db, now) => setStatus(db, ['2404.00001'], 'reading', now), 'status', { status: 'reading' }],
    ['note', (db, now) => setNote(db, '2404.00001', 'Section 3.', now), 'note', { note: 'Section 3.' }],
    ['tags', (db, now) => setTags(db, '2404.00001', ['rl'], now), 'tags', { tags: ['rl'] }],
    ['tags by adding one', (db, now) => addTag(db, ['2404.00001'], 'rl', now), 'tags', { tags: ['rl'] }],
  ])('changing the %s', async (_what, change, field, expected) => {
    const before = (await db.saved.get('2404.00001'))!;
    await change(db, T0 + 500);
    const after = (await db.saved.get('2404.00001'))!;
    expect(after).toEqual({
      ...before,
      ...expected,
      updatedAt: T0 + 500,
      edited: { ...before.edited, [field]: T0 + 500 },
    });
    // Other papers are untouched.
    expect(await db.saved.get('2404.00002')).toEqual(rec('2404.00002'));
  });

  it('setStatus changes several papers at once, ignoring ids not in the list', async () => {
    await setStatus(db, ['2404.00001', '2404.00003', '2999.99999'], 'read', T0 + 7);
    expect(statusCounts(await db.saved.toArray())).toEqual({ 'to-read': 1, reading: 0, read: 2 });
    expect(await db.saved.count()).toBe(3);
  });

  it('a note keeps 12 000 characters, and is cut only at the one cap (NOTE_MAX_CHARS)', async () => {
    await setNote(db, '2404.00001', 'n'.repeat(12_000), T0 + 1);
    expect((await db.saved.get('2404.00001'))?.note).toHaveLength(12_000);
    await setNote(db, '2404.00001', 'n'.repeat(NOTE_MAX_CHARS + 5), T0 + 2);
    expect((await db.saved.get('2404.00001'))?.note).toHaveLength(NOTE_MAX_CHARS);
  });
});

describe('removing several papers, with Undo', () => {
  it('returns exactly what was removed, and restoring puts it all back', async () => {
    await setNote(db, '2404.00002', 'Keep this.', T0 + 1);
    const before = await db.saved.toArray();
    const removed = await removeMany(db, ['2404.00001', '2404.00002', '2999.99999']);
    expect(removed).toEqual(before.slice(0, 2));
    expect(await db.saved.count()).toBe(1);
    await restoreMany(db, removed);
    const after = await db.saved.toArray();
    // Status, tags, note and dates come back as they were; `updatedAt` may only move forward (sync).
    const withoutUpdatedAt = (list: SavedPaper[]) => list.map(({ updatedAt: _, ...r }) => r);
    expect(withoutUpdatedAt(after)).toEqual(withoutUpdatedAt(before));
    after.forEach((r, i) => expect(r.updatedAt).toBeGreaterThanOrEqual(before[i]!.updatedAt));
  });
});

describe('the saved-ids mirror for content scripts', () => {
  it('follows every write: save, edit-free removals, restores', async () => {
    expect(await mirror()).toEqual(['2404.00001', '2404.00002', '2404.00003']);
    const one = await unsavePaper(db, '2404.00001');
    expect(await mirror()).toEqual(['2404.00002', '2404.00003']);
    await restoreSaved(db, one!);
    expect(await mirror()).toEqual(['2404.00001', '2404.00002', '2404.00003']);
    const removed = await removeMany(db, ['2404.00002', '2404.00003']);
    expect(await mirror()).toEqual(['2404.00001']);
    await restoreMany(db, removed);
    expect(await mirror()).toEqual(['2404.00001', '2404.00002', '2404.00003']);
    await savePaper(db, paper('2405.00009'), T0);
    expect(await mirror()).toContain('2405.00009');
  });
});

describe('filtering and sorting the list', () => {
  const list = [
    rec(
      '2404.00001',
      { savedAt: T0 + 3, status: 'reading', tags: ['Survey'], note: 'Compare with the baseline.' },
      { title: 'Sparse Attention', upvotes: 10, publishedAt: '2024-04-01T00:00:00.000Z', authors: ['Aidan Gómez'] },
    ),
    rec(
      '2404.00002',
      { savedAt: T0 + 1, status: 'to-read', tags: ['agents', 'RL'] },
      { title: 'Tool-Using Agents', upvotes: 50, publishedAt: '2024-04-03T00:00:00.000Z', authors: ['Wei Li'] },
    ),
    rec(
      '2404.00003',
      { savedAt: T0 + 2, status: 'read', tags: ['survey'] },
      { title: 'Reward Models', upvotes: 30, authors: ['Chloé Dubois'], summary: 'Preferences and sparse rewards.' },
    ),
  ];
  const ids = (r: SavedPaper[]) => r.map((x) => x.id);

  it('sorts by date saved (newest first), by date published, or by upvotes', () => {
    expect(ids(filterList(list, { sort: 'saved' }))).toEqual(['2404.00001', '2404.00003', '2404.00002']);
    // A paper without a publication date goes last.
    expect(ids(filterList(list, { sort: 'published' }))).toEqual(['2404.00002', '2404.00001', '2404.00003']);
    expect(ids(filterList(list, { sort: 'upvotes' }))).toEqual(['2404.00002', '2404.00003', '2404.00001']);
  });

  it('filters by status', () => {
    expect(ids(filterList(list, { sort: 'saved', status: 'read' }))).toEqual(['2404.00003']);
  });

  it('filters by tag, ignoring case', () => {
    expect(ids(filterList(list, { sort: 'saved', tag: 'SURVEY' }))).toEqual(['2404.00001', '2404.00003']);
    expect(ids(filterList(list, { sort: 'saved', tag: 'surv' }))).toEqual([]);
  });

  it.each([
    ['a title word', 'attention', ['2404.00001']],
    ['an author, accents ignored', 'gomez', ['2404.00001']],
    ['an author written with accents', 'CHLOÉ', ['2404.00003']],
    ['a tag', 'rl', ['2404.00002']],
    ['the note', 'baseline', ['2404.00001']],
    ['every word, in any field', 'sparse survey', ['2404.00001', '2404.00003']],
    ['words that are nowhere together', 'agents survey', []],
  ])('searches %s', (_what, query, expected) => {
    expect(ids(filterList(list, { sort: 'saved', query }))).toEqual(expected);
  });

  it('combines status, tag and query', () => {
    expect(ids(filterList(list, { sort: 'saved', status: 'reading', tag: 'survey', query: 'sparse' }))).toEqual([
      '2404.00001',
    ]);
    expect(ids(filterList(list, { sort: 'saved', status: 'read', tag: 'survey', query: 'attention' }))).toEqual([]);
  });

  it('counts papers per status and lists every tag once, sorted', () => {
    expect(statusCounts(list)).toEqual({ 'to-read': 1, reading: 1, read: 1 });
    expect(statusCounts([])).toEqual({ 'to-read': 0, reading: 0, read: 0 });
    expect(allTags(list)).toEqual(['agents', 'RL', 'Survey']);
  });
});
