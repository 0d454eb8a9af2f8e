import { useEffect, useState } from 'preact/hooks';
import { isNoDatabase, watchStores } from '../store/raw-read';

/**
 * Like `useLiveQuery`, without Dexie's code: `read` runs now and again after every write to one of
 * `stores` (from any page or the background). Reads never overlap: writes during one read cause one
 * more. A result equal to the last one (as JSON) keeps the last one, so nothing re-renders for it.
 */
export function useLiveRead<T>(read: () => Promise<T>, stores: readonly string[], deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    let live = true;
    let running = false;
    let again = false;
    let last: string | undefined;
    const run = () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      read()
        .then((v) => {
          const json = JSON.stringify(v, (_k, x: unknown) => (x instanceof Set ? [...(x as Set<unknown>)] : x));
          if (live && json !== last) {
            last = json;
            setValue(v);
          }
        })
        .catch((err: unknown) => {
          // No database here (Firefox private windows, history off): useDbUnavailable says so on the page.
          if (!isNoDatabase(err)) console.error('Papertab: read failed', err);
        })
        .finally(() => {
          running = false;
          if (live && again) {
            again = false;
            run();
          }
        });
    };
    const stop = watchStores(stores, run);
    run();
    return () => {
      live = false;
      stop();
    };
  }, deps);
  return value;
}
