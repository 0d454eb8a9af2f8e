/**
 * One refresh of the feed: fetch the days that need it, newest first, store each in its own
 * transaction, and record the outcome. Safe to stop at any point and to run again: a day is either
 * fully written or untouched, and what still needs fetching is recomputed from storage each time.
 * Faults never delete or overwrite cached papers.
 */
import { backoffDelayMs } from './backoff';
import { getStatus, recordRateLimit, type HfRequestDeps } from './gate';
import { daysBetween, recentDays, utcDay } from '../core/dates';
import type { PapertabDB } from '../store/db';
import { latestDayWithPapers, storeDay } from '../store/papers';
import { fetchDailyPapers, FetchFailure } from './hf-api';
import { t } from '../core/i18n';
import { setMeta, type FetchErrorInfo, type RefreshStatus } from '../store/meta-table';
import type { DayRecord } from '../core/paper';

/** Today and the 7 days before it: enough for a full first new tab even over a weekend. */
export const RECENT_DAYS = 8;
/** Days this young are always re-fetched: curation lands late and upvotes move fast. */
const ALWAYS_REFRESH_AGE_DAYS = 2;
/** Older recent days are re-fetched at most this often, to follow their upvotes. */
const OLDER_DAY_STALE_MS = 6 * 60 * 60_000;

export type RefreshReason = 'install' | 'startup' | 'alarm' | 'retry' | 'manual';

export type RefreshOutcome =
  | { kind: 'done'; days: DayRecord[] }
  | { kind: 'skipped'; reason: 'rate-limited' | 'backing-off'; until: number }
  | { kind: 'failed'; error: FetchErrorInfo; nextAttemptAt: number };

export interface RefreshDeps extends HfRequestDeps {
  random?: () => number;
  timeoutMs?: number;
  /** Arms (or with undefined, clears) the one-shot retry alarm: the refresh always has one. */
  scheduleRetry: (at: number | undefined) => Promise<void>;
}

/** Which days a refresh fetches, newest first. */
export function daysToRefresh(today: string, known: Map<string, DayRecord>, nowMs: number): string[] {
  return recentDays(today, RECENT_DAYS).filter((day) => {
    const rec = known.get(day);
    if (!rec) return true;
    if (daysBetween(day, today) <= ALWAYS_REFRESH_AGE_DAYS) return true;
    return nowMs - rec.fetchedAt > OLDER_DAY_STALE_MS;
  });
}

export async function refreshFeed(deps: RefreshDeps, reason: RefreshReason): Promise<RefreshOutcome> {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const status = await getStatus(db);
  const t0 = now();

  // A 429 binds every caller, the user's Refresh button included: HF said when to come back.
  if (status.rateLimitedUntil && status.rateLimitedUntil > t0) {
    await deps.scheduleRetry(status.rateLimitedUntil);
    return { kind: 'skipped', reason: 'rate-limited', until: status.rateLimitedUntil };
  }
  // Backoff after errors binds automatic refreshes; a person pressing Refresh may try now.
  if (reason !== 'manual' && status.nextAttemptAt && status.nextAttemptAt > t0) {
    await deps.scheduleRetry(status.nextAttemptAt);
    return { kind: 'skipped', reason: 'backing-off', until: status.nextAttemptAt };
  }

  await setMeta(db, 'refreshStatus', { ...status, lastAttemptAt: t0 });
  const known = new Map((await db.days.toArray()).map((d) => [d.date, d]));
  const written: DayRecord[] = [];
  // Filling an empty cache (a new install, a cleared cache) is no arrival of a week of papers:
  // only its newest day with papers counts for the badge, as it always has.
  const firstFill = !(await latestDayWithPapers(db));
  let counting = true;
  try {
    for (const day of daysToRefresh(utcDay(t0), known, t0)) {
      const result = await fetchDailyPapers({ date: day }, { fetch: deps.fetch, now, timeoutMs: deps.timeoutMs });
      if (result.papers.length === 0 && result.dropped > 0) {
        throw new FetchFailure('malformed', t('errNoneReadable', result.dropped, day));
      }
      const record = await storeDay(db, day, result.papers, result.dropped, now(), { arrivals: counting });
      written.push(record);
      if (firstFill && record.count > 0) counting = false;
    }
  } catch (err) {
    const failure =
      err instanceof FetchFailure ? err : new FetchFailure('network', (err as Error)?.message ?? String(err));
    const at = now();
    const failures = status.failures + 1;
    const error: FetchErrorInfo = { kind: failure.kind, message: failure.message, at };
    if (failure.kind === 'rate-limited') {
      const until = await recordRateLimit(db, failure, at, { lastAttemptAt: t0, failures });
      await deps.scheduleRetry(until);
      return { kind: 'failed', error, nextAttemptAt: until };
    }
    const next = await finishStatus(db, {
      ...status,
      lastAttemptAt: t0,
      lastError: error,
      failures,
      nextAttemptAt: at + backoffDelayMs(failures, deps.random),
    });
    await deps.scheduleRetry(next.nextAttemptAt);
    return { kind: 'failed', error, nextAttemptAt: next.nextAttemptAt! };
  }
  const done = await finishStatus(db, { lastSuccessAt: now(), lastAttemptAt: t0, failures: 0 });
  await deps.scheduleRetry(done.nextAttemptAt);
  return { kind: 'done', days: written };
}

/**
 * Writes a refresh's outcome. A 429 recorded meanwhile (a search, a save, a range answered while
 * this refresh ran) still binds: its wait is kept, never overwritten by this refresh's older copy.
 */
async function finishStatus(db: PapertabDB, next: RefreshStatus): Promise<RefreshStatus> {
  return db.transaction('rw', db.meta, async () => {
    const latest = await getStatus(db);
    const out: RefreshStatus = { ...next };
    delete out.rateLimitedUntil;
    if (latest.rateLimitedUntil && latest.rateLimitedUntil > (next.lastAttemptAt ?? 0)) {
      out.rateLimitedUntil = latest.rateLimitedUntil;
      out.nextAttemptAt = Math.max(out.nextAttemptAt ?? 0, latest.rateLimitedUntil);
      if (latest.lastError) out.lastError ??= latest.lastError;
    }
    await setMeta(db, 'refreshStatus', out);
    return out;
  });
}
