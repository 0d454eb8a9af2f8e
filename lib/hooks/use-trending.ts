import { useEffect, useRef } from 'preact/hooks';
import { utcDay } from '@/lib/core/dates';
import type { TrendingOrder } from '@/lib/core/extras';
import { send } from '@/lib/core/send';
import { db } from '@/lib/store/db';
import { isTrendingStale, readTrending, trendingKey } from '@/lib/store/trending';
import { toRange, type View, type ViewData } from '@/lib/views/view';
import { useLiveQuery } from './use-live-query';

/**
 * Hugging Face's trending order for the view shown, from the cache; while Trending is chosen and
 * the browser is online, an order missing or older than half an hour is asked for (by the
 * background) once per view. Offline, the cached order stays, however old.
 */
export function useTrending(
  active: boolean,
  view: View,
  current: ViewData | undefined,
  online: boolean,
): TrendingOrder | undefined {
  const range = current ? toRange(view, current.latest?.date ?? utcDay(Date.now())) : undefined;
  const key = range ? trendingKey(range) : '';
  const read = useLiveQuery<{ key: string; order?: TrendingOrder } | undefined>(
    async () => (range ? { key, order: await readTrending(db(), range) } : undefined),
    [key],
    undefined,
  );
  const asked = useRef(new Set<string>());
  const loaded = read?.key === key ? read : undefined;
  useEffect(() => {
    if (!active || !online || !range || !loaded || asked.current.has(key)) return;
    if (!isTrendingStale(loaded.order, Date.now())) return;
    asked.current.add(key);
    void send({ type: 'fetchTrending', range }).catch(() => undefined);
  }, [active, online, key, loaded]);
  return loaded?.order;
}
