/**
 * Days, weeks and months the user navigates to: served from the cache, fetched on demand (through
 * the background) when the cache lacks them, and cached.
 */
import { storeDay, storePapers } from '../store/papers';
import { askHf, type HfRequestDeps } from './gate';
import { fetchDailyPapers, FetchFailure } from './hf-api';
import { settleFeaturedDays } from './featured-days';
import { setMeta } from '../store/meta-table';
import { isValidRange, rangeBounds, rangeKey, type FeedRange } from '../store/ranges';
import { clockTime } from '../core/format';
import { t } from '../core/i18n';

export interface RangeReply {
  ok: boolean;
  message: string;
}

/** Fetches a range into the cache. A 429 here binds the background refresh too. */
export async function fetchRange(deps: HfRequestDeps, range: FeedRange): Promise<RangeReply> {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  // Callers validate too; this keeps a week that does not exist (2025-W53) from ever reaching the network.
  if (!isValidRange(range)) return { ok: false, message: t('replyNoSuchRange') };
  try {
    const asked = await askHf(deps, () => fetchDailyPapers(range, { fetch: deps.fetch, now }));
    if (!asked.ok) return { ok: false, message: t('replyRateLimited', clockTime(asked.until)) };
    const result = asked.value;
    if ('date' in range) await storeDay(db, range.date, result.papers, result.dropped, now());
    else {
      // A listing names no day per paper, only timestamps whose day boundary is not UTC midnight: a
      // Monday paper submitted on Sunday evening would land in the week before. Every paper listed
      // belongs to the range, so its day is kept inside it (a `date=` answer, when known, still wins).
      const [first, last] = rangeBounds(range);
      const within = (day: string) => (day < first ? first : day > last ? last : day);
      // Papers listed with no featured day at all (before 2025-03) take the day a `date=` answer gives.
      const undated = new Set(result.undated);
      const settled = await settleFeaturedDays(deps, [first, last], result.undated);
      const papers = result.papers.flatMap((p) => {
        if (!undated.has(p.id)) return [{ ...p, day: within(p.day) }];
        const day = settled.days.get(p.id);
        // Every day asked and the paper on none: its listing's guess is all there is.
        if (day || !settled.until) return [{ ...p, day: day ?? within(p.day) }];
        return [];
      });
      await storePapers(db, papers);
      // Asked again when next viewed: papers whose day is still unknown were left out.
      if (settled.until) return { ok: false, message: t('replyRateLimited', clockTime(settled.until)) };
      await setMeta(db, rangeKey(range), now());
    }
    return {
      ok: true,
      message: result.papers.length ? t('replyRangePapers', result.papers.length) : t('replyRangeEmpty'),
    };
  } catch (err) {
    const message = err instanceof FetchFailure ? err.message : String(err);
    return { ok: false, message: t('errorSentence', message) };
  }
}
