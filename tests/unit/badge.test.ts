import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText, markSeen, newPaperCount, updateBadge } from '@/lib/badge';
import { createDb, type PapertabDB } from '@/lib/db';
import { setMeta } from '@/lib/meta';
import type { DayRecord } from '@/lib/paper';

const day = (date: string, count: number): DayRecord => ({
  date,
  status: count ? 'ok' : 'empty',
  count,
  dropped: 0,
  fetchedAt: 0,
});

describe('new paper count', () => {
  const days = [day('2026-11-20', 10), day('2026-11-21', 0), day('2026-11-23', 7), day('2026-11-24', 5)];

  it('counts papers of days newer than the newest day seen', () => {
    expect(newPaperCount(days, '2026-11-20')).toBe(12);
    expect(newPaperCount(days, '2026-11-23')).toBe(5);
  });
  it('is zero once the newest day is seen, and empty days never count', () => {
    expect(newPaperCount(days, '2026-11-24')).toBe(0);
    expect(newPaperCount([day('2026-11-24', 5), day('2026-11-25', 0)], '2026-11-24')).toBe(0);
  });
  it("before anything was seen, it is the newest day's papers", () => {
    expect(newPaperCount(days, undefined)).toBe(5);
    expect(newPaperCount([], undefined)).toBe(0);
  });
  it('badge text is blank for none and capped for many', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(42)).toBe('42');
    expect(badgeText(1200)).toBe('999+');
  });
});

describe('badge on the toolbar', () => {
  let db: PapertabDB;
  let n = 0;
  beforeEach(async () => {
    db = createDb(`badge-${n++}`);
    await db.days.bulkPut([day('2026-11-23', 7), day('2026-11-24', 5)]);
    await setMeta(db, 'seenDay', '2026-11-23');
  });
  afterEach(() => db.close());

  it('shows the count of new papers, recomputed from the cache', async () => {
    await updateBadge(db);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('5');
    // A fresh worker (browser restart) recomputes the same badge from storage.
    fakeBrowser.reset();
    await updateBadge(db);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('5');
  });

  it('clears when the newest day is marked seen, and stays clear until a newer day lands', async () => {
    await updateBadge(db);
    await markSeen(db);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    await db.days.put(day('2026-11-25', 0));
    await updateBadge(db);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    await db.days.put(day('2026-11-26', 9));
    await updateBadge(db);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('9');
  });
});
