import { useEffect, useRef, useState } from 'preact/hooks';

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

/**
 * A text field saved as you type (through `useAutosave`). An edit from elsewhere (another tab,
 * sync) replaces the text; this field's own saves coming back do not (they may be older than what
 * is typed by now). `normalise` turns typed text into what is stored (and compared).
 */
export function useAutosavedText(
  stored: string,
  save: (text: string) => void,
  normalise: (text: string) => string = (text) => text,
): { value: string; onInput: (e: Event) => void; onBlur: () => void } {
  const [text, setText] = useState(stored);
  const mine = useRef(stored);
  useEffect(() => {
    if (stored !== mine.current) setText((mine.current = stored));
  }, [stored]);
  const autosave = useAutosave((typed: string) => {
    const next = normalise(typed);
    if (next === mine.current) return;
    mine.current = next;
    save(next);
  });
  return {
    value: text,
    onInput: (e) => {
      const typed = (e.target as HTMLTextAreaElement).value;
      setText(typed);
      autosave.schedule(typed);
    },
    onBlur: () => autosave.flush(),
  };
}
