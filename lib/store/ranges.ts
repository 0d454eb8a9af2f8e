/**
 * Days, weeks and months as ranges of the cache: what they span and whether the cache can answer
 * for them. Pages import this; the fetching (`hf/range-fetch.ts`) stays in the background.
 */
import { addDays, isDay, isWeek, monthDays, MONTH_RE, utcDay, weekDays } from '../core/dates';
import type { PapertabDB } from './db';
import { dexieReads, type StoreReads } from './reads';

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
export function isRangeCached(db: PapertabDB, range: FeedRange, nowMs: number): Promise<boolean> {
  return rangeCachedIn(dexieReads(db), range, nowMs);
}

/** `isRangeCached`, over either way of reading the store (lib/store/reads.ts). */
export async function rangeCachedIn(reads: StoreReads, range: FeedRange, nowMs: number): Promise<boolean> {
  const today = utcDay(nowMs);
  const [start, end] = rangeBounds(range);
  if (start > today) return true; // the future has no papers to fetch
  const last = end < today ? end : today;
  const days = await reads.dayDates(start, last);
  let allDays = true;
  for (let d = start; d <= last; d = addDays(d, 1)) if (!days.includes(d)) allDays = false;
  if (allDays || 'date' in range) return allDays;
  const fetchedAt = await reads.meta(rangeKey(range));
  if (fetchedAt === undefined) return false;
  // A past range is final enough; one that includes recent days is re-listed now and then.
  return end < addDays(today, -2) || nowMs - fetchedAt < OPEN_RANGE_STALE_MS;
}
