import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RETRY_ALARM, scheduleRetry } from '@/lib/background/alarms';
import { addDays, utcDay } from '@/lib/core/dates';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { getStatus, recordRateLimit } from '@/lib/hf/gate';
import { daysToRefresh, refreshFeed, RECENT_DAYS } from '@/lib/hf/refresh';
import { FetchFailure } from '@/lib/hf/hf-api';
import type { DayRecord } from '@/lib/core/paper';
import { makeDailyItem, makeDay } from '../fixtures/papers';
import { FakeHf } from '../support/fake-hf';

const NOW = Date.parse('2026-11-25T15:00:00Z'); // a Wednesday
const TODAY = utcDay(NOW);

let db: PapertabDB;
let hf: FakeHf;
let clock: number;
let n = 0;

beforeEach(async () => {
  db = createDb(`refresh-${n++}`);
  await db.open();
  hf = new FakeHf();
  clock = NOW;
});
afterEach(() => db.close());

const deps = () => ({ db, fetch: hf.fetch, now: () => clock, random: () => 1, scheduleRetry });

function seedWeek() {
  // Weekend (Sat 22, Sun 23) empty, today not curated yet.
  for (const offset of [-1, -2, -5, -6, -7]) hf.days.set(addDays(TODAY, offset), makeDay(addDays(TODAY, offset), 12));
}

describe('first refresh after install', () => {
  it('fetches today and the 7 days before, newest first, and records weekends as empty days', async () => {
    seedWeek();
    const out = await refreshFeed(deps(), 'install');
    expect(out.kind).toBe('done');
    expect([...new Set(hf.requestedDays())]).toEqual(Array.from({ length: RECENT_DAYS }, (_, i) => addDays(TODAY, -i)));
    expect(await db.papers.count()).toBe(5 * 12);
    const days = await db.days.toArray();
    expect(days).toHaveLength(RECENT_DAYS);
    expect(days.find((d) => d.date === TODAY)?.status).toBe('empty');
    expect(days.find((d) => d.date === addDays(TODAY, -3))?.status).toBe('empty');
    expect(days.find((d) => d.date === addDays(TODAY, -1))).toMatchObject({ status: 'ok', count: 12 });
    const status = await getStatus(db);
    expect(status.lastSuccessAt).toBe(NOW);
    expect(status.lastError).toBeUndefined();
  });

  it('keeps the rest of a day when some items are malformed, and counts them', async () => {
    const day = addDays(TODAY, -1);
    hf.days.set(day, [...makeDay(day, 3), { paper: { id: 42 } } as never, 'junk' as never]);
    await refreshFeed(deps(), 'install');
    expect(await db.papers.where('day').equals(day).count()).toBe(3);
    expect(await db.days.get(day)).toMatchObject({ count: 3, dropped: 2 });
  });
});

describe('re-fetching a day', () => {
  it('updates upvotes and comments in place without duplicates or losing fields', async () => {
    const day = addDays(TODAY, -1);
    const first = makeDailyItem('2511.00001', day, { numComments: 1, paper: { upvotes: 3, ai_summary: 'One line.' } });
    hf.days.set(day, [first]);
    await refreshFeed(deps(), 'install');

    const again = makeDailyItem('2511.00001', day, { numComments: 9, paper: { upvotes: 40 } });
    delete again.paper.ai_summary;
    hf.days.set(day, [again]);
    clock += 60 * 60_000;
    await refreshFeed(deps(), 'alarm');

    expect(await db.papers.count()).toBe(1);
    const p = await db.papers.get('2511.00001');
    expect(p).toMatchObject({ upvotes: 40, numComments: 9, aiSummary: 'One line.', day });
  });

  it('a response that leaves text fields out (or sends them malformed) keeps what was known of them', async () => {
    const day = addDays(TODAY, -1);
    const first = makeDailyItem('2511.00002', day, {
      numComments: 4,
      paper: { upvotes: 12, ai_keywords: ['diffusion', 'video'] },
    });
    hf.days.set(day, [first]);
    await refreshFeed(deps(), 'install');
    const before = (await db.papers.get('2511.00002'))!;
    expect(before.authors.length).toBeGreaterThan(0);
    expect(before.summary).not.toBe('');

    // Counts are taken as sent: 0 can be true (an upvote withdrawn, a comment deleted).
    const sparse = makeDailyItem('2511.00002', day, { numComments: 0, paper: { upvotes: 0 } });
    const raw = sparse as unknown as { numComments?: unknown; summary?: unknown; paper: Record<string, unknown> };
    for (const key of ['summary', 'authors', 'ai_keywords']) delete raw.paper[key];
    delete raw.summary;
    raw.paper.authors = 'many';
    hf.days.set(day, [sparse]);
    clock += 60 * 60_000;
    await refreshFeed(deps(), 'alarm');

    const after = await db.papers.get('2511.00002');
    expect(after).toMatchObject({
      summary: before.summary,
      authors: before.authors,
      aiKeywords: ['diffusion', 'video'],
      title: sparse.paper.title,
      upvotes: 0,
      numComments: 0,
    });
  });
});

describe('a 429 recorded by another request while a refresh runs', () => {
  it('still binds after the refresh ends, whether it succeeded or failed', async () => {
    for (const fault of [undefined, { kind: 'status', status: 500 } as const]) {
      seedWeek();
      hf.fault = fault && { fault };
      let recorded = false;
      const fetchDuringRefresh: typeof fetch = async (input, init) => {
        // A search answered with 429 lands while this refresh is between requests.
        if (!recorded) {
          recorded = true;
          await recordRateLimit(db, new FetchFailure('rate-limited', '429', 429, 600_000), clock);
        }
        return hf.fetch(input, init);
      };
      clock += 60 * 60_000;
      await refreshFeed({ ...deps(), fetch: fetchDuringRefresh }, 'manual');
      const status = await getStatus(db);
      expect(status.rateLimitedUntil).toBe(clock + 600_000);
      expect(status.nextAttemptAt).toBeGreaterThanOrEqual(clock + 600_000);
      expect((await refreshFeed(deps(), 'manual')).kind).toBe('skipped');
      clock += 11 * 60_000;
    }
  });
});

describe('faults never touch the cache', () => {
  async function cached() {
    seedWeek();
    await refreshFeed(deps(), 'install');
    return { papers: await db.papers.toArray(), days: await db.days.toArray() };
  }

  it.each([
    ['HTTP 500', { kind: 'status', status: 500 } as const, 'http'],
    ['malformed JSON', { kind: 'garbage' } as const, 'malformed'],
    ['a network error', { kind: 'network' } as const, 'network'],
  ])('%s keeps cached papers, records the error and schedules a retry alarm', async (_, fault, kind) => {
    const before = await cached();
    clock += 60 * 60_000;
    hf.fault = { fault };
    const out = await refreshFeed(deps(), 'alarm');
    expect(out.kind).toBe('failed');
    expect(await db.papers.toArray()).toEqual(before.papers);
    expect(await db.days.toArray()).toEqual(before.days);
    const status = await getStatus(db);
    expect(status.lastError?.kind).toBe(kind);
    expect(status.lastSuccessAt).toBe(NOW);
    expect(status.failures).toBe(1);
    const alarm = await fakeBrowser.alarms.get(RETRY_ALARM);
    expect(alarm?.scheduledTime).toBe(status.nextAttemptAt);
  });

  it('a day whose every item is malformed is a failed fetch, not an empty day', async () => {
    const before = await cached();
    hf.days.set(addDays(TODAY, -1), [{ nope: true } as never]);
    clock += 60 * 60_000;
    const out = await refreshFeed(deps(), 'alarm');
    expect(out.kind).toBe('failed');
    expect(await db.days.get(addDays(TODAY, -1))).toEqual(before.days.find((d) => d.date === addDays(TODAY, -1)));
  });
});

describe('backoff', () => {
  it('waits exponentially longer after each failure, and automatic refreshes respect it', async () => {
    hf.fault = { fault: { kind: 'status', status: 503 } };
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const out = await refreshFeed(deps(), 'retry');
      if (out.kind !== 'failed') throw new Error('expected failure');
      delays.push(out.nextAttemptAt - clock);
      // Woken early (periodic alarm): no request is made.
      const count = hf.requests.length;
      expect((await refreshFeed(deps(), 'alarm')).kind).toBe('skipped');
      expect(hf.requests.length).toBe(count);
      clock = out.nextAttemptAt;
    }
    // random() = 1 gives the full delay: 1, 2, 4, 8 minutes.
    expect(delays).toEqual([60_000, 120_000, 240_000, 480_000]);
  });

  it('jitters the delay between half and all of it', async () => {
    hf.fault = { fault: { kind: 'status', status: 500 } };
    const out = await refreshFeed({ ...deps(), random: () => 0 }, 'alarm');
    expect(out.kind === 'failed' && out.nextAttemptAt - clock).toBe(30_000);
  });

  it('a manual refresh may try during backoff, and success clears the error and the retry alarm', async () => {
    seedWeek();
    hf.fault = { fault: { kind: 'status', status: 500 } };
    await refreshFeed(deps(), 'alarm');
    hf.fault = undefined;
    clock += 1000;
    expect((await refreshFeed(deps(), 'manual')).kind).toBe('done');
    const status = await getStatus(db);
    expect(status).toMatchObject({ failures: 0, lastSuccessAt: clock });
    expect(status.lastError).toBeUndefined();
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });
});

describe('429: wait as long as the server says', () => {
  it('honours Retry-After even when woken earlier, manual refresh included', async () => {
    hf.fault = { fault: { kind: 'status', status: 429, headers: { 'Retry-After': '600' } } };
    const out = await refreshFeed(deps(), 'alarm');
    expect(out.kind).toBe('failed');
    const status = await getStatus(db);
    expect(status.rateLimitedUntil).toBe(NOW + 600_000);
    expect((await fakeBrowser.alarms.get(RETRY_ALARM))?.scheduledTime).toBe(NOW + 600_000);

    hf.fault = undefined;
    seedWeek();
    const count = hf.requests.length;
    for (const reason of ['alarm', 'startup', 'retry', 'manual'] as const) {
      clock = NOW + 599_000;
      expect(await refreshFeed(deps(), reason)).toMatchObject({ kind: 'skipped', reason: 'rate-limited' });
    }
    expect(hf.requests.length).toBe(count);

    clock = NOW + 600_000;
    expect((await refreshFeed(deps(), 'retry')).kind).toBe('done');
    expect(await db.papers.count()).toBeGreaterThan(0);
  });

  it('reads the RateLimit header when there is no Retry-After', async () => {
    hf.fault = { fault: { kind: 'status', status: 429, headers: { RateLimit: '"api";r=0;t=120' } } };
    await refreshFeed(deps(), 'alarm');
    expect((await getStatus(db)).rateLimitedUntil).toBe(NOW + 120_000);
  });

  it('assumes the 5-minute window when the server names no wait', async () => {
    hf.fault = { fault: { kind: 'status', status: 429 } };
    await refreshFeed(deps(), 'alarm');
    expect((await getStatus(db)).rateLimitedUntil).toBe(NOW + 300_000);
  });
});

describe('which days a refresh fetches', () => {
  const rec = (date: string, fetchedAt: number): DayRecord => ({ date, status: 'ok', count: 1, dropped: 0, fetchedAt });

  it('always the last three days, older ones only when missing or stale', () => {
    const known = new Map<string, DayRecord>();
    for (let i = 0; i < RECENT_DAYS; i++) known.set(addDays(TODAY, -i), rec(addDays(TODAY, -i), NOW - 60_000));
    known.delete(addDays(TODAY, -6));
    known.set(addDays(TODAY, -5), rec(addDays(TODAY, -5), NOW - 7 * 3_600_000));
    expect(daysToRefresh(TODAY, known, NOW)).toEqual([
      TODAY,
      addDays(TODAY, -1),
      addDays(TODAY, -2),
      addDays(TODAY, -5),
      addDays(TODAY, -6),
    ]);
  });
});

describe('a refresh stopped half-way', () => {
  it('leaves whole days only, and the next refresh completes the rest', async () => {
    seedWeek();
    // The worker dies while fetching the 4th day: simulated by a fetch that never returns.
    let calls = 0;
    let stuck!: () => void;
    const reachedStuckDay = new Promise<void>((resolve) => (stuck = resolve));
    const dying: typeof fetch = (input, init) => {
      if (new URL(String(input)).searchParams.get('date') === addDays(TODAY, -5)) {
        stuck();
        return new Promise(() => {}); // never settles, like a worker stopped mid-request
      }
      calls++;
      return hf.fetch(input, init);
    };
    void refreshFeed({ ...deps(), fetch: dying }, 'alarm');
    // Days are fetched and stored one after another: once the stuck day is asked for, every day
    // before it has been written, and nothing more will be.
    await reachedStuckDay;
    expect(calls).toBeGreaterThan(0);
    const partial = await db.days.toArray();
    expect(
      partial
        .map((d) => d.date)
        .sort()
        .reverse(),
    ).toEqual([TODAY, addDays(TODAY, -1), addDays(TODAY, -2), addDays(TODAY, -3), addDays(TODAY, -4)]);
    for (const d of partial) expect(await db.papers.where('day').equals(d.date).count()).toBe(d.count);

    const out = await refreshFeed(deps(), 'startup');
    expect(out.kind).toBe('done');
    expect(await db.days.count()).toBe(RECENT_DAYS);
    expect(await db.papers.count()).toBe(5 * 12);
  });
});
