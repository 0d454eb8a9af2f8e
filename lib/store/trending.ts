/**
 * Hugging Face's trending order of a day, week or month, as the background cached it: read by the
 * pages (live), applied to the papers the view shows. Offline, the last order fetched is
 * shown, with when it was fetched.
 */
import type { Paper } from '../core/paper';
import type { TrendingOrder } from '../core/extras';
import type { FeedRange } from './ranges';
import type { StoreReads } from './reads';

/** An order older than this is asked for again (when online and Trending is chosen). */
export const TRENDING_STALE_MS = 30 * 60_000;

export function trendingKey(range: FeedRange): `trending:${string}` {
  if ('date' in range) return `trending:date:${range.date}`;
  if ('week' in range) return `trending:week:${range.week}`;
  return `trending:month:${range.month}`;
}

/** Pages read it raw (lib/store/raw-read.ts `readStore`). */
export function readTrending(reads: StoreReads, range: FeedRange): Promise<TrendingOrder | undefined> {
  return reads.meta(trendingKey(range));
}

/** Papers in the trending order; those it does not rank (arrived since) follow in the order given. */
export function orderByTrending(papers: Paper[], ids: readonly string[]): Paper[] {
  const rank = new Map(ids.map((id, i) => [id, i]));
  const at = (p: Paper) => rank.get(p.id) ?? Number.MAX_SAFE_INTEGER;
  // Array.prototype.sort is stable: unranked papers keep their upvote order.
  return [...papers].sort((a, b) => at(a) - at(b));
}

export function isTrendingStale(order: TrendingOrder | undefined, nowMs: number): boolean {
  return !order || Math.abs(nowMs - order.fetchedAt) >= TRENDING_STALE_MS;
}
