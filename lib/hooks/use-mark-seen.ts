import { useEffect } from 'preact/hooks';
import { markSeen } from '@/lib/views/badge';
import { db } from '@/lib/store/db';

/**
 * Opening the new tab marks the newest day seen (clears the badge), once it is actually visible;
 * again whenever the newest day changes.
 */
export function useMarkSeen(latestDay: string | undefined): void {
  useEffect(() => {
    // Where there is no database (Firefox private windows) the day cannot be marked seen here.
    const mark = () => document.visibilityState === 'visible' && void markSeen(db()).catch(() => undefined);
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [latestDay]);
}
