import { clockTime, dateTime } from '@/lib/core/format';
import type { TrendingOrder } from '@/lib/core/extras';
import { t } from '@/lib/core/i18n';

/** When the trending order shown was fetched ("Trending as of 14:05"), or that there is none yet. */
export function TrendingNote({ order }: { order?: TrendingOrder }) {
  // Offline, the order may be days old: then the time alone would mislead.
  const when = (at: number) =>
    new Date(at).toDateString() === new Date().toDateString() ? clockTime(at) : dateTime(at);
  return (
    <p class="notice subtle trending-note" role="status">
      {order ? t('trendingAsOf', when(order.fetchedAt)) : t('trendingNone')}
    </p>
  );
}
