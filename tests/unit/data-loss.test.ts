/**
 * Data loss through edit times: a backup restored after a delete, times from a clock that ran
 * ahead, a clock put back. Two devices share one sync area (the fake browser's `storage.sync`);
 * device A is this browser (its reading list writes its deletions to `storage.local`), device B
 * another one with its own local area.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { toBackup } from '@/lib/reading-list/backup';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { importText } from '@/lib/reading-list/import';
import type { Paper } from '@/lib/core/paper';
import { removeMany, restoreMany, savePaper, setNote, setStatus, setTags, unsavePaper } from '@/lib/reading-list/list';
import { type SavedPaper } from '@/lib/core/saved';
import { applySyncedSettings, loadStored, updateSettings } from '@/lib/core/settings';
import { CLOCK_SKEW_MS, clampTime, laterEditWins, nextStamp } from '@/lib/core/stamps';
import { SYNC_SETTINGS_KEY, syncSettings } from '@/lib/sync/settings';
import { syncNow } from '@/lib/sync/sync';
import { readTombstones, type StorageAreaLike } from '@/lib/sync/tombstones';
import { makeDay } from '../fixtures/papers';

const DAY = '2026-11-24';
const T0 = Date.parse('2026-11-24T09:00:00Z');
const MIN = 60_000;
/** A time from a clock that ran far ahead (or a hand-edited file). */
const FAR = Date.parse('2099-01-01T00:00:00Z');

class MemoryArea implements StorageAreaLike {
  private data = new Map<string, string>();
  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys == null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(wanted.filter((k) => this.data.has(k)).map((k) => [k, JSON.parse(this.data.get(k)!)]));
  }
  async set(items: Record<string, unknown>): Promise<void> {
    for (const [k, v] of Object.entries(items)) this.data.set(k, JSON.stringify(v));
  }
  async remove(keys: string | string[]): Promise<void> {
    for (const k of typeof keys === 'string' ? [keys] : keys) this.data.delete(k);
  }
}

interface Device {
  db: PapertabDB;
  local: StorageAreaLike;
}

let a: Device;
let b: Device;
let papers: Paper[];
let n = 0;

beforeEach(() => {
  a = { db: createDb(`data-loss-${n++}`), local: fakeBrowser.storage.local };
  b = { db: createDb(`data-loss-${n++}`), local: new MemoryArea() };
  papers = parseDailyItems(makeDay(DAY, 5), DAY, T0).items;
});
afterEach(() => [a, b].forEach((d) => d.db.close()));

const sync = (d: Device, now: number) => syncNow(d.db, fakeBrowser.storage.sync, d.local, now);
const ids = async (d: Device) => (await d.db.saved.toArray()).map((s) => s.id).sort();
const get = (d: Device, id: string) => d.db.saved.get(id);

describe('a paper brought back wins over its earlier deletion, on every device', () => {
  it('a backup imported after its papers were removed and the removal synced survives the next syncs', async () => {
    const three = papers.slice(0, 3);
    for (const p of three) await savePaper(a.db, p, T0);
    await setNote(a.db, three[0]!.id, 'Section 3 is the key.', T0 + 1);
    await setTags(a.db, three[1]!.id, ['survey'], T0 + 2);
    await sync(a, T0 + MIN);
    await sync(b, T0 + 2 * MIN);
    expect(await ids(b)).toHaveLength(3);
    const backup = toBackup(await a.db.saved.toArray(), T0 + 3 * MIN);

    await removeMany(
      a.db,
      three.map((p) => p.id),
      T0 + 4 * MIN,
    );
    await sync(a, T0 + 5 * MIN);
    await sync(b, T0 + 6 * MIN);
    expect(await ids(b)).toEqual([]);

    const r = await importText(a.db, backup, T0 + 7 * MIN);
    expect(r).toMatchObject({ ok: true, message: expect.stringContaining('3 new') });
    await sync(a, T0 + 8 * MIN);
    await sync(b, T0 + 9 * MIN);
    await sync(a, T0 + 10 * MIN);
    const want = three.map((p) => p.id).sort();
    expect(await ids(a)).toEqual(want);
    expect(await ids(b)).toEqual(want);
    for (const d of [a, b]) {
      expect(await get(d, three[0]!.id)).toMatchObject({ note: 'Section 3 is the key.' });
      expect(await get(d, three[1]!.id)).toMatchObject({ tags: ['survey'] });
    }
    expect(await readTombstones(a.local)).toEqual([]);
    expect(await readTombstones(b.local)).toEqual([]);
  });

  it('a backup imported on the device that heard of the deletion through sync wins too', async () => {
    const p = papers[0]!;
    // B saves and removes; A (this browser) hears of both through sync, then imports its backup.
    await savePaper(b.db, p, T0);
    await sync(b, T0 + MIN);
    await sync(a, T0 + 2 * MIN);
    const backup = toBackup(await a.db.saved.toArray(), T0 + 3 * MIN);
    await b.db.saved.delete(p.id);
    await b.local.set({ syncTombstones: [{ id: p.id, deletedAt: T0 + 4 * MIN }] });
    await sync(b, T0 + 5 * MIN);
    await importText(a.db, backup, T0 + 6 * MIN); // before A synced: the deletion is only in the sync area
    await sync(a, T0 + 7 * MIN);
    await sync(b, T0 + 8 * MIN);
    expect(await ids(a)).toEqual([p.id]);
    expect(await ids(b)).toEqual([p.id]);
  });

  it('BibTeX naming a paper removed on a device whose clock runs ahead brings it back for good', async () => {
    const p = papers[0]!;
    await savePaper(b.db, p, T0);
    await sync(b, T0 + MIN);
    await sync(a, T0 + 2 * MIN);
    // B's clock is 4 minutes ahead of A's when it removes the paper.
    await b.db.saved.delete(p.id);
    await b.local.set({ syncTombstones: [{ id: p.id, deletedAt: T0 + 7 * MIN }] });
    await sync(b, T0 + 7 * MIN);
    await sync(a, T0 + 3 * MIN);
    expect(await ids(a)).toEqual([]);

    const bib = `@misc{x, title={${p.title}}, eprint={${p.id}}, archivePrefix={arXiv}}`;
    expect(await importText(a.db, bib, T0 + 4 * MIN)).toMatchObject({ ok: true });
    await sync(a, T0 + 5 * MIN);
    await sync(b, T0 + 10 * MIN);
    await sync(a, T0 + 11 * MIN);
    expect(await ids(a)).toEqual([p.id]);
    expect(await ids(b)).toEqual([p.id]);
  });

  it('saving again a paper deleted on a device whose clock runs ahead keeps it, on both', async () => {
    const p = papers[0]!;
    await savePaper(b.db, p, T0);
    await sync(b, T0 + MIN);
    await sync(a, T0 + 2 * MIN);
    // B's clock is 4 minutes ahead of A's when it removes the paper.
    await b.db.saved.delete(p.id);
    await b.local.set({ syncTombstones: [{ id: p.id, deletedAt: T0 + 7 * MIN }] });
    await sync(b, T0 + 7 * MIN);
    await sync(a, T0 + 3 * MIN);
    expect(await ids(a)).toEqual([]);

    await savePaper(a.db, p, T0 + 4 * MIN); // the user saves it again, after the removal
    await sync(a, T0 + 5 * MIN);
    await sync(b, T0 + 10 * MIN);
    await sync(a, T0 + 11 * MIN);
    expect(await ids(a)).toEqual([p.id]);
    expect(await ids(b)).toEqual([p.id]);
  });

  // Guards the rules' consistency: a removal is stamped after the record's last change, which may
  // be ahead of the clock (clamped); Undo must still come later than that removal.
  it('Undo after a deletion stamped ahead of the clock still wins', async () => {
    const p = papers[0]!;
    await savePaper(a.db, p, T0);
    // The paper's last edit came (clamped) from a device 5 minutes ahead: its deletion is later still.
    await a.db.saved.update(p.id, { edited: { status: T0 + 5 * MIN, tags: T0, note: T0 } });
    const removed = await removeMany(a.db, [p.id], T0 + MIN);
    await sync(a, T0 + 2 * MIN);
    await sync(b, T0 + 3 * MIN);
    await restoreMany(a.db, removed, T0 + 3 * MIN);
    await sync(a, T0 + 4 * MIN);
    await sync(b, T0 + 5 * MIN);
    expect(await ids(a)).toEqual([p.id]);
  });
});

describe('times from ahead: files are clamped once, synced stamps kept as stamped, and a later edit wins', () => {
  it('a backup dated far ahead: a later note edited on another device wins after sync, and a removal sticks', async () => {
    const p = papers[0]!;
    await savePaper(a.db, p, T0);
    const future: SavedPaper = {
      ...(await get(a, p.id))!,
      note: 'From the future.',
      updatedAt: FAR,
      edited: { status: FAR, tags: FAR, note: FAR },
    };
    const now = T0 + MIN;
    await importText(a.db, toBackup([future], now), now);
    const stored = (await get(a, p.id))!;
    expect(stored.note).toBe('From the future.');
    expect(stored.edited.note).toBeLessThanOrEqual(now + CLOCK_SKEW_MS);
    await sync(a, T0 + 2 * MIN);
    await sync(b, T0 + 3 * MIN);

    await setNote(b.db, p.id, 'Written later on B.', T0 + 10 * MIN);
    await sync(b, T0 + 11 * MIN);
    await sync(a, T0 + 12 * MIN);
    expect((await get(a, p.id))!.note).toBe('Written later on B.');
    expect((await get(b, p.id))!.note).toBe('Written later on B.');

    await unsavePaper(a.db, p.id, T0 + 13 * MIN);
    await sync(a, T0 + 14 * MIN);
    await sync(b, T0 + 15 * MIN);
    await sync(a, T0 + 16 * MIN);
    expect(await ids(a)).toEqual([]);
    expect(await ids(b)).toEqual([]);
  });

  it('a record synced from a clock far ahead: a later edit here wins on both devices', async () => {
    const p = papers[0]!;
    // B's clock says 2099: everything it stamps is far ahead.
    await savePaper(b.db, p, FAR);
    await setStatus(b.db, [p.id], 'read', FAR);
    await sync(b, FAR);
    await sync(a, T0);
    const arrived = (await get(a, p.id))!;
    expect(arrived.status).toBe('read');
    // Kept as stamped (judged once, never clamped again): the edit here is stamped after it.
    expect(arrived.edited.status).toBe(FAR + 1);

    await setStatus(a.db, [p.id], 'reading', T0 + 10 * MIN);
    await sync(a, T0 + 11 * MIN);
    await sync(b, FAR + MIN);
    await sync(a, T0 + 12 * MIN);
    expect((await get(a, p.id))!.status).toBe('reading');
    expect((await get(b, p.id))!.status).toBe('reading');
  });

  it('times stored far ahead (from an older version) still lose to a later edit', async () => {
    const p = papers[0]!;
    await savePaper(a.db, p, T0);
    await a.db.saved.update(p.id, { note: 'old', edited: { status: T0, tags: T0, note: FAR } });
    await sync(a, T0 + MIN);
    await sync(b, T0 + 2 * MIN);
    await setNote(b.db, p.id, 'new', T0 + 20 * MIN);
    await sync(b, T0 + 21 * MIN);
    await sync(a, T0 + 22 * MIN);
    expect((await get(a, p.id))!.note).toBe('new');
  });

  it('a synced setting from a clock far ahead: a later change wins, here and in the sync area', async () => {
    await fakeBrowser.storage.sync.set({ [SYNC_SETTINGS_KEY]: { values: { theme: 'dark' }, edited: { theme: FAR } } });
    const first = await syncSettings({ values: { theme: 'light' }, edited: { theme: T0 } }, undefined, { now: T0 });
    expect(first.settings.values.theme).toBe('dark');
    expect(first.settings.edited.theme).toBe(FAR);

    // A change made here is stamped later than the (clamped) time it replaces, as `updateSettings` does.
    const later = {
      values: { theme: 'light' },
      edited: { theme: nextStamp(first.settings.edited.theme!, T0 + 10 * MIN) },
    };
    const second = await syncSettings(later, undefined, { now: T0 + 10 * MIN });
    expect(second.settings.values.theme).toBe('light');
    expect((await fakeBrowser.storage.sync.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY]).toEqual(later);
  });

  it('settings applied from sync keep their time as stamped, and a later change here outranks them', async () => {
    await applySyncedSettings({ values: { theme: 'dark' }, edited: { theme: FAR } }, T0);
    const stored = await loadStored();
    expect(stored.values.theme).toBe('dark');
    expect(stored.edited.theme).toBe(FAR);
    await updateSettings({ theme: 'light' }, T0 + 10 * MIN);
    // The synced copy arriving again does not undo the change.
    const again = { values: { theme: 'dark' }, edited: { theme: stored.edited.theme! } };
    expect(await applySyncedSettings(again, T0 + 10 * MIN)).toBe(false);
    expect((await loadStored()).values.theme).toBe('light');
  });
});

describe('clocks up to a day off: every device keeps the same stamp, so the later edit wins everywhere', () => {
  const DAY_MS = 86_400_000;

  it('a note edited on a device a day behind, after one edited on a device a day ahead, wins on both (finding 4)', async () => {
    const p = papers[0]!;
    const ahead = T0 + DAY_MS; // A's clock
    const behind = T0 - DAY_MS; // B's clock
    await savePaper(a.db, p, ahead);
    await setNote(a.db, p.id, 'from A', ahead + MIN);
    await sync(a, ahead + 2 * MIN);
    await sync(b, behind + 3 * MIN);
    // B keeps A's stamp as it is (within the tolerance), so its edit is stamped after it.
    expect((await get(b, p.id))!.edited.note).toBe(ahead + MIN);
    await setNote(b.db, p.id, 'from B, later', behind + 4 * MIN);
    await sync(b, behind + 5 * MIN);
    await sync(a, ahead + 6 * MIN);
    expect((await get(a, p.id))!.note).toBe('from B, later');
    expect((await get(b, p.id))!.note).toBe('from B, later');
  });

  it('a paper removed on a device a day behind, after it was saved on one a day ahead, stays removed', async () => {
    const p = papers[0]!;
    await savePaper(b.db, p, T0 + DAY_MS);
    await sync(b, T0 + DAY_MS + MIN);
    await sync(a, T0 - DAY_MS + 2 * MIN);
    await unsavePaper(a.db, p.id, T0 - DAY_MS + 3 * MIN);
    await sync(a, T0 - DAY_MS + 4 * MIN);
    await sync(b, T0 + DAY_MS + 5 * MIN);
    expect(await ids(a)).toEqual([]);
    expect(await ids(b)).toEqual([]);
  });

  it('a setting changed on a device a day behind, after one changed a day ahead, wins in the sync area too', async () => {
    // The device a day ahead changed the theme; this one is a day behind.
    const ahead = T0 + DAY_MS;
    expect(await applySyncedSettings({ values: { theme: 'dark' }, edited: { theme: ahead } }, T0 - DAY_MS)).toBe(true);
    expect((await loadStored()).edited.theme).toBe(ahead);
    await updateSettings({ theme: 'light' }, T0 - DAY_MS + MIN);
    const mine = await loadStored();
    expect(mine.edited.theme).toBeGreaterThan(ahead);
    await fakeBrowser.storage.sync.set({
      [SYNC_SETTINGS_KEY]: { values: { theme: 'dark' }, edited: { theme: ahead } },
    });
    const r = await syncSettings(mine, undefined, { now: T0 - DAY_MS + 2 * MIN });
    expect(r.settings.values.theme).toBe('light');
    const area = (await fakeBrowser.storage.sync.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY] as {
      values: { theme: string };
    };
    expect(area.values.theme).toBe('light');
  });
});

describe('a removal never half happens', () => {
  it('the worker stopped after recording the deletion, before deleting the row: the next sync completes it', async () => {
    const p = papers[0]!;
    await savePaper(a.db, p, T0);
    await sync(a, T0 + MIN);
    await sync(b, T0 + 2 * MIN);
    vi.spyOn(a.db.saved, 'bulkDelete').mockRejectedValueOnce(new Error('worker stopped'));
    await expect(unsavePaper(a.db, p.id, T0 + 3 * MIN)).rejects.toThrow('worker stopped');
    vi.restoreAllMocks();
    await sync(a, T0 + 4 * MIN);
    await sync(b, T0 + 5 * MIN);
    expect(await ids(a)).toEqual([]);
    expect(await ids(b)).toEqual([]);
  });

  it('recording the deletion failed: the paper is not removed here either, so it cannot come back from elsewhere', async () => {
    const p = papers[0]!;
    await savePaper(a.db, p, T0);
    await sync(a, T0 + MIN);
    await sync(b, T0 + 2 * MIN);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('worker stopped'));
    await expect(removeMany(a.db, [p.id], T0 + 3 * MIN)).rejects.toThrow('worker stopped');
    vi.restoreAllMocks();
    // Still listed here: the user sees the removal did not happen (the old order deleted the row,
    // and the paper came back from the other device at the next sync).
    expect(await ids(a)).toEqual([p.id]);
    await removeMany(a.db, [p.id], T0 + 4 * MIN);
    await sync(a, T0 + 5 * MIN);
    await sync(b, T0 + 6 * MIN);
    expect(await ids(a)).toEqual([]);
    expect(await ids(b)).toEqual([]);
  });
});

describe('local edits are stamped later than what they replace', () => {
  it('a note edited after the clock went back still wins over the one it replaced, after sync', async () => {
    const p = papers[0]!;
    await savePaper(a.db, p, T0);
    await setNote(a.db, p.id, 'first', T0 + 10 * MIN);
    await sync(a, T0 + 11 * MIN);
    await sync(b, T0 + 12 * MIN);
    await setNote(a.db, p.id, 'second', T0 + 5 * MIN); // the clock went back
    expect((await get(a, p.id))!.edited.note).toBeGreaterThan(T0 + 10 * MIN);
    await sync(a, T0 + 6 * MIN);
    await sync(b, T0 + 13 * MIN);
    expect((await get(a, p.id))!.note).toBe('second');
    expect((await get(b, p.id))!.note).toBe('second');
  });

  it('a removal after the clock went back is not undone by the next sync', async () => {
    const p = papers[0]!;
    await savePaper(a.db, p, T0);
    await setStatus(a.db, [p.id], 'read', T0 + 10 * MIN);
    await sync(a, T0 + 11 * MIN);
    await unsavePaper(a.db, p.id, T0 + 5 * MIN); // the clock went back
    await sync(a, T0 + 6 * MIN);
    await sync(b, T0 + 7 * MIN);
    expect(await ids(a)).toEqual([]);
    expect(await ids(b)).toEqual([]);
  });
});

describe('the rules', () => {
  it('clampTime: at most 5 minutes ahead; garbage is 0', () => {
    expect(CLOCK_SKEW_MS).toBe(5 * MIN);
    expect(clampTime(T0 + MIN, T0)).toBe(T0 + MIN);
    expect(clampTime(FAR, T0)).toBe(T0 + 5 * MIN);
    expect(clampTime(-1, T0)).toBe(0);
    expect(clampTime(Number.NaN, T0)).toBe(0);
  });

  it('laterEditWins: the later stamp; a tie goes to the greater JSON, for papers and settings alike', () => {
    expect(laterEditWins({ value: 'a', at: T0 }, { value: 'b', at: T0 + 1 })).toBe(true);
    expect(laterEditWins({ value: 'b', at: T0 + 1 }, { value: 'a', at: T0 })).toBe(false);
    expect(laterEditWins({ value: 'a', at: T0 }, { value: 'b', at: T0 })).toBe(true);
    expect(laterEditWins({ value: 'b', at: T0 }, { value: 'a', at: T0 })).toBe(false);
  });

  it('nextStamp: now, or just after the stamp it replaces when that is later', () => {
    expect(nextStamp(T0, T0 + MIN)).toBe(T0 + MIN);
    expect(nextStamp(T0 + MIN, T0)).toBe(T0 + MIN + 1);
  });
});
