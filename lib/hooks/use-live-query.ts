import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** Subscribes a component to a Dexie query: any write anywhere (background, another page) re-renders it. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: setValue,
      error: (err: unknown) => {
        // No database here (Firefox private windows, history off): useDbUnavailable says so on the page.
        if ((err as { name?: unknown } | null)?.name === 'OpenFailedError') return;
        console.error('Papertab: query failed', err);
      },
    });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}
