/**
 * Days, weeks and months the user navigates to: served from the cache, fetched on demand (through
 * the background) when the cache lacks them, and cached.
 */
import { addDays, isDay, isWeek, monthDays, MONTH_RE, utcDay, weekDays } from './dates';
import type { PapertabDB } from './db';
import { storeDay, storePapers } from './feed-store';
import { getStatus } from './feed-refresh';
import { fetchDailyPapers, FetchFailure } from './hf-api';
import { DEFAULT_RATE_LIMIT_WAIT_MS } from './backoff';
import { getMeta, setMeta } from './meta';
import { clockTime } from './format';
import { t } from './i18n';

export type FeedRange = { date: string } | { week: string } | { month: string };

/** A range that is still filling up is re-fetched when its listing is older than this. */
const OPEN_RANGE_STALE_MS = 30 * 60_000;

export function isValidRange(range: FeedRange): boolean {
  if ('date' in range) return isDay(range.date);
  if ('week' in range) return isWeek(range.week);
  return MONTH_RE.test(range.month);
}

/** First and last day of the range. */
export function rangeBounds(range: FeedRange): [string, string] {
  if ('date' in range) return [range.date, range.date];
  if ('week' in range) return weekDays(range.week);
  return monthDays(range.month);
}

export function rangeKey(range: FeedRange): `range:${string}` {
  if ('date' in range) return `range:date:${range.date}`;
  if ('week' in range) return `range:week:${range.week}`;
  return `range:month:${range.month}`;
}

/** True when the cache can answer for the range without asking Hugging Face. */
export async function isRangeCached(db: PapertabDB, range: FeedRange, nowMs: number): Promise<boolean> {
  const today = utcDay(nowMs);
  const [start, end] = rangeBounds(range);
  if (start > today) return true; // the future has no papers to fetch
  const last = end < today ? end : today;
  const days = await db.days.where('date').between(start, last, true, true).primaryKeys();
  let allDays = true;
  for (let d = start; d <= last; d = addDays(d, 1)) if (!days.includes(d)) allDays = false;
  if (allDays || 'date' in range) return allDays;
  const fetchedAt = await getMeta(db, rangeKey(range));
  if (fetchedAt === undefined) return false;
  // A past range is final enough; one that includes recent days is re-listed now and then.
  return end < addDays(today, -2) || nowMs - fetchedAt < OPEN_RANGE_STALE_MS;
}

export interface RangeReply {
  ok: boolean;
  message: string;
}

/** Fetches a range into the cache. A 429 here binds the background refresh too. */
export async function fetchRange(
  deps: {
    db: PapertabDB;
    fetch?: typeof fetch;
    now?: () => number;
    scheduleRetry: (at: number | undefined) => Promise<void>;
  },
  range: FeedRange,
): Promise<RangeReply> {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  // Callers validate too; this keeps a week that does not exist (2025-W53) from ever reaching the network.
  if (!isValidRange(range)) return { ok: false, message: t('replyNoSuchRange') };
  const status = await getStatus(db);
  if (status.rateLimitedUntil && status.rateLimitedUntil > now()) {
    return { ok: false, message: t('replyRateLimited', clockTime(status.rateLimitedUntil)) };
  }
  try {
    const result = await fetchDailyPapers(range, { fetch: deps.fetch, now });
    if ('date' in range) await storeDay(db, range.date, result.papers, result.dropped, now());
    else {
      // A listing names no day per paper, only timestamps whose day boundary is not UTC midnight: a
      // Monday paper submitted on Sunday evening would land in the week before. Every paper listed
      // belongs to the range, so its day is kept inside it (a `date=` answer, when known, still wins).
      const [first, last] = rangeBounds(range);
      const within = (day: string) => (day < first ? first : day > last ? last : day);
      await storePapers(
        db,
        result.papers.map((p) => ({ ...p, day: within(p.day) })),
      );
      await setMeta(db, rangeKey(range), now());
    }
    return {
      ok: true,
      message: result.papers.length ? t('replyRangePapers', result.papers.length) : t('replyRangeEmpty'),
    };
  } catch (err) {
    const failure = err instanceof FetchFailure ? err : new FetchFailure('network', String(err));
    if (failure.kind === 'rate-limited') {
      const until = now() + (failure.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS);
      const latest = await getStatus(db);
      await setMeta(db, 'refreshStatus', {
        ...latest,
        lastError: { kind: failure.kind, message: failure.message, at: now() },
        nextAttemptAt: Math.max(until, latest.nextAttemptAt ?? 0),
        rateLimitedUntil: until,
      });
      await deps.scheduleRetry(until);
      return { ok: false, message: t('replyRateLimited', clockTime(until)) };
    }
    return { ok: false, message: t('errorSentence', failure.message) };
  }
}
