import { useEffect, useRef } from 'preact/hooks';

/**
 * Saves a text field as the user types: after a short pause, at once on blur, and when the page is
 * hidden or the field goes away, so closing the page right after typing loses nothing.
 */
export function useAutosave<T>(save: (value: T) => void, delayMs = 300): { schedule(value: T): void; flush(): void } {
  const latest = useRef(save);
  latest.current = save;
  const pending = useRef<{ value: T } | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const api = useRef({
    flush() {
      clearTimeout(timer.current);
      const p = pending.current;
      pending.current = undefined;
      if (p) latest.current(p.value);
    },
    schedule(value: T) {
      pending.current = { value };
      clearTimeout(timer.current);
      timer.current = setTimeout(() => api.current.flush(), delayMs);
    },
  });
  useEffect(() => {
    const flush = () => api.current.flush();
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, []);
  return api.current;
}
