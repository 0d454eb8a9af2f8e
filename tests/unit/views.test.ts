import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { utcDay } from '@/lib/core/dates';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { storeDay, storePapers } from '@/lib/store/papers';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { setMeta } from '@/lib/store/meta-table';
import type { Paper } from '@/lib/core/paper';
import { loadView, parseHash, sortPapers, stepView, switchKind, viewHash, type View } from '@/lib/views/view';
import { makeDay } from '../fixtures/papers';

const NOW = Date.parse('2026-11-25T15:00:00Z'); // a Wednesday in 2026-W48
const TODAY = utcDay(NOW);

function paper(id: string, fields: Partial<Paper> = {}): Paper {
  return {
    id,
    title: `Paper ${id}`,
    summary: '',
    authors: [],
    day: TODAY,
    upvotes: 0,
    numComments: 0,
    aiKeywords: [],
    fetchedAt: 1,
    ...fields,
  };
}

describe('the view in the URL hash, so Back and bookmarks work', () => {
  it.each<View>([
    { kind: 'latest' },
    { kind: 'day', day: '2026-11-24' },
    { kind: 'day', day: '2024-02-29' },
    { kind: 'week', week: '2026-W48' },
    { kind: 'week', week: '2026-W53' },
    { kind: 'month', month: '2026-11' },
  ])('a bookmarked %j opens the same view', (view) => {
    expect(parseHash(viewHash(view))).toEqual(view);
  });

  it('writes readable hashes, and none for the latest view', () => {
    expect(viewHash({ kind: 'latest' })).toBe('');
    expect(viewHash({ kind: 'day', day: '2026-11-24' })).toBe('#/day/2026-11-24');
    expect(viewHash({ kind: 'week', week: '2026-W48' })).toBe('#/week/2026-W48');
    expect(viewHash({ kind: 'month', month: '2026-11' })).toBe('#/month/2026-11');
  });

  it('also reads a hash typed without the slash', () => {
    expect(parseHash('#day/2026-11-24')).toEqual({ kind: 'day', day: '2026-11-24' });
  });

  it.each([
    '',
    '#',
    '#/',
    '#/day',
    '#/day/',
    '#/day/2025-13-40',
    '#/day/2025-02-29',
    '#/day/2026-11-24x',
    '#/day/yesterday',
    '#/DAY/2026-11-24',
    '#/week/2026-W99',
    '#/week/2026-W00',
    '#/week/2026-48',
    '#/week/2025-W53',
    '#/month/2026-13',
    '#/month/2026-1',
    '#/month/2026-11-01',
    '#/year/2026',
    '#/javascript:alert(1)',
    '#/day/<img src=x>',
  ])('opens the latest papers for the junk hash %j', (hash) => {
    expect(parseHash(hash)).toEqual({ kind: 'latest' });
  });
});

describe('stepView: Previous and Next', () => {
  it('moves a day view by one day, and never into tomorrow', () => {
    expect(stepView({ kind: 'day', day: '2026-11-24' }, undefined, -1, TODAY)).toEqual({
      kind: 'day',
      day: '2026-11-23',
    });
    expect(stepView({ kind: 'day', day: '2026-11-24' }, undefined, 1, TODAY)).toEqual({ kind: 'day', day: TODAY });
    const today: View = { kind: 'day', day: TODAY };
    expect(stepView(today, undefined, 1, TODAY)).toBe(today);
  });

  it('moves a week view by one week, up to the current week but not past it', () => {
    expect(stepView({ kind: 'week', week: '2026-W48' }, undefined, -1, TODAY)).toEqual({
      kind: 'week',
      week: '2026-W47',
    });
    expect(stepView({ kind: 'week', week: '2026-W47' }, undefined, 1, TODAY)).toEqual({
      kind: 'week',
      week: '2026-W48',
    });
    const current: View = { kind: 'week', week: '2026-W48' };
    expect(stepView(current, undefined, 1, TODAY)).toBe(current);
  });

  it('moves a week view across the new year through week 53', () => {
    const later = '2027-06-01';
    expect(stepView({ kind: 'week', week: '2027-W01' }, undefined, -1, later)).toEqual({
      kind: 'week',
      week: '2026-W53',
    });
    expect(stepView({ kind: 'week', week: '2026-W53' }, undefined, 1, later)).toEqual({
      kind: 'week',
      week: '2027-W01',
    });
  });

  it('moves a month view by one month, up to the current month but not past it', () => {
    expect(stepView({ kind: 'month', month: '2026-01' }, undefined, -1, TODAY)).toEqual({
      kind: 'month',
      month: '2025-12',
    });
    expect(stepView({ kind: 'month', month: '2026-10' }, undefined, 1, TODAY)).toEqual({
      kind: 'month',
      month: '2026-11',
    });
    const current: View = { kind: 'month', month: '2026-11' };
    expect(stepView(current, undefined, 1, TODAY)).toBe(current);
  });

  it('steps the latest view from the day it shows, not from today', () => {
    const latest: View = { kind: 'latest' };
    // Today is not curated yet: the latest view shows Monday.
    expect(stepView(latest, '2026-11-23', -1, TODAY)).toEqual({ kind: 'day', day: '2026-11-22' });
    expect(stepView(latest, '2026-11-23', 1, TODAY)).toEqual({ kind: 'day', day: '2026-11-24' });
    expect(stepView(latest, TODAY, 1, TODAY)).toBe(latest);
    // Before the cache knows any day, it steps from today.
    expect(stepView(latest, undefined, -1, TODAY)).toEqual({ kind: 'day', day: '2026-11-24' });
  });
});

describe('switchKind: Day, Week and Month around the day in focus', () => {
  it('keeps the day in focus inside the new view', () => {
    expect(switchKind('day', '2026-11-24')).toEqual({ kind: 'day', day: '2026-11-24' });
    expect(switchKind('week', '2026-11-24')).toEqual({ kind: 'week', week: '2026-W48' });
    expect(switchKind('month', '2026-11-24')).toEqual({ kind: 'month', month: '2026-11' });
  });

  it('picks the ISO week, which may belong to the previous year', () => {
    expect(switchKind('week', '2027-01-01')).toEqual({ kind: 'week', week: '2026-W53' });
    expect(switchKind('month', '2027-01-01')).toEqual({ kind: 'month', month: '2027-01' });
  });
});

describe('sortPapers: Most upvoted and Newest', () => {
  const papers = [
    paper('1', { title: 'Beta', upvotes: 10, publishedAt: '2026-11-20T00:00:00.000Z' }),
    paper('2', { title: 'alpha', upvotes: 10, publishedAt: '2026-11-22T00:00:00.000Z' }),
    paper('3', { title: 'Gamma', upvotes: 50, publishedAt: '2026-11-18T00:00:00.000Z' }),
    paper('4', { title: 'Delta', upvotes: 3 }),
    paper('5', { title: 'Epsilon', upvotes: 7, publishedAt: '2026-11-22T00:00:00.000Z' }),
  ];
  const titles = (list: Paper[]) => list.map((p) => p.title);

  it('puts the most upvoted first, ties in title order', () => {
    expect(titles(sortPapers(papers, 'upvotes'))).toEqual(['Gamma', 'alpha', 'Beta', 'Epsilon', 'Delta']);
  });

  it('puts the most recently published first, papers without a date last', () => {
    expect(titles(sortPapers(papers, 'newest'))).toEqual(['alpha', 'Epsilon', 'Beta', 'Gamma', 'Delta']);
  });

  it('leaves the list it was given as it was', () => {
    const before = titles(papers);
    sortPapers(papers, 'newest');
    expect(titles(papers)).toEqual(before);
  });
});

describe('loadView: what the new tab shows, from the cache', () => {
  let db: PapertabDB;
  let n = 0;

  beforeEach(async () => {
    db = createDb(`views-${n++}`);
    // Friday 20 and Monday 23, Tuesday 24 have papers; the weekend and today (not curated yet) are empty.
    const counts: Record<string, number> = {
      '2026-11-20': 4,
      '2026-11-21': 0,
      '2026-11-22': 0,
      '2026-11-23': 3,
      '2026-11-24': 5,
      [TODAY]: 0,
    };
    for (const [day, count] of Object.entries(counts)) {
      await storeDay(db, day, parseDailyItems(makeDay(day, count), day, NOW).items, 0, NOW);
    }
  });
  afterEach(() => db.close());

  const days = (papers: Paper[]) => [...new Set(papers.map((p) => p.day))].sort();

  it('the latest view shows the most recent day with papers', async () => {
    const data = await loadView(db, { kind: 'latest' }, NOW);
    expect(data.latest?.date).toBe('2026-11-24');
    expect(data.papers).toHaveLength(5);
    expect(days(data.papers)).toEqual(['2026-11-24']);
    expect(data.bounds).toEqual(['2026-11-24', '2026-11-24']);
    expect(data.cached).toBe(true);
    expect(data.status).toEqual({ failures: 0 });
  });

  it('a day view of an empty weekend day shows no papers and points to the nearest earlier day with papers', async () => {
    const data = await loadView(db, { kind: 'day', day: '2026-11-22' }, NOW);
    expect(data.papers).toEqual([]);
    expect(data.day).toMatchObject({ date: '2026-11-22', status: 'empty' });
    expect(data.earlierWithPapers).toMatchObject({ date: '2026-11-20', count: 4 });
    expect(data.latest?.date).toBe('2026-11-24');
    expect(data.cached).toBe(true);
  });

  it('a day view with papers shows that day only', async () => {
    const data = await loadView(db, { kind: 'day', day: '2026-11-23' }, NOW);
    expect(data.papers).toHaveLength(3);
    expect(days(data.papers)).toEqual(['2026-11-23']);
    expect(data.earlierWithPapers).toBeUndefined();
  });

  it('a day never fetched is not cached, so the page asks for it', async () => {
    const data = await loadView(db, { kind: 'day', day: '2026-11-10' }, NOW);
    expect(data.papers).toEqual([]);
    expect(data.day).toBeUndefined();
    expect(data.cached).toBe(false);
  });

  it('a week view collects the papers of the days from Monday to Sunday', async () => {
    await storePapers(db, [paper('2611.90001', { day: '2026-11-29' }), paper('2611.90002', { day: '2026-11-30' })]);
    const data = await loadView(db, { kind: 'week', week: '2026-W48' }, NOW);
    expect(data.bounds).toEqual(['2026-11-23', '2026-11-29']);
    expect(data.papers).toHaveLength(3 + 5 + 1);
    expect(days(data.papers)).toEqual(['2026-11-23', '2026-11-24', '2026-11-29']);
  });

  it('a past week is cached once each of its days is, or once its listing was fetched', async () => {
    expect((await loadView(db, { kind: 'week', week: '2026-W47' }, NOW)).cached).toBe(false);
    await setMeta(db, 'range:week:2026-W47', NOW - 60_000);
    const data = await loadView(db, { kind: 'week', week: '2026-W47' }, NOW);
    expect(data.cached).toBe(true);
    expect(days(data.papers)).toEqual(['2026-11-20']);
  });

  it('a month view collects the papers of every day of the month and no other', async () => {
    await storePapers(db, [
      paper('2610.90001', { day: '2026-10-31' }),
      paper('2611.90001', { day: '2026-11-01' }),
      paper('2612.90001', { day: '2026-12-01' }),
    ]);
    const data = await loadView(db, { kind: 'month', month: '2026-11' }, NOW);
    expect(data.bounds).toEqual(['2026-11-01', '2026-11-30']);
    expect(data.papers).toHaveLength(1 + 4 + 3 + 5);
    expect(days(data.papers)).toEqual(['2026-11-01', '2026-11-20', '2026-11-23', '2026-11-24']);
  });

  it('an empty cache shows nothing and no latest day', async () => {
    const empty = createDb(`views-empty-${n++}`);
    const data = await loadView(empty, { kind: 'latest' }, NOW);
    expect(data.latest).toBeUndefined();
    expect(data.papers).toEqual([]);
    empty.close();
  });
});
