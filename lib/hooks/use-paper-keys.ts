import { useEffect, useRef } from 'preact/hooks';
import { CARD_ACTION_EVENT, shortcutFor, type Shortcut } from '@/lib/views/keyboard';

/** What a page does for the keys that are not about one paper. */
export interface PageKeyHandlers {
  onSearch: () => void;
  onHelp: () => void;
  /** `[` and `]` (the new tab's days, weeks, months). */
  onStep?: (delta: number) => void;
}

/**
 * A page's keys (its table in lib/views/keyboard.ts) on its papers: j/k move through the
 * `main article.paper`s, o/Enter open, s saves, m opens the menu, `card:<id>` reaches the focused
 * paper as CARD_ACTION_EVENT; the rest goes to the page. Keys typed into a field or a dialog, or
 * with a modifier, keep their meaning.
 */
export function usePaperKeys(table: Shortcut[], handlers: PageKeyHandlers) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    /**
     * The paper last acted on and its neighbours then: when it has left the list (its status
     * filtered out, say) and they are still there, j and k go on from its place. When the whole list
     * changed (another day), they start at the top again.
     */
    let last: { article: HTMLElement; prev?: HTMLElement; next?: HTMLElement } | undefined;
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable], dialog')) return;
      const entry = shortcutFor(e.key, table);
      if (!entry) return;
      const { action } = entry;
      const focused = target.closest<HTMLElement>('article.paper');
      // Enter on a link or button keeps its native meaning.
      if (e.key === 'Enter' && target !== focused) return;
      const articles = [...document.querySelectorAll<HTMLElement>('main article.paper')];
      const show = (el: HTMLElement | undefined) => {
        el?.focus();
        el?.scrollIntoView({ block: 'nearest' });
      };
      const focusAt = (i: number) => show(articles[Math.max(0, Math.min(articles.length - 1, i))]);
      const at = focused ? articles.indexOf(focused) : -1;
      if (focused && at >= 0) last = { article: focused, prev: articles[at - 1], next: articles[at + 1] };
      const move = (delta: number) => {
        if (at >= 0) return focusAt(at + delta);
        const [ahead, behind] = delta > 0 ? [last?.next, last?.prev] : [last?.prev, last?.next];
        const from = last && !last.article.isConnected ? [ahead, behind].find((el) => el?.isConnected) : undefined;
        if (from) show(from);
        else focusAt(0);
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
          ref.current.onStep?.(-1);
          break;
        case 'nextRange':
          ref.current.onStep?.(1);
          break;
        case 'help':
          ref.current.onHelp();
          break;
        default:
          if (focused && entry.leavesList && articles.length > 1) focusAt(at + 1 < articles.length ? at + 1 : at - 1);
          focused?.dispatchEvent(new CustomEvent(CARD_ACTION_EVENT, { detail: action.slice('card:'.length) }));
      }
      e.preventDefault();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [table]);
}
