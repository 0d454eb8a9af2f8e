/**
 * Hugging Face's trending order (`sort=trending`) of a day, week or month, fetched by the
 * background through the one gate and cached as ids with the time it was fetched. The papers
 * themselves are cached too (they are the range's papers; a `date=` answer names their day).
 */
import { askHf, type HfRequestDeps } from './gate';
import { fetchDailyPapers, FetchFailure } from './hf-api';
import { setMeta } from '../store/meta-table';
import { storePapers } from '../store/papers';
import { isValidRange, rangeBounds, type FeedRange } from '../store/ranges';
import { trendingKey } from '../store/trending';
import { clockTime } from '../core/format';
import { t } from '../core/i18n';
import type { RangeReply } from './range-fetch';

export async function fetchTrending(deps: HfRequestDeps, range: FeedRange): Promise<RangeReply> {
  const now = deps.now ?? Date.now;
  if (!isValidRange(range)) return { ok: false, message: t('replyNoSuchRange') };
  try {
    const asked = await askHf(deps, () => fetchDailyPapers(range, { fetch: deps.fetch, now, sort: 'trending' }));
    if (!asked.ok) return { ok: false, message: t('replyRateLimited', clockTime(asked.until)) };
    const [first, last] = rangeBounds(range);
    const within = (day: string) => (day < first ? first : day > last ? last : day);
    const papers = asked.value.papers;
    await storePapers(
      deps.db,
      papers.map((p) => ({ ...p, day: within(p.day) })),
    );
    await setMeta(deps.db, trendingKey(range), { ids: papers.map((p) => p.id), fetchedAt: now() });
    return { ok: true, message: t('trendingAsOf', clockTime(now())) };
  } catch (err) {
    const message = err instanceof FetchFailure ? err.message : String(err);
    return { ok: false, message: t('errorSentence', message) };
  }
}
