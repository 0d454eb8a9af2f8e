import { useEffect, useRef, useState } from 'preact/hooks';
import { utcDay } from '@/lib/core/dates';
import type { TrendingOrder } from '@/lib/core/extras';
import { send } from '@/lib/core/send';
import { readStore } from '@/lib/store/raw-read';
import { toRange, type View, type ViewData } from '@/lib/views/view';
import { useLiveRead } from './use-live-read';

// The trending cache's code loads when Trending is first chosen, not at every opening.
const loadStore = () => import('@/lib/store/trending');
type TrendingStore = Awaited<ReturnType<typeof loadStore>>;
const META = ['meta'];

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
  const [store, setStore] = useState<TrendingStore>();
  useEffect(() => {
    if (active && !store) void loadStore().then(setStore);
  }, [active]);
  const range = store && current ? toRange(view, current.latest?.date ?? utcDay(Date.now())) : undefined;
  const key = store && range ? store.trendingKey(range) : '';
  const read = useLiveRead<{ key: string; order?: TrendingOrder } | undefined>(
    async () =>
      store && range ? { key, order: await readStore((reads) => store.readTrending(reads, range)) } : undefined,
    META,
    [key],
    undefined,
  );
  const asked = useRef(new Set<string>());
  const loaded = read?.key === key ? read : undefined;
  useEffect(() => {
    if (!active || !online || !store || !range || !loaded || asked.current.has(key)) return;
    if (!store.isTrendingStale(loaded.order, Date.now())) return;
    asked.current.add(key);
    void send({ type: 'fetchTrending', range }).catch(() => undefined);
  }, [active, online, key, loaded]);
  return loaded?.order;
}
