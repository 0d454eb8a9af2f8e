import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ARCHIVE_ALARM } from '@/lib/background/alarms';
import { createArchiveRunner } from '@/lib/background/archive-runner';
import fc from 'fast-check';
import { scheduleRetry } from '@/lib/background/alarms';
import { ARCHIVE_BUDGET, ARCHIVE_WINDOW_MS, estimateArchive, type ArchiveState } from '@/lib/core/archive';
import { addDays } from '@/lib/core/dates';
import { archiveStep, runArchive } from '@/lib/hf/archive';
import { getStatus } from '@/lib/hf/gate';
import { refreshFeed } from '@/lib/hf/refresh';
import { ensureArchive, getArchive, stopArchive, takeRequestSlot } from '@/lib/store/archive-store';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { getMeta, setMeta } from '@/lib/store/meta-table';
import { storeDay } from '@/lib/store/papers';
import { newSaved } from '@/lib/reading-list/list';
import { makeDay, paperIdFor } from '../fixtures/papers';
import { FakeHf } from '../support/fake-hf';

// The archive then spans three months: 2023-07 back to 2023-05 (the first month with papers).
const NOW = Date.parse('2023-07-12T10:00:00Z');
const MIN = 60_000;

let db: PapertabDB;
let hf: FakeHf;
let clock: number;
let name: string;
let n = 0;

/** Five papers a day from 2023-05-04 to 2023-07-11: 140 to 155 a month, so two pages each. */
function fillArchive(perDay = 5): string[] {
  const ids: string[] = [];
  for (let d = '2023-05-04'; d <= '2023-07-11'; d = addDays(d, 1)) {
    hf.days.set(d, makeDay(d, perDay));
    for (let i = 0; i < perDay; i++) ids.push(paperIdFor(d, i));
  }
  return ids;
}

beforeEach(async () => {
  name = `archive-${n++}`;
  db = createDb(name);
  await db.open();
  hf = new FakeHf();
  clock = NOW;
});
afterEach(() => db.close());

const deps = () => ({ db, fetch: hf.fetch, now: () => clock, scheduleRetry, random: () => 1 });
const monthRequests = () => hf.requests.filter((r) => new URL(r).searchParams.has('month'));
const asked = (r: string) => {
  const q = new URL(r).searchParams;
  return `${q.get('month')}#${q.get('p')}`;
};

/** Runs until the archive is done, stepping the clock past every wait. */
async function runToEnd(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const next = await runArchive(deps());
    const s = await getArchive(db);
    if (s?.status === 'done') return;
    if (next !== undefined) clock = Math.max(clock, next);
  }
  throw new Error('archive did not finish');
}

describe('archive: every month, newest first, once', () => {
  it('lists every month with month= and p/limit=100, newest month first, and stores every paper', async () => {
    const ids = fillArchive();
    await runToEnd();
    expect(monthRequests().map(asked)).toEqual(['2023-07#0', '2023-06#0', '2023-06#1', '2023-05#0', '2023-05#1']);
    for (const r of monthRequests()) expect(new URL(r).searchParams.get('limit')).toBe('100');
    expect((await db.papers.toCollection().primaryKeys()).sort()).toEqual([...ids].sort());
    const state = (await getArchive(db))!;
    expect(state).toMatchObject({ status: 'done', monthsDone: 3, monthsTotal: 3, papers: ids.length });
    // Each month is listed whole: the views answer for it from the cache.
    expect(await getMeta(db, 'range:month:2023-05')).toBe(NOW);
  });

  it('running it twice adds nothing and asks nothing more', async () => {
    fillArchive();
    await runToEnd();
    const before = await db.papers.toArray();
    const requests = hf.requests.length;
    await runArchive(deps());
    expect(hf.requests.length).toBe(requests);
    // Even started afresh (state forgotten, papers kept), it merges the same papers: nothing new.
    await stopArchive(db, false);
    await runToEnd();
    expect(await db.papers.count()).toBe(before.length);
    expect((await db.papers.toArray()).map((p) => [p.id, p.title, p.day])).toEqual(
      before.map((p) => [p.id, p.title, p.day]),
    );
  });

  it('resumes from its stored cursor after the worker is stopped, mid-request included', async () => {
    const ids = fillArchive();
    // Two pages stored, then the third request never answers: the worker is stopped while it waits.
    let calls = 0;
    const hanging: typeof fetch = (input, init) => {
      if (++calls <= 2) return hf.fetch(input, init);
      hf.requests.push(String(input));
      return new Promise(() => {});
    };
    void runArchive({ ...deps(), fetch: hanging });
    await expect.poll(() => calls).toBe(3);
    db.close();
    // A new worker: a new connection, nothing in memory.
    db = createDb(name);
    await db.open();
    expect((await getArchive(db))!.cursor).toEqual({ month: '2023-06', page: 1 });
    await runToEnd();
    // Only the page in flight is asked twice.
    expect(monthRequests().map(asked)).toEqual([
      '2023-07#0',
      '2023-06#0',
      '2023-06#1',
      '2023-06#1',
      '2023-05#0',
      '2023-05#1',
    ]);
    expect(await db.papers.count()).toBe(ids.length);
  });

  it('estimates the whole archive before it starts: papers, bytes, requests, minutes at the budget', () => {
    const e = estimateArchive(Date.parse('2026-11-30T12:00:00Z'));
    expect(e.papers).toBeGreaterThan(15_000);
    expect(e.papers).toBeLessThan(25_000);
    expect(e.bytes / e.papers).toBeGreaterThan(2000);
    expect(e.requests).toBeGreaterThan(e.papers / 100);
    // About 800 requests: the months before 2025-03 are read day by day (about 670 days), the
    // others a page per 100 papers; five full budgets, each followed by a 5-minute wait.
    expect(e.requests).toBeGreaterThan(700);
    expect(e.requests).toBeLessThan(900);
    expect(e.minutes).toBeGreaterThanOrEqual(25);
    expect(e.minutes).toBeLessThan(40);
  });
});

describe('archive: its request budget, 150 in any 5 minutes', () => {
  it('never grants more than 150 requests in any 5-minute window, whatever the timing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 400 }),
        async (gaps) => {
          await db.meta.delete('archiveRequests');
          const granted: number[] = [];
          let t = NOW;
          for (const gap of gaps) {
            t += gap;
            if ((await takeRequestSlot(db, t)).ok) granted.push(t);
          }
          for (const start of granted) {
            expect(granted.filter((x) => x >= start && x < start + ARCHIVE_WINDOW_MS).length).toBeLessThanOrEqual(
              ARCHIVE_BUDGET,
            );
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps the budget across a worker restart, and says when the next request may go', async () => {
    fillArchive();
    for (let i = 0; i < ARCHIVE_BUDGET; i++) expect((await takeRequestSlot(db, NOW - 4 * MIN + i)).ok).toBe(true);
    db.close();
    db = createDb(name);
    await db.open();
    await ensureArchive(db, '2023-07', NOW);
    const step = await archiveStep(deps());
    expect(step).toEqual({ kind: 'wait', until: NOW - 4 * MIN + ARCHIVE_WINDOW_MS });
    expect(hf.requests).toEqual([]);
    // A request leaves the window: one more may go.
    clock = NOW + MIN;
    expect((await archiveStep(deps())).kind).toBe('stored');
    expect(monthRequests()).toHaveLength(1);
  });
});

describe('archive: faults', () => {
  it('obeys a 429: waits as long as Hugging Face says, binds the refresh too, then goes on', async () => {
    const ids = fillArchive();
    hf.fault = {
      fault: { kind: 'status', status: 429, headers: { 'retry-after': '120' } },
      match: /month=2023-06&p=1/,
    };
    const until = await runArchive(deps());
    expect(until).toBe(NOW + 120_000);
    expect((await getStatus(db)).rateLimitedUntil).toBe(NOW + 120_000);
    expect((await getArchive(db))!.cursor).toEqual({ month: '2023-06', page: 1 });
    // Before that time nothing asks: not the archive, not the refresh.
    const count = hf.requests.length;
    clock = NOW + 60_000;
    expect(await archiveStep(deps())).toEqual({ kind: 'wait', until: NOW + 120_000 });
    expect((await refreshFeed({ ...deps() }, 'alarm')).kind).toBe('skipped');
    expect(hf.requests.length).toBe(count);
    hf.fault = undefined;
    clock = NOW + 120_000;
    await runToEnd();
    expect(await db.papers.count()).toBe(ids.length);
  });

  it('a page that is not a list changes nothing and backs off; valid items of a mixed page are kept', async () => {
    fillArchive();
    hf.fault = { fault: { kind: 'garbage' }, match: /month=2023-07/ };
    const until = await runArchive(deps());
    const state = (await getArchive(db))!;
    expect(state.cursor).toEqual({ month: '2023-07', page: 0 });
    expect(state.failures).toBe(1);
    expect(state.lastError?.kind).toBe('malformed');
    expect(until).toBe(NOW + MIN);
    expect(await db.papers.count()).toBe(0);
    // A network drop backs off longer; the cursor stays.
    hf.fault = { fault: { kind: 'network' } };
    clock = until!;
    expect(await runArchive(deps())).toBe(clock + 2 * MIN);
    // Back online, one bad item in a month: the rest is stored, the bad one counted.
    hf.fault = undefined;
    const july = hf.days.get('2023-07-03')!;
    (july[0]!.paper as { title: unknown }).title = 42;
    (july[0] as { title: unknown }).title = 42;
    clock += 2 * MIN;
    await runToEnd();
    const done = (await getArchive(db))!;
    expect(done.dropped).toBe(1);
    expect(done.failures).toBe(0);
    expect(done.lastError).toBeUndefined();
  });
});

describe('archive: turning it off', () => {
  async function archiveWithSavedAndRecent() {
    fillArchive();
    await runToEnd();
    // A day the regular refresh keeps, and a saved paper from the archive.
    const recent = await db.papers.bulkGet([0, 1, 2, 3, 4].map((i) => paperIdFor('2023-07-11', i)));
    await storeDay(
      db,
      '2023-07-11',
      recent.map((p) => p!),
      0,
      NOW,
    );
    const savedPaper = (await db.papers.get(paperIdFor('2023-05-10', 2)))!;
    await db.saved.put(newSaved(savedPaper, NOW));
  }

  it('drop: removes what it fetched, never the reading list, saved papers or the days the refresh keeps', async () => {
    await archiveWithSavedAndRecent();
    const saved = await db.saved.toArray();
    const dropped = await stopArchive(db, true);
    const left = (await db.papers.toCollection().primaryKeys()).sort();
    expect(left).toEqual(
      [paperIdFor('2023-05-10', 2), ...[0, 1, 2, 3, 4].map((i) => paperIdFor('2023-07-11', i))].sort(),
    );
    expect(dropped).toBeGreaterThan(300);
    expect(await db.saved.toArray()).toEqual(saved);
    expect(await getArchive(db)).toBeUndefined();
  });

  it('keep: leaves every paper', async () => {
    await archiveWithSavedAndRecent();
    const count = await db.papers.count();
    expect(await stopArchive(db, false)).toBe(0);
    expect(await db.papers.count()).toBe(count);
    expect(await getArchive(db)).toBeUndefined();
  });

  it('a paused archive asks nothing', async () => {
    fillArchive();
    await setMeta(db, 'archive', {
      status: 'paused',
      cursor: { month: '2023-07', page: 0 },
      stopAt: '2023-05',
      monthsTotal: 3,
      monthsDone: 0,
      papers: 0,
      pages: 0,
      dropped: 0,
      startedAt: NOW,
      failures: 0,
    } satisfies ArchiveState);
    expect(await runArchive(deps())).toBeUndefined();
    expect(hf.requests).toEqual([]);
  });
});

describe('archive: a full disk (issue 18)', () => {
  const quota = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

  it('is recorded as a full disk, not a network fault, and the archive comes back later', async () => {
    fillArchive();
    await ensureArchive(db, '2023-07', NOW);
    const spy = vi.spyOn(db.papers, 'bulkPut').mockRejectedValue(quota());
    const step = await archiveStep(deps());
    spy.mockRestore();
    expect(step.kind).toBe('wait');
    const s = (await getArchive(db))!;
    expect(s.lastError).toMatchObject({ kind: 'disk-full', message: expect.stringMatching(/disk is full/) });
    expect(s.nextAttemptAt).toBeGreaterThan(NOW);
  });

  it('when even that record cannot be written, the alarm is armed again', async () => {
    fillArchive();
    await ensureArchive(db, '2023-07', NOW);
    await fakeBrowser.alarms.clearAll();
    const spy = vi.spyOn(db, 'transaction').mockRejectedValue(quota());
    const runner = createArchiveRunner(deps(), async () => true);
    await runner.run();
    spy.mockRestore();
    expect(await fakeBrowser.alarms.get(ARCHIVE_ALARM)).toBeDefined();
  });
});
