/**
 * "Search Hugging Face", as the background answers it: the same 429 rule as every other request
 * (never ask before the time Hugging Face named; a 429 here binds the refresh too).
 */
import { askHf, type HfRequestDeps } from './gate';
import { clockTime } from '../core/format';
import { searchPapers } from './hf-api';
import { t } from '../core/i18n';
import type { SearchHfReply } from '../core/messages';

export async function searchHf(deps: HfRequestDeps, q: string): Promise<SearchHfReply> {
  try {
    const asked = await askHf(deps, () => searchPapers(q, 50, { fetch: deps.fetch, now: deps.now }));
    if (!asked.ok) return { ok: false, message: t('replyRateLimited', clockTime(asked.until)) };
    return { ok: true, papers: asked.value.papers };
  } catch (err) {
    return { ok: false, message: (err as Error)?.message || t('errNetworkUnknown') };
  }
}
