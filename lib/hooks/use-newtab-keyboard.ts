import { useEffect, useRef } from 'preact/hooks';
import { CARD_ACTION_EVENT, keyAction } from '@/lib/views/keyboard';
import { APP_READY_EVENT } from '@/lib/core/page-keys';

/** j/k/o/Enter/s/m and the card actions' keys move through and act on papers; / [ ] ? as listed in lib/views/keyboard.ts. */
export function useNewTabKeyboard(handlers: {
  onSearch: () => void;
  onStep: (delta: number) => void;
  onHelp: () => void;
}) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable], dialog')) return;
      const action = keyAction(e.key);
      if (!action) return;
      const focused = target.closest<HTMLElement>('article.paper');
      // Enter on a link or button keeps its native meaning.
      if (e.key === 'Enter' && target !== focused) return;
      const articles = [...document.querySelectorAll<HTMLElement>('main article.paper')];
      const move = (delta: number) => {
        const i = focused ? articles.indexOf(focused) : -1;
        const next = articles[Math.max(0, Math.min(articles.length - 1, i < 0 ? 0 : i + delta))];
        next?.focus();
        next?.scrollIntoView({ block: 'nearest' });
      };
      switch (action) {
        case 'next':
          move(1);
          break;
        case 'prev':
          move(-1);
          break;
        case 'open':
          focused?.querySelector<HTMLAnchorElement>('h2 a')?.click();
          break;
        case 'save':
          focused?.querySelector<HTMLButtonElement>('button.save')?.click();
          break;
        case 'menu':
          focused?.querySelector<HTMLButtonElement>('button.more-actions')?.click();
          break;
        case 'search':
          ref.current.onSearch();
          break;
        case 'prevRange':
          ref.current.onStep(-1);
          break;
        case 'nextRange':
          ref.current.onStep(1);
          break;
        case 'help':
          ref.current.onHelp();
          break;
        default:
          focused?.dispatchEvent(new CustomEvent(CARD_ACTION_EVENT, { detail: action.slice('card:'.length) }));
      }
      e.preventDefault();
    }
    document.addEventListener('keydown', onKey);
    // Keys pressed on the first paint, before this handler existed, are replayed now.
    document.dispatchEvent(new Event(APP_READY_EVENT));
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
