import { useEffect, useRef } from 'preact/hooks';
import type { Paper } from '@/lib/core/paper';
import { citationText } from '@/lib/reading-list/copy-citation';
import type { ActionContext, CopyFormat, PaperAction } from '@/lib/views/paper-actions';

// This module is the lazy chunk of a card's actions (components/shared/MoreActions.tsx): the menu,
// the follow list and citation formatting load when a card first needs one, after the first paint.
export { FollowPanel } from './FollowPanel';

/** Writes the citation with the key press's or click's user activation; whether it worked. */
export async function copyCitation(format: CopyFormat, paper: Paper): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(await citationText(format, paper));
    return true;
  } catch {
    return false;
  }
}

const itemsOf = (menu: HTMLElement | null) => [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

/** The next item (after the focused one, wrapping) whose text starts with `typed`. */
function typeAhead(items: HTMLElement[], current: number, typed: string): HTMLElement | undefined {
  const n = items.length;
  for (let k = 1; k <= n; k++) {
    const item = items[(current + k) % n]!;
    if ((item.dataset.label ?? '').toLowerCase().startsWith(typed)) return item;
  }
  return undefined;
}

/**
 * A card's actions menu (WAI-ARIA menu): arrows move and wrap, Home/End jump, a letter jumps to the
 * next item starting with it, Escape closes and returns focus to the button, Tab closes.
 */
export function ActionsMenu({
  id,
  label,
  actions,
  ctx,
  focus,
  onClose,
  linkTarget,
  showKeys,
}: {
  id: string;
  label: string;
  actions: PaperAction[];
  ctx: ActionContext;
  focus: 'first' | 'last';
  onClose: (refocus: boolean) => void;
  linkTarget?: '_blank';
  showKeys?: boolean;
}) {
  const menu = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const items = itemsOf(menu.current);
    (focus === 'last' ? items[items.length - 1] : items[0])?.focus();
    const away = (e: Event) => {
      const root = menu.current?.parentElement;
      if (root && !root.contains(e.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('focusin', away);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('focusin', away);
    };
  }, []);

  function onKey(e: KeyboardEvent) {
    const items = itemsOf(menu.current);
    const i = items.indexOf(document.activeElement as HTMLElement);
    const go = (n: number) => items[(n + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home' || e.key === 'PageUp') go(0);
    else if (e.key === 'End' || e.key === 'PageDown') go(items.length - 1);
    else if (e.key === 'Escape') onClose(true);
    else if (e.key === 'Tab') onClose(false);
    else if (e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey)
      typeAhead(items, i, e.key.toLowerCase())?.focus();
    else return;
    // The new tab's shortcuts (j, k, c, …) must not act while the menu has the keys.
    e.stopPropagation();
    if (e.key !== 'Tab') e.preventDefault();
  }

  return (
    <ul class="actions-menu" role="menu" id={id} ref={menu} aria-label={label} onKeyDown={onKey}>
      {actions.map((a) => (
        <MenuItem key={a.id} action={a} ctx={ctx} onClose={onClose} linkTarget={linkTarget} showKeys={showKeys} />
      ))}
    </ul>
  );
}

/** One item: a link (opened in place, or in a new tab from the popup) or a deed run after the menu closes. */
function MenuItem({
  action: a,
  ctx,
  onClose,
  linkTarget,
  showKeys,
}: {
  action: PaperAction;
  ctx: ActionContext;
  onClose: (refocus: boolean) => void;
  linkTarget?: '_blank';
  showKeys?: boolean;
}) {
  const text = a.label(ctx);
  const href = a.href?.(ctx.paper);
  return (
    <li role="none">
      {href ? (
        <a
          role="menuitem"
          tabIndex={-1}
          href={href}
          target={linkTarget}
          rel="noopener noreferrer"
          data-action={a.id}
          data-label={text}
          onClick={() => onClose(false)}
        >
          {text}
        </a>
      ) : (
        <button
          type="button"
          role="menuitem"
          tabIndex={-1}
          data-action={a.id}
          data-label={text}
          aria-keyshortcuts={showKeys ? a.key : undefined}
          onClick={() => {
            onClose(true);
            a.run?.(ctx);
          }}
        >
          <span>{text}</span>
          {showKeys && a.key && <kbd aria-hidden="true">{a.key}</kbd>}
        </button>
      )}
    </li>
  );
}
