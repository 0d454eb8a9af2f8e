/**
 * Days, weeks and months the user navigates to: served from the cache, fetched on demand (through
 * the background) when the cache lacks them, and cached.
 */
import type { PapertabDB } from './db';
import { storeDay, storePapers } from './feed-store';
import { getStatus, recordRateLimit } from './feed-refresh';
import { fetchDailyPapers, FetchFailure } from './hf-api';
import { setMeta } from './meta';
import { isValidRange, rangeBounds, rangeKey, type FeedRange } from './ranges';
import { clockTime } from './format';
import { t } from './i18n';

export { isRangeCached, isValidRange, rangeBounds, rangeKey, type FeedRange } from './ranges';

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
      const until = await recordRateLimit(db, failure, now());
      await deps.scheduleRetry(until);
      return { ok: false, message: t('replyRateLimited', clockTime(until)) };
    }
    return { ok: false, message: t('errorSentence', failure.message) };
  }
}
