import { useEffect } from 'preact/hooks';
import { send } from '@/lib/core/send';
import { loadDb } from '@/lib/store/raw-read';

// Only where the background cannot be asked does the page load the badge's code and Dexie.
const markHere = async () => (await import('@/lib/views/badge')).markSeen(await loadDb());

/**
 * Opening the new tab marks the newest day seen (clears the badge), once it is actually visible;
 * again whenever the newest day changes. The background does it, asked in this task: a tab closed
 * (or left for a link) a moment after it showed has still been seen, and the page loads no code for it.
 */
export function useMarkSeen(latestDay: string | undefined): void {
  useEffect(() => {
    // Where there is no database (Firefox private windows) the day cannot be marked seen here.
    const mark = () =>
      document.visibilityState === 'visible' &&
      void send({ type: 'markSeen' })
        .catch(markHere)
        .catch(() => undefined);
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [latestDay]);
}
