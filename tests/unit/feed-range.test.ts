import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RETRY_ALARM, scheduleRetry } from '@/lib/background/alarms';
import { addDays, utcDay } from '@/lib/core/dates';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { getStatus } from '@/lib/hf/gate';
import { refreshFeed } from '@/lib/hf/refresh';
import { fetchRange } from '@/lib/hf/range-fetch';
import { isRangeCached, isValidRange, rangeBounds, type FeedRange } from '@/lib/store/ranges';
import { storeDay } from '@/lib/store/papers';
import { clockTime } from '@/lib/core/format';
import { getMeta, setMeta } from '@/lib/store/meta-table';
import { loadView } from '@/lib/views/view';
import { makeDailyItem, makeDay, paperIdFor } from '../fixtures/papers';
import { FakeHf } from '../support/fake-hf';

const NOW = Date.parse('2026-11-25T15:00:00Z'); // Wednesday of 2026-W48
const TODAY = utcDay(NOW);
const MIN = 60_000;

let db: PapertabDB;
let hf: FakeHf;
let clock: number;
let n = 0;

beforeEach(async () => {
  db = createDb(`range-${n++}`);
  await db.open();
  hf = new FakeHf();
  clock = NOW;
});
afterEach(() => db.close());

const deps = () => ({ db, fetch: hf.fetch, now: () => clock, scheduleRetry });

async function recordDays(from: string, to: string) {
  for (let d = from; d <= to; d = addDays(d, 1)) await storeDay(db, d, [], 0, NOW);
}

describe('isValidRange and rangeBounds: which days a range covers', () => {
  it.each<[FeedRange, boolean]>([
    [{ date: '2026-11-24' }, true],
    [{ date: '2024-02-29' }, true],
    [{ date: '2025-02-29' }, false],
    [{ date: '2025-13-40' }, false],
    [{ week: '2026-W48' }, true],
    [{ week: '2026-W53' }, true],
    [{ week: '2025-W53' }, false],
    [{ week: '2026-W99' }, false],
    [{ month: '2026-11' }, true],
    [{ month: '2026-13' }, false],
    [{ month: '2026-1' }, false],
  ])('%j is valid: %s', (range, valid) => {
    expect(isValidRange(range)).toBe(valid);
  });

  it('gives the first and last day of a day, week or month', () => {
    expect(rangeBounds({ date: '2026-11-24' })).toEqual(['2026-11-24', '2026-11-24']);
    expect(rangeBounds({ week: '2026-W48' })).toEqual(['2026-11-23', '2026-11-29']);
    expect(rangeBounds({ week: '2026-W53' })).toEqual(['2026-12-28', '2027-01-03']);
    expect(rangeBounds({ month: '2024-02' })).toEqual(['2024-02-01', '2024-02-29']);
  });
});

describe('isRangeCached: when the new tab can answer without asking Hugging Face', () => {
  it('a day is cached once fetched, even when it had no papers', async () => {
    expect(await isRangeCached(db, { date: '2026-11-22' }, NOW)).toBe(false);
    await storeDay(db, '2026-11-22', [], 0, NOW);
    expect(await isRangeCached(db, { date: '2026-11-22' }, NOW)).toBe(true);
  });

  it('a range in the future has nothing to fetch', async () => {
    expect(await isRangeCached(db, { date: addDays(TODAY, 1) }, NOW)).toBe(true);
    expect(await isRangeCached(db, { week: '2026-W50' }, NOW)).toBe(true);
    expect(await isRangeCached(db, { month: '2026-12' }, NOW)).toBe(true);
  });

  it('a week is cached when every one of its days so far was fetched', async () => {
    await recordDays('2026-11-23', '2026-11-24');
    expect(await isRangeCached(db, { week: '2026-W48' }, NOW)).toBe(false);
    await recordDays(TODAY, TODAY);
    expect(await isRangeCached(db, { week: '2026-W48' }, NOW)).toBe(true);
  });

  it('a past week or month is cached once its listing was fetched, however long ago', async () => {
    expect(await isRangeCached(db, { week: '2026-W46' }, NOW)).toBe(false);
    expect(await isRangeCached(db, { month: '2026-10' }, NOW)).toBe(false);
    await setMeta(db, 'range:week:2026-W46', NOW - 30 * 86_400_000);
    await setMeta(db, 'range:month:2026-10', NOW - 30 * 86_400_000);
    expect(await isRangeCached(db, { week: '2026-W46' }, NOW)).toBe(true);
    expect(await isRangeCached(db, { month: '2026-10' }, NOW)).toBe(true);
    // Another week's listing says nothing about this one.
    expect(await isRangeCached(db, { week: '2026-W45' }, NOW)).toBe(false);
  });

  it('the week still filling up is listed again after 30 minutes', async () => {
    await setMeta(db, 'range:week:2026-W48', NOW - 10 * MIN);
    expect(await isRangeCached(db, { week: '2026-W48' }, NOW)).toBe(true);
    expect(await isRangeCached(db, { week: '2026-W48' }, NOW + 21 * MIN)).toBe(false);
    await setMeta(db, 'range:month:2026-11', NOW - 31 * MIN);
    expect(await isRangeCached(db, { month: '2026-11' }, NOW)).toBe(false);
  });
});

describe('fetchRange: a day, week or month fetched on demand', () => {
  it('a day is stored with its record and its papers', async () => {
    hf.days.set('2026-11-20', makeDay('2026-11-20', 6));
    expect(await fetchRange(deps(), { date: '2026-11-20' })).toEqual({ ok: true, message: '6 papers' });
    expect(hf.requestedDays()).toEqual(['2026-11-20']);
    expect(await db.days.get('2026-11-20')).toMatchObject({ status: 'ok', count: 6, fetchedAt: NOW });
    expect(await db.papers.where('day').equals('2026-11-20').count()).toBe(6);
    expect(await isRangeCached(db, { date: '2026-11-20' }, NOW)).toBe(true);
  });

  it('a day without papers is recorded as empty', async () => {
    expect(await fetchRange(deps(), { date: '2026-11-22' })).toEqual({ ok: true, message: 'No papers' });
    expect(await db.days.get('2026-11-22')).toMatchObject({ status: 'empty', count: 0 });
  });

  it('a week is listed in one go, its papers stored and the listing remembered', async () => {
    for (const day of ['2026-11-16', '2026-11-17', '2026-11-20']) hf.days.set(day, makeDay(day, 4));
    hf.days.set('2026-11-13', makeDay('2026-11-13', 4)); // the week before: not part of the answer

    expect(await fetchRange(deps(), { week: '2026-W47' })).toEqual({ ok: true, message: '12 papers' });
    expect(hf.requests).toHaveLength(1);
    expect(new URL(hf.requests[0]!).searchParams.get('week')).toBe('2026-W47');
    expect(await db.papers.count()).toBe(12);
    expect(await getMeta(db, 'range:week:2026-W47')).toBe(NOW);
    expect(await isRangeCached(db, { week: '2026-W47' }, NOW)).toBe(true);
  });

  it('a week listing keeps the day a paper is known under', async () => {
    // Featured on Friday 20 (its date= answer says so), submitted on Thursday evening.
    const item = makeDailyItem(paperIdFor('2026-11-20', 0), '2026-11-20', {
      paper: { submittedOnDailyAt: '2026-11-19T21:00:00.000Z', upvotes: 3 },
    });
    hf.days.set('2026-11-20', [item]);
    await fetchRange(deps(), { date: '2026-11-20' });

    hf.days.set('2026-11-20', [{ ...item, paper: { ...item.paper, upvotes: 30 } }]);
    await fetchRange(deps(), { week: '2026-W47' });
    expect(await db.papers.get(item.paper.id)).toMatchObject({ day: '2026-11-20', upvotes: 30 });
  });

  it('every paper a week listing returns shows in that week, even one submitted the Sunday before', async () => {
    // Featured on Monday 16 (first day of W47), submitted on Sunday evening (still W46 in UTC).
    const monday = makeDailyItem(paperIdFor('2026-11-16', 0), '2026-11-16', {
      paper: { submittedOnDailyAt: '2026-11-15T20:00:00.000Z' },
    });
    hf.days.set('2026-11-16', [monday, ...makeDay('2026-11-16', 3).slice(1)]);
    await fetchRange(deps(), { week: '2026-W47' });
    const data = await loadView(db, { kind: 'week', week: '2026-W47' }, NOW);
    expect(data.papers.map((p) => p.id).sort()).toEqual(
      hf.days
        .get('2026-11-16')!
        .map((i) => i.paper.id)
        .sort(),
    );
  });

  it('a month listing is stored and remembered, and shows every paper it returned', async () => {
    // Featured on Tuesday Dec 1, submitted on Monday Nov 30 evening.
    const first = makeDailyItem(paperIdFor('2026-12-01', 0), '2026-12-01', {
      paper: { submittedOnDailyAt: '2026-11-30T19:00:00.000Z' },
    });
    hf.days.set('2026-12-01', [first]);
    hf.days.set('2026-12-02', makeDay('2026-12-02', 2));
    hf.days.set('2026-11-30', makeDay('2026-11-30', 5)); // not December
    clock = Date.parse('2026-12-20T12:00:00Z');
    expect(await fetchRange(deps(), { month: '2026-12' })).toEqual({ ok: true, message: '3 papers' });
    expect(new URL(hf.requests[0]!).searchParams.get('month')).toBe('2026-12');
    expect(await getMeta(db, 'range:month:2026-12')).toBe(clock);
    const data = await loadView(db, { kind: 'month', month: '2026-12' }, clock);
    expect(data.papers).toHaveLength(3);
  });

  it('a 429 stops every request, this one and the background refresh, until Hugging Face said', async () => {
    hf.fault = { fault: { kind: 'status', status: 429, headers: { 'Retry-After': '600' } } };
    const reply = await fetchRange(deps(), { week: '2026-W46' });
    expect(reply).toEqual({
      ok: false,
      message: `Hugging Face asked us to slow down; next try at ${clockTime(NOW + 600_000)}.`,
    });
    expect(reply.message).toMatch(/next try at \d{1,2}:\d{2}/);
    const status = await getStatus(db);
    expect(status.rateLimitedUntil).toBe(NOW + 600_000);
    expect(status.nextAttemptAt).toBe(NOW + 600_000);
    expect(status.lastError).toMatchObject({ kind: 'rate-limited', at: NOW });
    expect((await fakeBrowser.alarms.get(RETRY_ALARM))?.scheduledTime).toBe(NOW + 600_000);

    hf.fault = undefined;
    hf.days.set('2026-11-20', makeDay('2026-11-20', 2));
    const requests = hf.requests.length;
    clock = NOW + 599_000;
    expect(await fetchRange(deps(), { date: '2026-11-20' })).toMatchObject({ ok: false });
    expect(await refreshFeed({ ...deps(), random: () => 1 }, 'manual')).toMatchObject({ kind: 'skipped' });
    expect(hf.requests).toHaveLength(requests);

    clock = NOW + 600_000;
    expect(await fetchRange(deps(), { date: '2026-11-20' })).toEqual({ ok: true, message: '2 papers' });
  });

  it('a server error answers in plain words and leaves the cache as it was', async () => {
    hf.days.set('2026-11-20', makeDay('2026-11-20', 3));
    await fetchRange(deps(), { date: '2026-11-20' });
    const papers = await db.papers.toArray();
    const days = await db.days.toArray();
    const status = await getStatus(db);

    hf.fault = { fault: { kind: 'status', status: 500 } };
    clock += 60 * MIN;
    for (const range of [{ date: '2026-11-20' }, { date: '2026-11-19' }, { week: '2026-W47' }, { month: '2026-11' }]) {
      expect(await fetchRange(deps(), range)).toEqual({ ok: false, message: 'Hugging Face answered HTTP 500.' });
    }
    expect(await db.papers.toArray()).toEqual(papers);
    expect(await db.days.toArray()).toEqual(days);
    expect(await getMeta(db, 'range:week:2026-W47')).toBeUndefined();
    expect(await getMeta(db, 'range:month:2026-11')).toBeUndefined();
    expect(await getStatus(db)).toEqual(status);
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  it('a range that does not exist is refused without a request', async () => {
    for (const range of [{ week: '2025-W53' }, { date: '2025-02-29' }, { month: '2026-00' }]) {
      expect(await fetchRange(deps(), range)).toMatchObject({ ok: false });
    }
    expect(hf.requests).toHaveLength(0);
  });

  it('garbage from the server is refused without touching the cache', async () => {
    hf.fault = { fault: { kind: 'garbage' } };
    expect(await fetchRange(deps(), { week: '2026-W47' })).toEqual({
      ok: false,
      message: 'Hugging Face sent a response we could not read.',
    });
    expect(await db.papers.count()).toBe(0);
  });
});
