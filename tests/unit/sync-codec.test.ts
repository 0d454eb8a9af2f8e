import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SavedPaper } from '@/lib/core/saved';
import { singleLine } from '@/lib/core/single-line';
import { contentHash, fromBase64, itemBytes, toBase64 } from '@/lib/sync/bytes';
import {
  chunkKey,
  decodeList,
  encodeList,
  META_KEY,
  QUOTA_BYTES_PER_ITEM,
  shortTitle,
  TOMBSTONE_TTL_MS,
  toSyncRecord,
  type SyncMeta,
  type SyncPayload,
  type SyncRecord,
} from '@/lib/sync/codec';

const T = Date.parse('2026-11-24T09:00:00Z');
const DAY = 86_400_000;

function record(i: number, rest: Partial<SyncRecord> = {}): SyncRecord {
  return {
    id: `2511.${String(i).padStart(5, '0')}`,
    savedAt: T - i * 60_000,
    updatedAt: T - i * 60_000,
    status: 'to-read',
    tags: [],
    note: '',
    edited: { status: T - i * 60_000, tags: T - i * 60_000, note: T - i * 60_000 },
    title: `Paper number ${i}`,
    ...rest,
  };
}

/** Notes that deflate like prose, not like random bytes nor like a repeated word. */
function prose(seed: number, length: number): string {
  const words = ['attention', 'the', 'model', 'scales', 'with', 'data', 'we', 'show', 'that', 'sparse', 'tokens'];
  let s = '';
  let x = seed + 1;
  while (s.length < length) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += `${words[x % words.length]}${x % 7 === 0 ? '. ' : ' '}${x % 13 === 0 ? x % 1000 : ''}`;
  }
  return s.slice(0, length);
}

const byId = (p: SyncPayload) => ({
  records: [...p.records].sort((a, b) => a.id.localeCompare(b.id)),
  tombstones: [...p.tombstones].sort((a, b) => a.id.localeCompare(b.id)),
});

async function roundTrip(payload: SyncPayload, opts: Parameters<typeof encodeList>[1] = { now: T }) {
  const encoded = await encodeList(payload, opts);
  return { encoded, decoded: await decodeList(encoded.items, opts.now) };
}

describe('encoding the reading list for sync', () => {
  it('keeps only the synced fields of a saved paper, and the start of its title', () => {
    const title = `${'A'.repeat(79)}😀 and more`;
    const saved: SavedPaper = {
      id: '2404.12345',
      paper: {
        id: '2404.12345',
        title,
        summary: 'Long abstract',
        authors: ['Ada'],
        day: '',
        upvotes: 3,
        numComments: 0,
        aiKeywords: [],
        fetchedAt: T,
      },
      savedAt: T,
      updatedAt: T + 5,
      status: 'reading',
      tags: ['llm'],
      note: 'Read §3',
      edited: { status: T + 5, tags: T + 1, note: T + 2 },
    };
    expect(toSyncRecord(saved)).toEqual({
      id: '2404.12345',
      savedAt: T,
      updatedAt: T + 5,
      status: 'reading',
      tags: ['llm'],
      note: 'Read §3',
      edited: { status: T + 5, tags: T + 1, note: T + 2 },
      title: `${'A'.repeat(79)}😀`,
    });
    expect([...shortTitle('😀'.repeat(100))]).toHaveLength(80);
  });

  it('round-trips any list: records, tombstones, unicode notes and tags (property)', async () => {
    const id = fc
      .tuple(fc.integer({ min: 15, max: 29 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99_999 }))
      .map(([y, m, n]) => `${y}${String(m).padStart(2, '0')}.${String(n).padStart(5, '0')}`);
    const time = fc.integer({ min: T - 50 * DAY, max: T });
    const rec = fc.record({
      id,
      savedAt: time,
      updatedAt: time,
      status: fc.constantFrom('to-read' as const, 'reading' as const, 'read' as const),
      tags: fc.array(
        fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => singleLine(s)),
        { maxLength: 5 },
      ),
      note: fc.string({ unit: 'grapheme', maxLength: 300 }),
      edited: fc.record({ status: time, tags: time, note: time }),
      title: fc.string({ unit: 'grapheme', maxLength: 120 }).map((s) => singleLine(shortTitle(singleLine(s)))),
    });
    const payload = fc.record({
      records: fc.uniqueArray(rec, { selector: (r) => r.id, maxLength: 40 }),
      tombstones: fc.uniqueArray(fc.record({ id, deletedAt: time }), { selector: (t) => t.id, maxLength: 20 }),
    });
    await fc.assert(
      fc.asyncProperty(payload, fc.constantFrom('deflate-raw' as const, 'none' as const), async (p, encoding) => {
        const { encoded, decoded } = await roundTrip(p, { now: T, encoding, budgetBytes: 1_000_000 });
        expect(encoded.complete).toBe(true);
        expect(decoded.state).toBe('ok');
        if (decoded.state !== 'ok') return;
        expect(decoded.dropped).toBe(0);
        expect(byId(decoded.payload)).toEqual(byId(p));
      }),
      { numRuns: 60 },
    );
  });

  it('cuts the data into items under the per-item quota, with a manifest', async () => {
    const records = Array.from({ length: 300 }, (_, i) =>
      record(i, { note: prose(i, 400), tags: ['survey', `t${i % 9}`] }),
    );
    const { encoded, decoded } = await roundTrip({ records, tombstones: [] });
    const meta = encoded.items[META_KEY] as SyncMeta;
    expect(meta).toMatchObject({ version: 1, enc: 'deflate-raw', truncated: { kept: 300, total: 300 } });
    expect(meta.chunks).toBeGreaterThan(2);
    expect(Object.keys(encoded.items).sort()).toEqual(
      [META_KEY, ...Array.from({ length: meta.chunks }, (_, i) => chunkKey(i))].sort(),
    );
    for (const [key, value] of Object.entries(encoded.items)) {
      expect(itemBytes(key, value)).toBeLessThan(QUOTA_BYTES_PER_ITEM - 200);
    }
    expect(decoded.state).toBe('ok');
  });

  it('when the list does not fit, keeps the most recent changes and says how many papers', async () => {
    // Paper 0 is the newest save; paper 250 was saved long ago but its note was edited just now.
    const records = Array.from({ length: 300 }, (_, i) => record(i, { note: prose(i, 600) }));
    records[250] = { ...records[250]!, updatedAt: T + 1, edited: { ...records[250]!.edited, note: T + 1 } };
    const { encoded, decoded } = await roundTrip({ records, tombstones: [] }, { now: T, budgetBytes: 20_000 });
    expect(encoded.bytes).toBeLessThanOrEqual(20_000);
    expect(encoded).toMatchObject({ complete: false, total: 300 });
    expect(encoded.syncedCount).toBeGreaterThan(20);
    expect(encoded.syncedCount).toBeLessThan(300);
    expect((encoded.items[META_KEY] as SyncMeta).truncated).toEqual({ kept: encoded.syncedCount, total: 300 });
    if (decoded.state !== 'ok') throw new Error(decoded.state);
    const kept = new Set(decoded.payload.records.map((r) => r.id));
    expect(kept.has(records[250]!.id)).toBe(true);
    const expected = records.slice(0, encoded.syncedCount - 1).map((r) => r.id);
    expect(expected.every((id) => kept.has(id))).toBe(true);
  });

  it('falls back to uncompressed data that still reads back', async () => {
    const records = [record(1, { note: 'ünïcode ✓' })];
    const { encoded, decoded } = await roundTrip({ records, tombstones: [] }, { now: T, encoding: 'none' });
    expect((encoded.items[META_KEY] as SyncMeta).enc).toBe('none');
    expect(decoded).toMatchObject({ state: 'ok', payload: { records } });
  });
});

describe('decoding what is in the sync area', () => {
  const good = () =>
    encodeList(
      { records: Array.from({ length: 120 }, (_, i) => record(i, { note: prose(i, 500) })), tombstones: [] },
      { now: T },
    );

  it('finds nothing in an empty area', async () => {
    expect(await decodeList({}, T)).toEqual({ state: 'empty' });
  });

  it.each([
    ['a garbage manifest', (items: Record<string, unknown>) => ({ ...items, [META_KEY]: 'hello' })],
    ['bad base64', (items: Record<string, unknown>) => ({ ...items, [chunkKey(0)]: '%%%not base64%%%' })],
    ['a chunk that is not text', (items: Record<string, unknown>) => ({ ...items, [chunkKey(1)]: 42 })],
    ['a missing chunk', (items: Record<string, unknown>) => ({ ...items, [chunkKey(1)]: undefined })],
    [
      'a wrong hash',
      (items: Record<string, unknown>) => ({ ...items, [META_KEY]: { ...(items[META_KEY] as SyncMeta), hash: 'x' } }),
    ],
  ])('reports %s as unreadable', async (_, spoil) => {
    const encoded = await good();
    expect((encoded.items[META_KEY] as SyncMeta).chunks).toBeGreaterThan(1);
    expect((await decodeList(spoil(encoded.items), T)).state).toBe('unreadable');
  });

  it('reports chunks from two different writes as unreadable', async () => {
    const one = await good();
    const two = await encodeList(
      { records: Array.from({ length: 120 }, (_, i) => record(i, { note: prose(i + 7, 500) })), tombstones: [] },
      { now: T },
    );
    const mixed = { ...one.items, [chunkKey(1)]: two.items[chunkKey(1)] };
    expect(await decodeList(mixed, T)).toMatchObject({
      state: 'unreadable',
      reason: expect.stringMatching(/different writes|corrupt/),
    });
  });

  it('reports data that is not JSON, or JSON of another shape, as unreadable', async () => {
    for (const text of ['{"p": [', '[1,2,3]']) {
      const meta: SyncMeta = {
        version: 1,
        enc: 'none',
        chunks: 1,
        hash: contentHash(text),
        updatedAt: T,
        truncated: { kept: 0, total: 0 },
      };
      const items = { [META_KEY]: meta, [chunkKey(0)]: toBase64(new TextEncoder().encode(text)) };
      expect((await decodeList(items, T)).state).toBe('unreadable');
    }
  });

  it('leaves data written by a newer version alone', async () => {
    const encoded = await good();
    const items = { ...encoded.items, [META_KEY]: { ...(encoded.items[META_KEY] as SyncMeta), version: 2 } };
    expect(await decodeList(items, T)).toEqual({ state: 'newer', version: 2 });
  });

  it('drops a malformed record or tombstone alone, and keeps every deletion as stamped (ahead or old)', async () => {
    const text = JSON.stringify({
      p: [
        ['2511.00001', T, 1, ['a'], 'ok', 0, 0, 0, 0, 'Fine'],
        ['not an id', T, 1, [], '', 0, 0, 0, 0, 'Bad id'],
        ['2511.00002', T, 7, [], '', 0, 0, 0, 0, 'Bad status'],
        ['2511.00003', T, 0, [], '', 0, 0, 0, 0],
      ],
      d: [
        ['2511.00009', T - DAY],
        ['2511.00008', T + 30 * DAY],
        ['2511.00007', T - TOMBSTONE_TTL_MS - 1],
        ['2511.00006', 'yesterday'],
      ],
    });
    const meta: SyncMeta = {
      version: 1,
      enc: 'none',
      chunks: 1,
      hash: contentHash(text),
      updatedAt: T,
      truncated: { kept: 1, total: 1 },
    };
    const decoded = await decodeList({ [META_KEY]: meta, [chunkKey(0)]: toBase64(new TextEncoder().encode(text)) }, T);
    expect(decoded).toMatchObject({
      state: 'ok',
      dropped: 4,
      payload: {
        records: [{ id: '2511.00001', status: 'reading', tags: ['a'], note: 'ok', title: 'Fine' }],
        // Judged once, as stamped: a clock ahead made the second; the merge decides on the third
        // (a device expires deletions only when it writes its own).
        tombstones: [
          { id: '2511.00009', deletedAt: T - DAY },
          { id: '2511.00008', deletedAt: T + 30 * DAY },
          { id: '2511.00007', deletedAt: T - TOMBSTONE_TTL_MS - 1 },
        ],
      },
    });
  });

  it('refuses base64 with stray characters', () => {
    expect(() => fromBase64('YWJj\nZA==')).toThrow();
    expect([...fromBase64('YWJjZA==')]).toEqual([97, 98, 99, 100]);
  });
});
