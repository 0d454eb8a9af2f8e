import { useEffect } from 'preact/hooks';
import { SHORTCUTS } from '@/lib/views/keyboard';
import { APP_READY_EVENT } from '@/lib/core/page-keys';
import { usePaperKeys, type PageKeyHandlers } from './use-paper-keys';

/** j/k/o/Enter/s/m and the card actions' keys move through and act on papers; / [ ] ? as listed in lib/views/keyboard.ts. */
export function useNewTabKeyboard(handlers: Required<PageKeyHandlers>) {
  usePaperKeys(SHORTCUTS, handlers);
  // Keys pressed on the first paint, before the handler existed, are replayed now (it is listening:
  // effects run in order).
  useEffect(() => {
    document.dispatchEvent(new Event(APP_READY_EVENT));
  }, []);
}
