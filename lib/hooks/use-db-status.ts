import { useEffect, useState } from 'preact/hooks';
import { loadDb, openRaw } from '../store/raw-read';

/**
 * Whether this page can open the database. Firefox has no IndexedDB in private windows or with
 * history disabled: pages then explain it instead of showing an empty or broken view.
 */
export function useDbUnavailable(): boolean {
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    // Raw first (no Dexie code at opening); a database not created yet is Dexie's to create.
    openRaw()
      .catch(async () => (await loadDb()).open())
      .catch((err: unknown) => {
        console.warn('Papertab: the database cannot be opened here', err);
        setUnavailable(true);
      });
  }, []);
  return unavailable;
}
