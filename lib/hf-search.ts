/**
 * "Search Hugging Face", as the background answers it: the same 429 rule as every other request
 * (never ask before the time Hugging Face named; a 429 here binds the refresh too).
 */
import type { PapertabDB } from './db';
import { getStatus, recordRateLimit } from './feed-refresh';
import { clockTime } from './format';
import { FetchFailure, searchPapers } from './hf-api';
import { t } from './i18n';
import type { SearchHfReply } from './messages';

export async function searchHf(
  deps: {
    db: PapertabDB;
    fetch?: typeof fetch;
    now?: () => number;
    scheduleRetry: (at: number | undefined) => Promise<void>;
  },
  q: string,
): Promise<SearchHfReply> {
  const now = deps.now ?? Date.now;
  const status = await getStatus(deps.db);
  if (status.rateLimitedUntil && status.rateLimitedUntil > now()) {
    return { ok: false, message: t('replyRateLimited', clockTime(status.rateLimitedUntil)) };
  }
  try {
    const { papers } = await searchPapers(q, 50, { fetch: deps.fetch, now });
    return { ok: true, papers };
  } catch (err) {
    if (err instanceof FetchFailure && err.kind === 'rate-limited') {
      const until = await recordRateLimit(deps.db, err, now());
      await deps.scheduleRetry(until);
      return { ok: false, message: t('replyRateLimited', clockTime(until)) };
    }
    return { ok: false, message: (err as Error)?.message || t('errNetworkUnknown') };
  }
}
