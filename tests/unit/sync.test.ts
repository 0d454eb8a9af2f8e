/**
 * Two browser profiles (two databases, two local storage areas) sharing one simulated
 * `storage.sync` area that enforces Chrome's quotas and fails the way Chrome does.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import type { Paper } from '@/lib/core/paper';
import { restoreSaved, savePaper, setNote, setStatus, setTags, unsavePaper } from '@/lib/reading-list/list';
import type { SavedPaper } from '@/lib/core/saved';
import { completeIncomplete } from '@/lib/hf/save-paper';
import { toBase64 } from '@/lib/sync/bytes';
import { chunkKey, decodeList, META_KEY, type SyncMeta } from '@/lib/sync/codec';
import { SYNC_SETTINGS_KEY, syncSettings, type SyncedSettings } from '@/lib/sync/settings';
import { syncNow, type SyncOptions } from '@/lib/sync/sync';
import { readSyncStatus, syncSummary } from '@/lib/sync/status';
import { clearTombstones, readTombstones, recordTombstones, type StorageAreaLike } from '@/lib/store/tombstones';
import { makeDay } from '../fixtures/papers';
import { FakeHf } from '../support/fake-hf';

const DAY = '2026-11-24';
const T0 = Date.parse('2026-11-24T09:00:00Z');
const MIN = 60_000;
const bytes = (s: string) => new TextEncoder().encode(s).length;

/** `storage.sync` as Chrome runs it: JSON values, atomic writes, quotas checked before anything changes. */
class FakeSyncArea implements StorageAreaLike {
  private data = new Map<string, string>();
  ops: { op: 'get' | 'set' | 'remove'; keys: string[] }[] = [];
  /** Bytes someone else writes between our read and our write (not visible to `get`). */
  hiddenBytes = 0;
  /** Chrome's write-rate quota (120 a minute, 1,800 an hour), hit. */
  rateLimited = false;

  constructor(private readonly quotas = true) {}

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys == null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    this.ops.push({ op: 'get', keys: wanted });
    return Object.fromEntries(wanted.filter((k) => this.data.has(k)).map((k) => [k, JSON.parse(this.data.get(k)!)]));
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.ops.push({ op: 'set', keys: Object.keys(items) });
    if (this.quotas && this.rateLimited) throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    const next = new Map(this.data);
    for (const [key, value] of Object.entries(items)) {
      const json = JSON.stringify(value);
      if (this.quotas && bytes(key) + bytes(json) > 8192) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      next.set(key, json);
    }
    if (this.quotas && next.size > 512) throw new Error('MAX_ITEMS quota exceeded');
    if (this.quotas && FakeSyncArea.total(next) + this.hiddenBytes > 102_400)
      throw new Error('QUOTA_BYTES quota exceeded');
    this.data = next;
  }

  async remove(keys: string | string[]): Promise<void> {
    const list = typeof keys === 'string' ? [keys] : keys;
    this.ops.push({ op: 'remove', keys: list });
    for (const k of list) this.data.delete(k);
  }

  /** Writes around the quotas and the op log: another device, or a broken one. */
  poke(key: string, value: unknown) {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.stringify(value));
  }

  raw(): Record<string, unknown> {
    return Object.fromEntries([...this.data].map(([k, v]) => [k, JSON.parse(v)]));
  }

  writes(): number {
    return this.ops.filter((o) => o.op !== 'get').length;
  }

  bytesInUse(): number {
    return FakeSyncArea.total(this.data);
  }

  private static total(map: Map<string, string>): number {
    let sum = 0;
    for (const [k, v] of map) sum += bytes(k) + bytes(v);
    return sum;
  }
}

interface Profile {
  db: PapertabDB;
  local: FakeSyncArea;
}

let area: FakeSyncArea;
let profiles: Profile[];
let a: Profile;
let b: Profile;
let papers: Paper[];
let n = 0;

function profile(): Profile {
  const p = { db: createDb(`sync-profile-${n++}`), local: new FakeSyncArea(false) };
  profiles.push(p);
  return p;
}

beforeEach(() => {
  area = new FakeSyncArea();
  profiles = [];
  a = profile();
  b = profile();
  papers = parseDailyItems(makeDay(DAY, 5), DAY, T0).items;
});
afterEach(() => profiles.forEach((p) => p.db.close()));

const sync = (p: Profile, now: number, opts?: SyncOptions) => syncNow(p.db, area, p.local, now, opts);
const get = (p: Profile, id: string) => p.db.saved.get(id);
const all = async (p: Profile) => (await p.db.saved.toArray()).sort((x, y) => x.id.localeCompare(y.id));
/** The reading-list fields two devices must agree on (the paper copies differ until fetched). */
const fields = async (p: Profile) =>
  (await all(p)).map(({ id, savedAt, status, tags, note, edited }) => ({ id, savedAt, status, tags, note, edited }));

/** Deletes the way the reading list will once wired: remove, then remember the deletion for sync. */
async function remove(p: Profile, id: string, now: number) {
  await unsavePaper(p.db, id);
  await recordTombstones([id], now, p.local);
}

describe('two profiles syncing the reading list', () => {
  it('a paper saved on A arrives on B with its title, incomplete, and is completed from Hugging Face', async () => {
    const p = papers[0]!;
    await savePaper(a.db, p, T0);
    await setTags(a.db, p.id, ['survey'], T0 + 1);
    expect(await sync(a, T0 + MIN)).toMatchObject({ ok: true, wrote: true, syncedCount: 1, total: 1, complete: true });

    expect(await sync(b, T0 + 2 * MIN)).toMatchObject({ ok: true, added: 1, wrote: false, syncedCount: 1 });
    const arrived = await get(b, p.id);
    expect(arrived).toMatchObject({ incomplete: true, tags: ['survey'], status: 'to-read', savedAt: T0 });
    expect(arrived!.paper.title).toBe([...p.title].slice(0, 80).join(''));
    expect(arrived!.paper.summary).toBe('');

    const hf = new FakeHf();
    hf.papers.set(p.id, makeDay(DAY, 5)[0]!.paper);
    expect(await completeIncomplete({ db: b.db, fetch: hf.fetch, now: () => T0 + 3 * MIN })).toBe(1);
    expect(hf.requests).toEqual([`https://huggingface.co/api/papers/${p.id}`]);
    const done = await get(b, p.id);
    expect(done!.incomplete).toBeUndefined();
    expect(done!.paper).toMatchObject({ title: p.title, summary: p.summary, authors: p.authors });
    expect(done).toMatchObject({ tags: ['survey'], savedAt: T0 });

    // Completing changed nothing that syncs: no write on either side.
    const writes = area.writes();
    await sync(b, T0 + 4 * MIN);
    await sync(a, T0 + 5 * MIN);
    expect(area.writes()).toBe(writes);
  });

  it('keeps a status edited on B and a note edited earlier on A, on both', async () => {
    const id = papers[0]!.id;
    await savePaper(a.db, papers[0]!, T0);
    await sync(a, T0 + 1);
    await sync(b, T0 + 2);
    await setNote(a.db, id, 'Section 3 is the key.', T0 + 10 * MIN);
    await setStatus(b.db, [id], 'reading', T0 + 20 * MIN);

    await sync(a, T0 + 30 * MIN);
    await sync(b, T0 + 31 * MIN);
    await sync(a, T0 + 32 * MIN);
    for (const p of [a, b]) {
      expect(await get(p, id)).toMatchObject({ status: 'reading', note: 'Section 3 is the key.' });
    }
    expect(await fields(a)).toEqual(await fields(b));
  });

  it('lets the newer of two edits of the same field win on both, whichever syncs first', async () => {
    const id = papers[0]!.id;
    await savePaper(a.db, papers[0]!, T0);
    await sync(a, T0 + 1);
    await sync(b, T0 + 2);
    await setNote(b.db, id, 'older, from B', T0 + 5 * MIN);
    await setNote(a.db, id, 'newer, from A', T0 + 6 * MIN);

    await sync(b, T0 + 10 * MIN); // the older edit reaches the sync area first
    await sync(a, T0 + 11 * MIN);
    await sync(b, T0 + 12 * MIN);
    expect((await get(a, id))!.note).toBe('newer, from A');
    expect((await get(b, id))!.note).toBe('newer, from A');
  });

  it('removes on B a paper deleted on A, and stops writing once both agree', async () => {
    await savePaper(a.db, papers[0]!, T0);
    await savePaper(a.db, papers[1]!, T0);
    await sync(a, T0 + 1);
    await sync(b, T0 + 2);
    await remove(a, papers[0]!.id, T0 + MIN);

    expect(await sync(a, T0 + 2 * MIN)).toMatchObject({ wrote: true, total: 1 });
    expect(await sync(b, T0 + 3 * MIN)).toMatchObject({ deleted: 1, total: 1, wrote: false });
    expect(await get(b, papers[0]!.id)).toBeUndefined();
    expect(await get(b, papers[1]!.id)).toBeDefined();
    expect(await readTombstones(b.local)).toEqual([{ id: papers[0]!.id, deletedAt: T0 + MIN }]);

    const writes = area.writes();
    await sync(a, T0 + 4 * MIN);
    await sync(b, T0 + 5 * MIN);
    expect(area.writes()).toBe(writes);
  });

  it('keeps a paper saved again on B after A deleted it, on both', async () => {
    const id = papers[0]!.id;
    await savePaper(a.db, papers[0]!, T0);
    await sync(a, T0 + 1);
    await sync(b, T0 + 2);
    await remove(a, id, T0 + MIN);
    await sync(a, T0 + 2 * MIN);
    await sync(b, T0 + 3 * MIN);
    expect(await get(b, id)).toBeUndefined();

    await savePaper(b.db, papers[0]!, T0 + 10 * MIN);
    await sync(b, T0 + 11 * MIN);
    await sync(a, T0 + 12 * MIN);
    expect(await get(a, id)).toMatchObject({ savedAt: T0 + 10 * MIN, incomplete: true });
    expect(await get(b, id)).toBeDefined();
    expect(await readTombstones(a.local)).toEqual([]);
    expect(await readTombstones(b.local)).toEqual([]);
  });

  it('keeps a paper edited on B after A deleted it, before B heard of the deletion', async () => {
    const id = papers[0]!.id;
    await savePaper(a.db, papers[0]!, T0);
    await sync(a, T0 + 1);
    await sync(b, T0 + 2);
    await remove(a, id, T0 + MIN);
    await setStatus(b.db, [id], 'read', T0 + 2 * MIN);
    await sync(a, T0 + 3 * MIN);
    await sync(b, T0 + 4 * MIN);
    await sync(a, T0 + 5 * MIN);
    expect(await get(a, id)).toMatchObject({ status: 'read' });
    expect(await get(b, id)).toMatchObject({ status: 'read' });
  });

  it('keeps a paper put back with Undo after its deletion had synced (when Undo stamps updatedAt)', async () => {
    const id = papers[0]!.id;
    await savePaper(a.db, papers[0]!, T0);
    await sync(a, T0 + 1);
    await sync(b, T0 + 2);
    const removed = (await unsavePaper(a.db, id))!;
    await recordTombstones([id], T0 + MIN, a.local);
    await sync(a, T0 + 2 * MIN);
    await sync(b, T0 + 3 * MIN);
    expect(await get(b, id)).toBeUndefined();

    await restoreSaved(a.db, { ...removed, updatedAt: T0 + 4 * MIN });
    await clearTombstones([id], T0 + 4 * MIN, a.local);
    await sync(a, T0 + 5 * MIN);
    await sync(b, T0 + 6 * MIN);
    expect(await get(a, id)).toBeDefined();
    expect(await get(b, id)).toBeDefined();
  });

  /**
   * A limit, not a pace, for the two tests that compress and merge thousands of records: about 10 s
   * each on an idle 2-core machine, and the 30 s default ran out beside two CPU-bound processes.
   */
  const HEAVY = 120_000;

  it(
    'syncs what fits of 2,000 papers with long notes: the most recent, and loses nothing locally',
    async () => {
      const settings: SyncedSettings = {
        values: { theme: 'dark', keywords: 'x'.repeat(1500) },
        edited: { theme: T0, keywords: T0 },
      };
      await syncSettings(settings, area);
      // B has papers of its own, saved before any of A's: absent from the synced list, never deleted.
      const own = papers.slice(0, 3);
      for (const p of own) await savePaper(b.db, p, T0 - 400 * 86_400_000);
      await a.db.saved.bulkPut(Array.from({ length: 2000 }, (_, i) => bigRecord(i)));

      const status = await sync(a, T0);
      expect(status).toMatchObject({ ok: true, complete: false, total: 2000, wrote: true });
      expect(status.syncedCount).toBeGreaterThan(100);
      expect(status.syncedCount).toBeLessThan(2000);
      expect(syncSummary(status)).toBe(
        `The reading list is too large to sync whole: the ${status.syncedCount} most recently saved or edited of 2000 papers are synced. The rest stay on this device.`,
      );
      expect(await readSyncStatus(a.local)).toEqual(status);
      expect(area.bytesInUse()).toBeLessThanOrEqual(102_400);
      expect(area.raw()[SYNC_SETTINGS_KEY]).toBeDefined();
      expect(await a.db.saved.count()).toBe(2000);

      await sync(b, T0 + 1);
      const onB = new Set((await all(b)).map((s) => s.id));
      expect(onB.size).toBe(status.syncedCount + own.length);
      for (let i = 0; i < status.syncedCount; i++) expect(onB.has(bigRecord(i).id)).toBe(true);
      for (const p of own) expect(onB.has(p.id)).toBe(true);

      // An old paper edited now becomes one of the most recent: it travels.
      const old = bigRecord(1999).id;
      await setNote(a.db, old, 'Revisited today.', T0 + MIN);
      await sync(a, T0 + 2 * MIN);
      await sync(b, T0 + 3 * MIN);
      expect(await get(b, old)).toMatchObject({ note: 'Revisited today.' });
      expect(await a.db.saved.count()).toBe(2000);
    },
    HEAVY,
  );

  it(
    'makes room when the sync area is shared with other data, and shrinks when a write hits the quota',
    async () => {
      for (let i = 0; i < 8; i++) area.poke(`other:${i}`, 'o'.repeat(7000));
      await a.db.saved.bulkPut(Array.from({ length: 600 }, (_, i) => bigRecord(i)));
      const first = await sync(a, T0);
      expect(first).toMatchObject({ ok: true, complete: false });

      area.hiddenBytes = 15_000; // another writer fills part of the room between our read and write
      await setNote(a.db, bigRecord(0).id, 'changed', T0 + MIN);
      const second = await sync(a, T0 + 2 * MIN);
      expect(second).toMatchObject({ ok: true, wrote: true });
      expect(second.syncedCount).toBeLessThan(first.syncedCount);
      expect(area.ops.filter((o) => o.op === 'set').length).toBeGreaterThan(2);
      const decoded = await decodeList(area.raw(), T0 + 2 * MIN);
      expect(decoded.state).toBe('ok');
    },
    HEAVY,
  );

  it('clears the tail of an earlier, longer write when it stands in the way, without cutting the list', async () => {
    await savePaper(a.db, papers[0]!, T0);
    await sync(a, T0 + 1);
    for (let i = 1; i < 12; i++) area.poke(chunkKey(i), 'A'.repeat(7900)); // what a 12-chunk write left
    for (let i = 0; i < 2; i++) area.poke(`other:${i}`, 'o'.repeat(7800));
    await setNote(a.db, papers[0]!.id, 'changed', T0 + MIN);
    area.ops = [];
    expect(await sync(a, T0 + 2 * MIN)).toMatchObject({ ok: true, wrote: true, complete: true, syncedCount: 1 });
    expect(area.ops.filter((o) => o.op !== 'get').map((o) => o.op)).toEqual(['set', 'remove', 'set']);
    expect(Object.keys(area.raw()).sort()).toEqual(['other:0', 'other:1', chunkKey(0), META_KEY]);
  });

  it('reports the write-rate quota, keeping what it merged here', async () => {
    await savePaper(a.db, papers[0]!, T0);
    await sync(a, T0 + 1);
    await savePaper(b.db, papers[1]!, T0);
    area.rateLimited = true;
    const status = await sync(b, T0 + 2);
    expect(status).toMatchObject({ ok: false, added: 1, wrote: false });
    expect(status.error).toMatch(/too many changes/);
    expect(syncSummary(status)).toMatch(/^Sync failed/);
    expect(await get(b, papers[0]!.id)).toBeDefined();
    area.rateLimited = false;
    expect(await sync(b, T0 + 3)).toMatchObject({ ok: true, wrote: true, syncedCount: 2 });
  });

  it('writes nothing, and reads nothing, when sync is off', async () => {
    await savePaper(a.db, papers[0]!, T0);
    await area.set({ [SYNC_SETTINGS_KEY]: { values: { theme: 'dark' }, edited: { theme: T0 } } });
    area.ops = [];
    const status = await sync(a, T0 + 1, { enabled: false });
    expect(status).toMatchObject({ ok: true, enabled: false, wrote: false });
    expect(syncSummary(status)).toMatch(/Sync is off/);
    const settings = await syncSettings({ values: { theme: 'light' }, edited: { theme: T0 + 1 } }, area, {
      enabled: false,
    });
    expect(settings).toMatchObject({ changed: false, wrote: false, settings: { values: { theme: 'light' } } });
    expect(area.ops).toEqual([]);
  });
});

describe('garbage in the sync area', () => {
  async function seedB(): Promise<SavedPaper[]> {
    await savePaper(b.db, papers[0]!, T0);
    await setNote(b.db, papers[0]!.id, 'mine', T0 + 1);
    await savePaper(b.db, papers[1]!, T0);
    return all(b);
  }
  const garbageMeta = (over: Partial<SyncMeta>): SyncMeta => ({
    version: 1,
    enc: 'deflate-raw',
    chunks: 1,
    hash: 'abc',
    updatedAt: T0,
    truncated: { kept: 1, total: 1 },
    ...over,
  });

  it.each<[string, Record<string, unknown>]>([
    ['a manifest that is not an object', { [META_KEY]: 'garbage' }],
    ['bad base64', { [META_KEY]: garbageMeta({}), [chunkKey(0)]: '@@@ not base64 @@@' }],
    [
      'bad JSON',
      { [META_KEY]: garbageMeta({ enc: 'none' }), [chunkKey(0)]: toBase64(new TextEncoder().encode('{"p": [')) },
    ],
    [
      'a wrong hash',
      {
        [META_KEY]: garbageMeta({ enc: 'none' }),
        [chunkKey(0)]: toBase64(new TextEncoder().encode('{"p":[],"d":[]}')),
      },
    ],
    ['missing chunks', { [META_KEY]: garbageMeta({ chunks: 3 }), [chunkKey(0)]: 'AAAA' }],
  ])('leaves local data untouched and reports %s, then replaces it', async (_, items) => {
    const before = await seedB();
    for (const [k, v] of Object.entries(items)) area.poke(k, v);
    const status = await sync(b, T0 + MIN);
    expect(status).toMatchObject({ ok: true, added: 0, updated: 0, deleted: 0, wrote: true });
    expect(status.warning).toMatch(/could not be read/);
    expect(syncSummary(status)).toMatch(/could not be read/);
    expect(await all(b)).toEqual(before);
    expect(await decodeList(area.raw(), T0 + MIN)).toMatchObject({ state: 'ok', payload: { records: [{}, {}] } });
  });

  it('treats chunks from two different writes as no data, and recovers on the next syncs', async () => {
    await a.db.saved.bulkPut(Array.from({ length: 150 }, (_, i) => bigRecord(i)));
    await sync(a, T0);
    const stale = area.raw()[chunkKey(1)];
    expect(stale).toBeDefined();
    await setNote(a.db, bigRecord(0).id, 'edited', T0 + MIN);
    await sync(a, T0 + 2 * MIN);
    area.poke(chunkKey(1), stale); // the second write arrived only in part

    const before = await seedB();
    const status = await sync(b, T0 + 3 * MIN);
    expect(status.warning).toMatch(/could not be read/);
    expect(await all(b)).toEqual(before);

    await sync(a, T0 + 4 * MIN);
    await sync(b, T0 + 5 * MIN);
    expect(await b.db.saved.count()).toBe(152);
    expect(await get(b, bigRecord(0).id)).toMatchObject({ note: 'edited' });
    expect(await a.db.saved.count()).toBe(152);
  });

  it('does not overwrite, nor apply, data from a newer version', async () => {
    const before = await seedB();
    area.poke(META_KEY, garbageMeta({ version: 9 }));
    area.ops = [];
    const status = await sync(b, T0 + MIN);
    expect(status).toMatchObject({ ok: false, wrote: false });
    expect(status.error).toMatch(/newer Papertab/);
    expect(area.writes()).toBe(0);
    expect(await all(b)).toEqual(before);
  });

  it('skips a malformed record alone; a removal from a clock a year ahead applies, and says the clock is off', async () => {
    const before = await seedB();
    const text = JSON.stringify({
      p: [
        [papers[2]!.id, T0, 2, ['x'], 'from afar', 0, 0, 0, 0, 'Another paper'],
        ['../../etc/passwd', T0, 0, [], '', 0, 0, 0, 0, 'bad'],
      ],
      d: [[papers[0]!.id, T0 + 365 * 86_400_000]],
    });
    const { contentHash } = await import('@/lib/sync/bytes');
    area.poke(META_KEY, garbageMeta({ enc: 'none', hash: contentHash(text) }));
    area.poke(chunkKey(0), toBase64(new TextEncoder().encode(text)));
    const status = await sync(b, T0 + MIN);
    expect(status).toMatchObject({ ok: true, added: 1, deleted: 1 });
    expect(status.warning).toMatch(/1 malformed entry was skipped/);
    expect(status.warning).toMatch(/dated 365 days ahead of this device's clock/);
    expect(await all(b)).toEqual(expect.arrayContaining(before.filter((r) => r.id !== papers[0]!.id)));
    expect(await get(b, papers[2]!.id)).toMatchObject({ status: 'read', note: 'from afar', incomplete: true });
  });
});

describe('settings sync', () => {
  it('keeps the later change of each key, on both profiles', async () => {
    const onA: SyncedSettings = { values: { theme: 'dark', density: 'cozy' }, edited: { theme: T0 + 10, density: T0 } };
    const onB: SyncedSettings = {
      values: { theme: 'light', density: 'compact' },
      edited: { theme: T0 + 5, density: T0 + 20 },
    };
    expect(await syncSettings(onA, area)).toMatchObject({ changed: false, wrote: true });
    const b1 = await syncSettings(onB, area);
    expect(b1).toMatchObject({
      changed: true,
      wrote: true,
      settings: { values: { theme: 'dark', density: 'compact' } },
    });
    const a1 = await syncSettings(onA, area);
    expect(a1).toMatchObject({ changed: true, wrote: false });
    expect(a1.settings).toEqual(b1.settings);
    area.ops = [];
    await syncSettings(a1.settings, area);
    expect(area.writes()).toBe(0);
  });

  it('refuses values the settings module rejects, without erasing them for the devices that know them', async () => {
    await area.set({
      [SYNC_SETTINGS_KEY]: { values: { theme: 'neon', future: 1 }, edited: { theme: T0 + 9, future: T0 } },
    });
    const accept = (key: string, value: unknown) => key === 'theme' && (value === 'dark' || value === 'light');
    const r = await syncSettings({ values: { theme: 'light' }, edited: { theme: T0 } }, area, { accept });
    expect(r).toMatchObject({ changed: false, settings: { values: { theme: 'light' } } });
    expect(r.warning).toMatch(/2 synced settings were not valid here/);
    expect(area.raw()[SYNC_SETTINGS_KEY]).toEqual({
      values: { future: 1, theme: 'neon' },
      edited: { future: T0, theme: T0 + 9 },
    });
  });

  it('leaves the largest values on this device when the settings outgrow one sync item', async () => {
    const keywords = Array.from({ length: 200 }, (_, i) => `keyword number ${i} ${'x'.repeat(40)}`);
    const local: SyncedSettings = {
      values: { theme: 'dark', watchKeywords: keywords },
      edited: { theme: T0, watchKeywords: T0 },
    };
    const r = await syncSettings(local, area);
    expect(r).toMatchObject({ wrote: true, settings: local });
    expect(r.warning).toBe('Too large to sync, kept on this device only: watchKeywords.');
    expect(area.raw()[SYNC_SETTINGS_KEY]).toEqual({ values: { theme: 'dark' }, edited: { theme: T0 } });
    area.ops = [];
    await syncSettings(local, area);
    expect(area.writes()).toBe(0);
  });

  it('replaces unreadable synced settings', async () => {
    area.poke(SYNC_SETTINGS_KEY, [1, 2, 3]);
    const r = await syncSettings({ values: { theme: 'dark' }, edited: { theme: T0 } }, area);
    expect(r).toMatchObject({ wrote: true, changed: false });
    expect(r.warning).toMatch(/could not be read/);
    expect(area.raw()[SYNC_SETTINGS_KEY]).toEqual({ values: { theme: 'dark' }, edited: { theme: T0 } });
  });
});

describe('tombstones', () => {
  it('are recorded, forgotten when the paper comes back, and expire after 60 days', async () => {
    const local = new FakeSyncArea(false);
    await recordTombstones(['2511.00001'], T0 - 61 * 86_400_000, local);
    await recordTombstones(['2511.00002', '2511.00003'], T0, local);
    expect(await readTombstones(local)).toEqual([
      { id: '2511.00002', deletedAt: T0 },
      { id: '2511.00003', deletedAt: T0 },
    ]);
    await clearTombstones(['2511.00002'], T0, local);
    expect(await readTombstones(local)).toEqual([{ id: '2511.00003', deletedAt: T0 }]);
  });
});

/** A saved paper with a long note, saved `i` minutes before T0 (0 is the newest). */
function bigRecord(i: number): SavedPaper {
  const id = `2510.${String(i).padStart(5, '0')}`;
  const at = T0 - (i + 1) * MIN;
  let note = '';
  let x = i + 1;
  while (note.length < 700) {
    x = (x * 1103515245 + 12345) % 2147483648;
    note += `${WORDS[(x >>> 8) % WORDS.length]}${x % 11 === 0 ? '. ' : x % 17 === 0 ? `, ${x % 1000} ` : ' '}`;
  }
  return {
    id,
    paper: {
      id,
      title: `Paper ${i}: a study of sparse attention in very large language models and their training data`,
      summary: 'An abstract that does not sync.',
      authors: ['Ada Lovelace'],
      day: DAY,
      upvotes: i,
      numComments: 0,
      aiKeywords: [],
      fetchedAt: at,
    },
    savedAt: at,
    updatedAt: at,
    status: (['to-read', 'reading', 'read'] as const)[i % 3]!,
    tags: i % 4 ? ['llm', `topic-${i % 17}`] : [],
    note: note.trim(),
    edited: { status: at, tags: at, note: at },
  };
}

/** Notes drawn from these read like prose to deflate (about 3:1), not like one repeated phrase. */
const WORDS = (
  'the of and to in is we that for this with on are as by our model models data training results show ' +
  'attention sparse tokens layer layers scaling law loss language vision large small method methods ' +
  'approach baseline baselines table figure section appendix benchmark benchmarks accuracy performance ' +
  'compute memory efficient efficiency inference latency throughput parameters pretraining finetuning ' +
  'reinforcement learning reward policy agent agents reasoning chain thought retrieval augmented context ' +
  'window long short diffusion image video audio speech text code math proof theorem lemma experiment ' +
  'experiments ablation ablations dataset datasets evaluation human preference alignment safety robust ' +
  'robustness transfer zero few shot prompt prompts instruction tuning mixture experts routing quantization ' +
  'distillation teacher student gradient optimizer schedule warmup batch size epoch step steps interesting ' +
  'unclear why compare with check later reread related work follow up idea ideas limitation limitations'
).split(' ');
