import type { TrendingOrder } from '../core/extras';
import { readStore } from '../store/raw-read';
import { readView, viewHash, type View, type ViewData } from '../views/view';
import { useLiveRead } from './use-live-read';
import { useMarkSeen } from './use-mark-seen';
import { useRangeFetch, type FetchNote } from './use-range-fetch';
import { useTrending } from './use-trending';

const VIEW_STORES = ['papers', 'days', 'meta'];

/**
 * The new tab's view from the cache (the first paint's snapshot until the cache answers, for the
 * latest day), how the fetch of what the cache lacks is going, Hugging Face's trending order while
 * Trending is the order, and the newest day marked seen.
 */
export function useViewData(
  view: View,
  snapshot: ViewData | undefined,
  trendingWanted: boolean,
  online: boolean,
): { current?: ViewData; fetchNote?: FetchNote; trending?: TrendingOrder } {
  const data = useLiveRead<ViewData | undefined>(
    () => readStore((reads) => readView(reads, view, Date.now())),
    VIEW_STORES,
    [view],
    view.kind === 'latest' ? snapshot : undefined,
  );
  // Until the cache answers for a new view, the old view's data is not shown as the new one's.
  const current = data && viewHash(data.view) === viewHash(view) ? data : undefined;
  const fetchNote = useRangeFetch(current, view);
  const trending = useTrending(trendingWanted, view, current, online);
  useMarkSeen(current?.latest?.date);
  return { current, fetchNote, trending };
}
