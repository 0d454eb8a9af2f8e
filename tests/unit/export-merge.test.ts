import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBackup, toBackup } from '@/lib/reading-list/backup';
import { mergeAll, mergeSaved } from '@/lib/reading-list/merge';
import type { Paper } from '@/lib/core/paper';
import type { SavedPaper } from '@/lib/core/saved';
import { makeSaved, SAVED_AT } from '../fixtures/saved';

const T = SAVED_AT;
const H = 3_600_000;

/** The shared record, with this file's abstract, single author and comments. */
function saved(id: string, rest: Partial<SavedPaper> = {}, paper: Partial<Paper> = {}): SavedPaper {
  const base = { summary: 'We study sparse attention.', authors: ['Ada Lovelace'], numComments: 3 };
  return makeSaved(id, { ...base, ...paper }, rest);
}

describe('mergeSaved', () => {
  it('takes the incoming record when there is none', () => {
    const rec = saved('2404.12345');
    expect(mergeSaved(undefined, rec)).toBe(rec);
  });

  it('keeps the newer edit of each field independently', () => {
    const existing = saved('2404.12345', {
      status: 'read',
      tags: ['mine'],
      note: 'old note',
      edited: { status: T + 3 * H, tags: T, note: T },
    });
    const incoming = saved('2404.12345', {
      status: 'reading',
      tags: ['theirs'],
      note: 'new note',
      edited: { status: T + H, tags: T + 2 * H, note: T + 4 * H },
    });
    const merged = mergeSaved(existing, incoming);
    expect(merged).toMatchObject({
      status: 'read',
      tags: ['theirs'],
      note: 'new note',
      edited: { status: T + 3 * H, tags: T + 2 * H, note: T + 4 * H },
    });
  });

  it('breaks a same-millisecond tie as sync does (the greater value), whichever copy is held', () => {
    const existing = saved('2404.12345', { status: 'read', note: 'mine' });
    const incoming = saved('2404.12345', { status: 'reading', note: 'theirs' });
    const oneWay = mergeSaved(existing, incoming);
    const otherWay = mergeSaved(incoming, existing);
    expect(oneWay).toMatchObject({ status: 'reading', note: 'theirs' });
    expect(otherWay).toMatchObject({ status: 'reading', note: 'theirs' });
  });

  it('keeps the earliest save time and the latest update time', () => {
    const existing = saved('2404.12345', { savedAt: T, updatedAt: T + H });
    const incoming = saved('2404.12345', { savedAt: T - 5 * H, updatedAt: T });
    expect(mergeSaved(existing, incoming)).toMatchObject({ savedAt: T - 5 * H, updatedAt: T + H });
    expect(mergeSaved(incoming, existing)).toMatchObject({ savedAt: T - 5 * H, updatedAt: T + H });
  });

  it('takes the newer copy of the paper and fills its gaps from the older one', () => {
    const older = saved(
      '2404.12345',
      {},
      { upvotes: 5, githubRepo: 'https://github.com/org/repo', thumbnail: 'https://cdn.example/t.png', fetchedAt: T },
    );
    const newer = saved(
      '2404.12345',
      {},
      { title: 'Sparse Attention (v2)', upvotes: 40, summary: '', authors: [], day: '', fetchedAt: T + H },
    );
    const expected = {
      ...newer.paper,
      summary: 'We study sparse attention.',
      authors: ['Ada Lovelace'],
      day: '2024-04-19',
      githubRepo: 'https://github.com/org/repo',
      thumbnail: 'https://cdn.example/t.png',
    };
    expect(mergeSaved(older, newer).paper).toStrictEqual(expected);
    expect(mergeSaved(newer, older).paper).toStrictEqual(expected);
  });

  it('keeps the existing paper when both were fetched at the same time', () => {
    const existing = saved('2404.12345', {}, { upvotes: 5 });
    const incoming = saved('2404.12345', {}, { upvotes: 9 });
    expect(mergeSaved(existing, incoming).paper.upvotes).toBe(5);
  });

  it('stays incomplete only if both copies are', () => {
    const incomplete = saved('2404.12345', { incomplete: true });
    const complete = saved('2404.12345');
    expect(mergeSaved(incomplete, complete)).not.toHaveProperty('incomplete');
    expect(mergeSaved(complete, incomplete)).not.toHaveProperty('incomplete');
    expect(mergeSaved(incomplete, saved('2404.12345', { incomplete: true }))).toHaveProperty('incomplete', true);
    const explicitFalse = saved('2404.12345', { incomplete: false });
    expect(mergeSaved(explicitFalse, complete)).toBe(explicitFalse);
  });

  it('refuses to merge two different papers', () => {
    expect(() => mergeSaved(saved('2404.12345'), saved('2404.54321'))).toThrow(RangeError);
  });

  const timestamp = fc.integer({ min: T, max: T + 10 * H });
  const record = fc
    .record(
      {
        status: fc.constantFrom('to-read' as const, 'reading' as const, 'read' as const),
        tags: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
        note: fc.string({ maxLength: 5 }),
        savedAt: timestamp,
        updatedAt: timestamp,
        edited: fc.record({ status: timestamp, tags: timestamp, note: timestamp }, { noNullPrototype: true }),
        incomplete: fc.boolean(),
        title: fc.constantFrom('A', 'B'),
        summary: fc.constantFrom('', 'S1', 'S2'),
        githubRepo: fc.option(fc.constantFrom('https://github.com/a/b', 'https://github.com/c/d'), { nil: undefined }),
        fetchedAt: timestamp,
      },
      { noNullPrototype: true },
    )
    .map(({ title, summary, githubRepo, fetchedAt, ...rest }) =>
      saved('2404.12345', rest, { title, summary, fetchedAt, ...(githubRepo ? { githubRepo } : {}) }),
    );

  it('is idempotent: merging the same record again changes nothing (property)', () => {
    fc.assert(
      fc.property(record, record, (existing, incoming) => {
        const once = mergeSaved(existing, incoming);
        expect(mergeSaved(once, incoming)).toBe(once);
        expect(mergeSaved(once, existing)).toBe(once);
      }),
    );
  });

  it('ends with the newest edit of every field whichever copy comes first (property)', () => {
    fc.assert(
      fc.property(record, record, (a, b) => {
        const ab = mergeSaved(a, b);
        const ba = mergeSaved(b, a);
        for (const field of ['status', 'tags', 'note'] as const) {
          expect(ab.edited[field]).toBe(Math.max(a.edited[field], b.edited[field]));
          if (a.edited[field] !== b.edited[field]) expect(ab[field]).toEqual(ba[field]);
        }
        expect(ab.savedAt).toBe(ba.savedAt);
        expect(ab.updatedAt).toBe(ba.updatedAt);
        expect(!!ab.incomplete).toBe(!!ba.incomplete);
        // No field either copy of the paper had is lost.
        for (const key of Object.keys({ ...a.paper, ...b.paper })) expect(ab.paper).toHaveProperty(key);
      }),
    );
  });
});

describe('mergeAll', () => {
  it('adds new papers, updates changed ones and counts the unchanged', () => {
    const existing = [saved('2404.00001'), saved('2404.00002'), saved('2404.00003')];
    const incoming = [
      saved('2404.00002', { note: 'newer', edited: { status: T, tags: T, note: T + H } }),
      saved('2404.00003'),
      saved('2404.00004'),
    ];
    const r = mergeAll(existing, incoming);
    expect(r).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(r.merged.map((s) => s.id)).toEqual(['2404.00001', '2404.00002', '2404.00003', '2404.00004']);
    expect(r.merged[1]!.note).toBe('newer');
    expect(r.merged[0]).toBe(existing[0]);
  });

  it('never duplicates a paper, even one repeated in the incoming list', () => {
    const r = mergeAll(
      [saved('2404.00001')],
      [
        saved('2404.00002', { note: 'first', edited: { status: T, tags: T, note: T } }),
        saved('2404.00002', { note: 'second', edited: { status: T, tags: T, note: T + H } }),
        saved('2404.00001'),
      ],
    );
    expect(r.merged.map((s) => s.id)).toEqual(['2404.00001', '2404.00002']);
    expect(r.merged[1]!.note).toBe('second');
    expect(r).toMatchObject({ added: 1, updated: 0, unchanged: 1 });
  });

  it('changes nothing when the same backup is imported twice', () => {
    const existing = [
      saved('2404.00001', { status: 'read', edited: { status: T + H, tags: T, note: T } }),
      saved('2404.00002'),
    ];
    const backup = [
      saved('2404.00001', { status: 'reading', tags: ['x'], edited: { status: T, tags: T + H, note: T } }),
      saved('2404.00003', { incomplete: true }, { githubRepo: 'https://github.com/a/b', fetchedAt: T + H }),
    ];
    const parsed = parseBackup(toBackup(backup, T));
    if (!parsed.ok) throw new Error(parsed.error);
    const first = mergeAll(existing, parsed.items);
    expect(first).toMatchObject({ added: 1, updated: 1, unchanged: 0 });
    const second = mergeAll(first.merged, parsed.items);
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(second.merged).toStrictEqual(first.merged);
  });

  it('handles empty lists', () => {
    expect(mergeAll([], [])).toEqual({ merged: [], added: 0, updated: 0, unchanged: 0 });
    const list = [saved('2404.00001')];
    expect(mergeAll(list, [])).toEqual({ merged: list, added: 0, updated: 0, unchanged: 0 });
    expect(mergeAll([], list)).toEqual({ merged: list, added: 1, updated: 0, unchanged: 0 });
  });
});
