/**
 * Never lose a paper, part two (issue 18): each data-loss reproduction of the review, as a test
 * that failed on the code before (main at 961d941) and passes now. Two devices share one sync area;
 * device A is this browser (its removals write its deletions to `storage.local`), device B another
 * one with its own local area. Times are each device's own clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { toBackup } from '@/lib/reading-list/backup';
import { importText } from '@/lib/reading-list/import';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import type { Paper } from '@/lib/core/paper';
import { savePaper, setNote, setTags, unsavePaper } from '@/lib/reading-list/list';
import { nextStamp } from '@/lib/core/stamps';
import { syncSettings, type SyncedSettings } from '@/lib/sync/settings';
import { syncNow } from '@/lib/sync/sync';
import { decodeList } from '@/lib/sync/codec';
import type { StorageAreaLike } from '@/lib/sync/tombstones';
import { makeDay } from '../fixtures/papers';

const DAY_ID = '2026-11-24';
const T0 = Date.parse('2026-11-24T09:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;

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
  a = { db: createDb(`data-loss-clocks-${n++}`), local: fakeBrowser.storage.local };
  b = { db: createDb(`data-loss-clocks-${n++}`), local: new MemoryArea() };
  papers = parseDailyItems(makeDay(DAY_ID, 21), DAY_ID, T0).items;
});
afterEach(() => [a, b].forEach((d) => d.db.close()));

/** Text that does not deflate (xorshift32): far over half the sync area alone at 90,000 characters. */
function noiseText(length: number, seed: number): string {
  let x = seed;
  return Array.from({ length }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return String.fromCharCode(33 + ((x >>> 0) % 90));
  }).join('');
}

const sync = (d: Device, now: number) => syncNow(d.db, fakeBrowser.storage.sync, d.local, now);
const get = (d: Device, id: string) => d.db.saved.get(id);
const ids = async (d: Device) => (await d.db.saved.toArray()).map((s) => s.id).sort();

describe('a long note is never cut without a word', () => {
  it('a pasted 12,000-character note is kept whole, here and on the other device', async () => {
    const p = papers[0]!;
    await savePaper(a.db, p, T0);
    const note = 'Pasted from my draft. '.repeat(600).slice(0, 12_000);
    await setNote(a.db, p.id, note, T0 + MIN);
    expect((await get(a, p.id))!.note).toBe(note);
    await sync(a, T0 + 2 * MIN);
    await sync(b, T0 + 3 * MIN);
    expect((await get(b, p.id))!.note).toBe(note);
  });

  it('a 29,999-character note from a backup keeps every character after one more is typed', async () => {
    const p = papers[0]!;
    await savePaper(a.db, p, T0);
    const long = 'Restored from a backup. '.repeat(1_300).slice(0, 29_999);
    const file = JSON.parse(toBackup([(await get(a, p.id))!], T0)) as { papers: { note: string }[] };
    file.papers[0]!.note = long;
    expect((await importText(a.db, JSON.stringify(file), T0 + MIN)).ok).toBe(true);
    expect((await get(a, p.id))!.note).toBe(long);
    await setNote(a.db, p.id, `${long}!`, T0 + 2 * MIN);
    expect((await get(a, p.id))!.note).toBe(`${long}!`);
  });
});

describe('a clock days off never rewrites history: an edit made after seeing a stamp wins everywhere', () => {
  for (const [name, skewA] of [
    ['3 days ahead', 3 * DAY],
    ['30 days ahead', 30 * DAY],
    ['3 days behind', -3 * DAY],
    ['365 days behind', -365 * DAY],
  ] as const)
    it(`a note written on a device whose clock is ${name}, then edited on a right one, stays edited`, async () => {
      const p = papers[0]!;
      const onA = (t: number) => t + skewA;
      await savePaper(a.db, p, onA(T0));
      await setNote(a.db, p.id, 'First thoughts.', onA(T0 + MIN));
      await sync(a, onA(T0 + 2 * MIN));
      await sync(b, T0 + 3 * MIN);
      await setNote(b.db, p.id, 'Revised on B.', T0 + 4 * MIN);
      // Syncing on, for days: each sync is judged against a later `now`.
      for (let day = 0; day < 5; day++) {
        await sync(b, T0 + day * DAY + 5 * MIN);
        await sync(a, onA(T0 + day * DAY + 6 * MIN));
      }
      expect((await get(a, p.id))!.note).toBe('Revised on B.');
      expect((await get(b, p.id))!.note).toBe('Revised on B.');
      // And the device off edits again after seeing B's: its edit wins too.
      await setNote(a.db, p.id, 'Back on A.', onA(T0 + 6 * DAY));
      await sync(a, onA(T0 + 6 * DAY + MIN));
      await sync(b, T0 + 6 * DAY + 2 * MIN);
      expect((await get(b, p.id))!.note).toBe('Back on A.');
    });

  for (const [name, skewA] of [
    ['3 days behind', -3 * DAY],
    ['365 days behind', -365 * DAY],
    ['3 days ahead', 3 * DAY],
  ] as const)
    it(`a device whose clock is ${name} edits what a right one saved, and its edit stays`, async () => {
      const p = papers[0]!;
      const onA = (t: number) => t + skewA;
      await savePaper(b.db, p, T0);
      await setNote(b.db, p.id, 'Saved and noted on B.', T0 + MIN);
      await sync(b, T0 + 2 * MIN);
      await sync(a, onA(T0 + 3 * MIN));
      await setNote(a.db, p.id, 'Edited on A.', onA(T0 + 4 * MIN));
      for (let day = 0; day < 4; day++) {
        await sync(a, onA(T0 + day * DAY + 5 * MIN));
        await sync(b, T0 + day * DAY + 6 * MIN);
      }
      expect((await get(a, p.id))!.note).toBe('Edited on A.');
      expect((await get(b, p.id))!.note).toBe('Edited on A.');
    });

  it('a mute set on a device 30 days ahead, changed on a right device after syncing, stays changed', async () => {
    const area = fakeBrowser.storage.sync;
    let onA: SyncedSettings = { values: { mutedKeywords: ['diffusion'] }, edited: { mutedKeywords: T0 + 30 * DAY } };
    onA = (await syncSettings(onA, area, { now: T0 + 30 * DAY })).settings;
    let onB = (await syncSettings({ values: {}, edited: {} }, area, { now: T0 + MIN })).settings;
    expect(onB.values.mutedKeywords).toEqual(['diffusion']);
    // B changes it, stamped as `updateSettings` stamps (later than what it replaces).
    onB = {
      values: { ...onB.values, mutedKeywords: [] },
      edited: { ...onB.edited, mutedKeywords: nextStamp(onB.edited.mutedKeywords!, T0 + 2 * MIN) },
    };
    for (let day = 0; day < 5; day++) {
      onB = (await syncSettings(onB, area, { now: T0 + day * DAY + 3 * MIN })).settings;
      onA = (await syncSettings(onA, area, { now: T0 + 30 * DAY + day * DAY + 4 * MIN })).settings;
    }
    expect(onA.values.mutedKeywords).toEqual([]);
    expect(onB.values.mutedKeywords).toEqual([]);
  });
});

describe('a removal from a clock ahead never waits to strike later', () => {
  it('a paper removed on a device 3 days ahead, then saved again and noted elsewhere, keeps the note for good', async () => {
    const p = papers[0]!;
    const ahead = 3 * DAY;
    await savePaper(a.db, p, T0 + ahead);
    await sync(a, T0 + ahead + MIN);
    await sync(b, T0 + 2 * MIN);
    await unsavePaper(a.db, p.id, T0 + ahead + 3 * MIN);
    await sync(a, T0 + ahead + 4 * MIN);
    await sync(b, T0 + 5 * MIN);
    // What the user on B does next, with what B shows: the paper there, or saved again.
    if (!(await get(b, p.id))) await savePaper(b.db, p, T0 + 6 * MIN);
    await setNote(b.db, p.id, 'Written after the removal.', T0 + 7 * MIN);
    for (let day = 0; day < 5; day++) {
      await sync(b, T0 + day * DAY + 8 * MIN);
      await sync(a, T0 + ahead + day * DAY + 9 * MIN);
    }
    expect((await get(b, p.id))?.note).toBe('Written after the removal.');
    expect((await get(a, p.id))?.note).toBe('Written after the removal.');
  });
});

describe('one oversized record never stops sync', () => {
  it('a note too large to sync, edited last, leaves the other 20 papers syncing and is named', async () => {
    for (const p of papers) await savePaper(a.db, p, T0);
    const noise = noiseText(90_000, 7);
    const big = papers[0]!;
    await setNote(a.db, big.id, noise, T0 + MIN);
    const status = await sync(a, T0 + 2 * MIN);
    expect(status).toMatchObject({ ok: true, wrote: true, syncedCount: 20, total: 21 });
    expect(status.warning).toContain(big.title);
    expect(status.warning).toMatch(/1 paper's note is too long to sync; it stays on this device/);
    await sync(b, T0 + 3 * MIN);
    expect(await ids(b)).toEqual(
      papers
        .slice(1)
        .map((p) => p.id)
        .sort(),
    );
    expect((await get(a, big.id))!.note).toBe(noise);
  });

  it('a device with an oversized record never erases another device`s deletion from the sync area', async () => {
    for (const p of papers.slice(0, 3)) await savePaper(a.db, p, T0);
    await sync(a, T0 + MIN);
    await sync(b, T0 + 2 * MIN);
    // A removes a paper; B, before hearing of it, gets a note too large to sync.
    await unsavePaper(a.db, papers[1]!.id, T0 + 3 * MIN);
    await sync(a, T0 + 4 * MIN);
    await b.db.saved.update(papers[0]!.id, {
      note: noiseText(95_000, 11),
      edited: { status: T0, tags: T0, note: T0 + 5 * MIN },
      updatedAt: T0 + 5 * MIN,
    });
    await sync(b, T0 + 6 * MIN);
    const inArea = await decodeList(await fakeBrowser.storage.sync.get(null), T0 + 7 * MIN);
    expect(inArea.state === 'ok' && inArea.payload.tombstones.map((t) => t.id)).toEqual([papers[1]!.id]);
    expect(await ids(b)).not.toContain(papers[1]!.id);
  });
});

describe('concurrent edits on skewed clocks: what decides is said, and holds', () => {
  it('edits made apart further than the clocks differ: the last wins on both devices', async () => {
    const p = papers[0]!;
    const [skewA, skewB] = [DAY, -DAY];
    await savePaper(a.db, p, T0 + skewA);
    await sync(a, T0 + skewA + MIN);
    await sync(b, T0 + skewB + 2 * MIN);
    // Neither device syncs in between; B types 2 days and a minute after A (the clocks differ by 2 days).
    await setNote(a.db, p.id, 'Earlier, on A.', T0 + skewA + 3 * MIN);
    await setNote(b.db, p.id, 'Later, on B.', T0 + 2 * DAY + 4 * MIN + skewB);
    await sync(a, T0 + 2 * DAY + 5 * MIN + skewA);
    await sync(b, T0 + 2 * DAY + 6 * MIN + skewB);
    await sync(a, T0 + 2 * DAY + 7 * MIN + skewA);
    expect((await get(a, p.id))!.note).toBe('Later, on B.');
    expect((await get(b, p.id))!.note).toBe('Later, on B.');
  });

  it('edits made closer than the clocks differ: the later stamp wins, the same on both devices', async () => {
    const p = papers[0]!;
    await savePaper(a.db, p, T0 + DAY);
    await sync(a, T0 + DAY + MIN);
    await sync(b, T0 - DAY + 2 * MIN);
    await setNote(a.db, p.id, 'On A (clock a day ahead).', T0 + DAY + 3 * MIN);
    await setNote(b.db, p.id, 'On B, typed later (clock a day behind).', T0 - DAY + 4 * MIN);
    await sync(a, T0 + DAY + 5 * MIN);
    await sync(b, T0 - DAY + 6 * MIN);
    await sync(a, T0 + DAY + 7 * MIN);
    const [onA, onB] = [(await get(a, p.id))!.note, (await get(b, p.id))!.note];
    expect(onA).toBe(onB);
    expect(onA).toBe('On A (clock a day ahead).');
  });
});

describe('a tag with hostile characters is stored as sync gives it back', () => {
  it('U+202E, NEL, NUL, BEL and DEL: two devices stop rewriting the sync area after one round', async () => {
    const p = papers[0]!;
    await savePaper(a.db, p, T0);
    await setTags(a.db, p.id, ['a\u202Eb', 'c\u0085d', 'e\u0000f', 'g\u0007h', 'i\u007Fj'], T0 + MIN);
    const stored = (await get(a, p.id))!.tags;
    await sync(a, T0 + 2 * MIN);
    await sync(b, T0 + 3 * MIN);
    expect((await get(b, p.id))!.tags).toEqual(stored);
    expect(await sync(a, T0 + 4 * MIN)).toMatchObject({ ok: true, wrote: false });
    expect(await sync(b, T0 + 5 * MIN)).toMatchObject({ ok: true, wrote: false });
  });
});
