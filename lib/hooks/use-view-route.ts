import { useCallback, useEffect, useState } from 'preact/hooks';
import { utcDay } from '@/lib/core/dates';
import type { Settings } from '@/lib/core/settings-schema';
import { parseHash, switchKind, viewHash, type View } from '@/lib/views/view';

/** The view to open with: the URL's, else the default view (day, week or month) from settings. */
function initialView(defaultView: Settings['defaultView'], latestDay: string | undefined): View {
  const fromHash = parseHash(location.hash);
  if (fromHash.kind !== 'latest' || defaultView === 'day') return fromHash;
  return switchKind(defaultView, latestDay ?? utcDay(Date.now()));
}

/**
 * The view shown, kept in the URL's hash: a change is a history entry, so Back and Forward (and an
 * edited hash) move between views.
 */
export function useViewRoute(
  defaultView: Settings['defaultView'],
  latestDay: string | undefined,
): [View, (v: View) => void] {
  const [view, setViewState] = useState<View>(() => initialView(defaultView, latestDay));
  const setView = useCallback((v: View) => {
    history.pushState(null, '', viewHash(v) || location.pathname);
    setViewState(v);
  }, []);
  useEffect(() => {
    const onHash = () => setViewState(parseHash(location.hash));
    addEventListener('popstate', onHash);
    addEventListener('hashchange', onHash);
    return () => {
      removeEventListener('popstate', onHash);
      removeEventListener('hashchange', onHash);
    };
  }, []);
  return [view, setView];
}
