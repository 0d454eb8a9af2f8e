import { useEffect, useState } from 'preact/hooks';
import { db } from '../store/db';

/**
 * Whether this page can open the database. Firefox has no IndexedDB in private windows or with
 * history disabled: pages then explain it instead of showing an empty or broken view.
 */
export function useDbUnavailable(): boolean {
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    db()
      .open()
      .catch((err: unknown) => {
        console.warn('Papertab: the database cannot be opened here', err);
        setUnavailable(true);
      });
  }, []);
  return unavailable;
}
