import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_COLOR, badgeText, markSeen, newPaperCount, updateBadge, WATCH_BADGE_COLOR } from '@/lib/views/badge';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { storeDay } from '@/lib/store/papers';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { setMeta } from '@/lib/store/meta-table';
import type { DayRecord } from '@/lib/core/paper';
import { updateSettings } from '@/lib/core/settings';
import { DEFAULTS } from '@/lib/core/settings-schema';
import { makeDailyItem, makeDay, paperIdFor } from '../fixtures/papers';

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
  it('badge text follows the chosen mode: count, a dot, or nothing', () => {
    expect(badgeText(999, 'count')).toBe('999');
    expect(badgeText(1000, 'count')).toBe('999+');
    expect(badgeText(42, 'dot')).toBe('•');
    expect(badgeText(0, 'dot')).toBe('');
    expect(badgeText(42, 'off')).toBe('');
  });
});

describe('badge on the toolbar', () => {
  let db: PapertabDB;
  let n = 0;
  const store = (date: string, count: number) =>
    storeDay(db, date, parseDailyItems(makeDay(date, count), date, 0).items, 0, 0);
  beforeEach(async () => {
    db = createDb(`badge-${n++}`);
    // Stored before papers were counted one by one: the day after the one seen is new.
    await store('2026-11-23', 7);
    await store('2026-11-24', 5);
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

  // Changed on purpose (issue 11): the badge counts papers, not days, so a day seen can bring more.
  it('clears when marked seen, and stays clear until papers arrive, on a new day or the day seen', async () => {
    await updateBadge(db);
    await markSeen(db);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    await storeDay(db, '2026-11-25', [], 0, 0, { arrivals: true });
    await updateBadge(db);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    await storeDay(db, '2026-11-26', parseDailyItems(makeDay('2026-11-26', 9), '2026-11-26', 0).items, 0, 0, {
      arrivals: true,
    });
    await updateBadge(db);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('9');
  });
});

describe('badge colour and title: the watch list', () => {
  const NEW_DAY = '2026-11-24';
  let db: PapertabDB;
  let n = 0;
  /** The badge colour as the hex string it was set with. */
  const colour = async () =>
    `#${(await fakeBrowser.action.getBadgeBackgroundColor({}))
      .slice(0, 3)
      .map((c) => c.toString(16).padStart(2, '0'))
      .join('')}`;

  beforeEach(async () => {
    db = createDb(`badge-watch-${n++}`);
    // One of the day's papers is about a topic the fixtures never generate otherwise.
    const items = [
      ...makeDay(NEW_DAY, 4),
      makeDailyItem(paperIdFor(NEW_DAY, 9), NEW_DAY, { title: 'Origami Folding with Language Models' }),
    ];
    await storeDay(db, NEW_DAY, parseDailyItems(items, NEW_DAY, 0).items, 0, 0);
    await setMeta(db, 'seenDay', '2026-11-23');
  });
  afterEach(() => db.close());

  it('is the usual colour, with the count in the title, when no new paper is on the watch list', async () => {
    await updateBadge(db, { ...DEFAULTS, watchKeywords: ['protein folding'] });
    expect(await colour()).toBe(BADGE_COLOR);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('5');
    expect(await fakeBrowser.action.getTitle({})).toBe('Papertab: 5 new papers');
  });

  it('takes the watch colour and names the watched papers in the title when one matches', async () => {
    const found = await updateBadge(db, { ...DEFAULTS, watchKeywords: ['origami'] });
    expect(await colour()).toBe(WATCH_BADGE_COLOR);
    expect(await fakeBrowser.action.getTitle({})).toBe('Papertab: 5 new papers, 1 on your watch list');
    expect(found.watched.map((w) => [w.paper.title, w.terms])).toEqual([
      ['Origami Folding with Language Models', ['origami']],
    ]);
  });

  it('a watched paper on a day already seen does not colour the badge', async () => {
    await setMeta(db, 'seenDay', NEW_DAY);
    await updateBadge(db, { ...DEFAULTS, watchKeywords: ['origami'] });
    expect(await colour()).toBe(BADGE_COLOR);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Papertab');
  });

  it('reads the badge mode and watch list from the stored settings when none are given', async () => {
    await updateSettings({ badgeMode: 'dot', watchKeywords: ['Origami'] });
    await updateBadge(db);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('•');
    expect(await colour()).toBe(WATCH_BADGE_COLOR);
    await updateSettings({ badgeMode: 'off' });
    await updateBadge(db);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    // The title still tells, for whoever hovers the button.
    expect(await fakeBrowser.action.getTitle({})).toBe('Papertab: 5 new papers, 1 on your watch list');
  });
});
