import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** Subscribes a component to a Dexie query: any write anywhere (background, another page) re-renders it. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: setValue,
      error: (err: unknown) => console.error('Papertab: query failed', err),
    });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}
