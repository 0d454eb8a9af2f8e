import { useEffect } from 'preact/hooks';
import { db } from '@/lib/store/db';

// The badge's code (and the follow matching it counts with) loads once the page shows, not before.
const loadBadge = () => import('@/lib/views/badge');

/**
 * Opening the new tab marks the newest day seen (clears the badge), once it is actually visible;
 * again whenever the newest day changes.
 */
export function useMarkSeen(latestDay: string | undefined): void {
  useEffect(() => {
    // Where there is no database (Firefox private windows) the day cannot be marked seen here.
    const mark = () =>
      document.visibilityState === 'visible' &&
      void loadBadge()
        .then((m) => m.markSeen(db()))
        .catch(() => undefined);
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [latestDay]);
}
