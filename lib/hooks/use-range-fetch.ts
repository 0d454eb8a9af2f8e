import { useEffect, useState } from 'preact/hooks';
import { utcDay } from '@/lib/core/dates';
import { t } from '@/lib/core/i18n';
import { send } from '@/lib/core/send';
import { toRange, viewHash, type View, type ViewData } from '@/lib/views/view';

export interface FetchNote {
  busy: boolean;
  message?: string;
}

/**
 * What the cache lacks for this view is fetched (by the background) and cached. Returns how that
 * fetch of the view shown is going: busy, or what went wrong.
 */
export function useRangeFetch(current: ViewData | undefined, view: View): FetchNote | undefined {
  const [fetchNote, setFetchNote] = useState<FetchNote & { key: string }>();
  useEffect(() => {
    if (!current || current.cached || view.kind === 'latest') return;
    const key = viewHash(view);
    if (fetchNote?.key === key) return;
    setFetchNote({ key, busy: true });
    send({ type: 'fetchRange', range: toRange(view, current.latest?.date ?? utcDay(Date.now())) })
      .then((reply) => setFetchNote({ key, busy: false, message: reply?.ok ? undefined : reply?.message }))
      .catch(() => setFetchNote({ key, busy: false, message: t('backgroundUnreachable') }));
  }, [current, view]);
  return fetchNote?.key === viewHash(view) ? fetchNote : undefined;
}
