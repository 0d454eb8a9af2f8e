import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import type { Paper } from '@/lib/core/paper';
import { restoreSaved, savedIds, savePaper, unsavePaper } from '@/lib/reading-list/list';
import { makeDay } from '../fixtures/papers';

const DAY = '2026-11-24';
const T0 = Date.parse('2026-11-24T09:00:00Z');

let db: PapertabDB;
let papers: Paper[];
let n = 0;

beforeEach(() => {
  db = createDb(`reading-${n++}`);
  papers = parseDailyItems(makeDay(DAY, 3), DAY, T0).items;
});
afterEach(() => db.close());

describe('saving a paper', () => {
  it('puts a new paper on the list to read, with no tags or note', async () => {
    const rec = await savePaper(db, papers[0]!, T0);
    expect(rec).toMatchObject({
      id: papers[0]!.id,
      paper: papers[0],
      savedAt: T0,
      updatedAt: T0,
      status: 'to-read',
      tags: [],
      note: '',
    });
    expect(await db.saved.get(papers[0]!.id)).toEqual(rec);
  });

  it('saving it again keeps status, tags, note and date saved, and refreshes the copy of the paper', async () => {
    await savePaper(db, papers[0]!, T0);
    await db.saved.update(papers[0]!.id, {
      status: 'reading',
      tags: ['survey'],
      note: 'Read section 3.',
      updatedAt: T0 + 5,
    });
    const newer = { ...papers[0]!, upvotes: papers[0]!.upvotes + 40, numComments: 12 };

    const rec = await savePaper(db, newer, T0 + 86_400_000);
    expect(rec).toMatchObject({ savedAt: T0, status: 'reading', tags: ['survey'], note: 'Read section 3.' });
    expect(rec.paper).toMatchObject({ upvotes: newer.upvotes, numComments: 12, title: papers[0]!.title });
    expect(await db.saved.get(papers[0]!.id)).toEqual(rec);
    expect(await db.saved.count()).toBe(1);
  });

  it('lists the saved ids, so every card knows whether it is saved', async () => {
    expect(await savedIds(db)).toEqual(new Set());
    await savePaper(db, papers[0]!, T0);
    await savePaper(db, papers[2]!, T0);
    expect(await savedIds(db)).toEqual(new Set([papers[0]!.id, papers[2]!.id]));
  });
});

describe('removing a paper, with Undo', () => {
  it('returns exactly what was removed, and Undo puts it back as it was', async () => {
    await savePaper(db, papers[1]!, T0);
    await db.saved.update(papers[1]!.id, {
      status: 'read',
      tags: ['rl', 'agents'],
      note: 'Good baseline.',
      updatedAt: T0 + 9,
    });
    const before = await db.saved.get(papers[1]!.id);

    const removed = await unsavePaper(db, papers[1]!.id);
    expect(removed).toEqual(before);
    expect(await db.saved.get(papers[1]!.id)).toBeUndefined();
    expect(await savedIds(db)).toEqual(new Set());

    await restoreSaved(db, removed!);
    // Everything comes back as it was; only `updatedAt` moves to now, so the Undo outlives the
    // deletion's sync tombstone on other devices.
    const restored = await db.saved.get(papers[1]!.id);
    expect(restored).toEqual({ ...before, updatedAt: restored!.updatedAt });
    expect(restored!.updatedAt).toBeGreaterThan(before!.updatedAt);
  });

  it('removing a paper that is not saved removes nothing and returns nothing', async () => {
    await savePaper(db, papers[0]!, T0);
    expect(await unsavePaper(db, papers[1]!.id)).toBeUndefined();
    expect(await savedIds(db)).toEqual(new Set([papers[0]!.id]));
  });
});
