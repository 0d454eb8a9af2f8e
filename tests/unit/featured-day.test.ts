// The featured day of old papers (issue 21): items before 2025-03 carry no
// `paper.submittedOnDailyAt`, and the day they entered the feed is often a day or more before the
// day Daily Papers featured them. On the week, month and archive paths every paper must still sit
// on its featured day, within the request budget, and a paper on a known day never moves.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVE_BUDGET } from '@/lib/core/archive';
import { fetchRange } from '@/lib/hf/range-fetch';
import { runArchive } from '@/lib/hf/archive';
import { getArchive, newPass } from '@/lib/store/archive-store';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { getMeta, setMeta } from '@/lib/store/meta-table';
import { storeDay, storePapers } from '@/lib/store/papers';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { undatedItem } from '../fixtures/hf-eras';
import type { DailyItem } from '../fixtures/papers';
import { FakeHf } from '../support/fake-hf';

const NOW = Date.parse('2024-06-12T10:00:00Z');

let db: PapertabDB;
let hf: FakeHf;
let clock: number;
let n = 0;

beforeEach(async () => {
  db = createDb(`featured-day-${n++}`);
  await db.open();
  hf = new FakeHf();
  clock = NOW;
});
afterEach(() => db.close());

const deps = () => ({ db, fetch: hf.fetch, now: () => clock });

/** Featured day → [id, when it entered the feed]: the real pattern (most the evening before, some days before). */
const OLD_WEEK: Record<string, [string, string][]> = {
  '2024-05-28': [['2405.16001', '2024-05-28T03:00:00.000Z']],
  '2024-05-29': [
    ['2405.17001', '2024-05-28T21:10:00.000Z'],
    ['2405.17002', '2024-05-29T02:30:00.000Z'],
  ],
  '2024-05-31': [['2405.14002', '2024-05-24T10:00:00.000Z']],
};
const FEATURED: Record<string, string> = Object.fromEntries(
  Object.entries(OLD_WEEK).flatMap(([day, items]) => items.map(([id]) => [id, day])),
);

function serveOldWeek(): void {
  for (const [day, items] of Object.entries(OLD_WEEK))
    hf.days.set(day, items.map(([id, at]) => undatedItem(id, day, at)) as unknown as DailyItem[]);
}

async function storedDays(): Promise<Record<string, string>> {
  return Object.fromEntries((await db.papers.toArray()).map((p) => [p.id, p.day]));
}

describe('week and month views of old papers', () => {
  it.each([[{ week: '2024-W22' }], [{ month: '2024-05' }]])(
    '%j puts every paper on its featured day',
    async (range) => {
      serveOldWeek();
      const reply = await fetchRange(deps(), range);
      expect(reply.ok).toBe(true);
      expect(await storedDays()).toEqual(FEATURED);
    },
  );

  it('asks the days one by one only until every paper is found, never a day already stored', async () => {
    serveOldWeek();
    await storeDay(db, '2024-05-27', [], 0, NOW);
    await fetchRange(deps(), { week: '2024-W22' });
    expect(hf.requestedDays().filter(Boolean)).toEqual(['2024-05-28', '2024-05-29', '2024-05-30', '2024-05-31']);
    expect(await getMeta(db, 'range:week:2024-W22')).toBe(NOW);
  });

  it('never moves a paper already on a day a `date=` answer gave, and asks no day for it', async () => {
    serveOldWeek();
    const day = parseDailyItems(hf.days.get('2024-05-31'), '2024-05-31', NOW).items;
    await storeDay(db, '2024-05-31', day, 0, NOW);
    // Only 2405.14002 is on 2024-05-31; the others are found by 2024-05-29.
    await fetchRange(deps(), { week: '2024-W22' });
    expect((await storedDays())['2405.14002']).toBe('2024-05-31');
    expect(hf.requestedDays().filter(Boolean)).toEqual(['2024-05-27', '2024-05-28', '2024-05-29']);
  });

  it('within the budget: once it is spent, papers with no known day are left out (never put on a wrong day) and asked again later', async () => {
    serveOldWeek();
    await setMeta(
      db,
      'archiveRequests',
      Array.from({ length: ARCHIVE_BUDGET - 2 }, () => NOW - 1000),
    );
    const reply = await fetchRange(deps(), { week: '2024-W22' });
    expect(reply.ok).toBe(false);
    // Two days asked (2024-05-27, 2024-05-28): 2405.16001 found, the others not yet.
    expect(await storedDays()).toEqual({ '2405.16001': '2024-05-28' });
    expect(await getMeta(db, 'range:week:2024-W22')).toBeUndefined();
    clock = NOW + 5 * 60_000;
    expect((await fetchRange(deps(), { week: '2024-W22' })).ok).toBe(true);
    expect(await storedDays()).toEqual(FEATURED);
  });
});

describe('the archive reads old months day by day', () => {
  async function archiveMay(): Promise<void> {
    await setMeta(db, 'archive', newPass('2024-05', '2024-05', NOW));
    for (let i = 0; i < 20; i++) {
      const next = await runArchive(deps());
      if ((await getArchive(db))?.status === 'done') return;
      clock = Math.max(clock, next ?? clock) + 1;
    }
    throw new Error('archive did not finish');
  }

  it('puts every paper of an undated month on its featured day, correcting a day guessed before', async () => {
    serveOldWeek();
    // An earlier version filed this one under the day it entered the feed.
    const [guessed] = parseDailyItems([hf.days.get('2024-05-29')![0]], '2024-05-28', NOW - 1000).items;
    await storePapers(db, [guessed!]);
    await archiveMay();
    expect(await storedDays()).toEqual(FEATURED);
    const state = await getArchive(db);
    expect(state).toMatchObject({ status: 'done', monthsDone: 1 });
  });

  it('skips the days a `date=` answer already stored, and keeps their papers on them', async () => {
    serveOldWeek();
    const day = parseDailyItems(hf.days.get('2024-05-29'), '2024-05-29', NOW).items;
    await storeDay(db, '2024-05-29', day, 0, NOW);
    await archiveMay();
    expect(hf.requestedDays()).not.toContain('2024-05-29');
    // One listing page, then each day of the month but the stored one, newest first.
    expect(hf.requests).toHaveLength(1 + 30);
    expect(await storedDays()).toEqual(FEATURED);
  });
});
