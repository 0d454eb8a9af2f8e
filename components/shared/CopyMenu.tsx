import { useEffect, useRef } from 'preact/hooks';
import type { RefObject } from 'preact';
import { t } from '@/lib/core/i18n';
import type { CitationFormat } from '@/lib/reading-list/copy-citation';

const ITEMS: [CitationFormat, 'copyBibtex' | 'copyPlain' | 'copyMarkdown'][] = [
  ['bibtex', 'copyBibtex'],
  ['plain', 'copyPlain'],
  ['markdown', 'copyMarkdown'],
];

/**
 * The open copy menu (BibTeX, a plain-text reference, a Markdown link): arrow keys, Home/End,
 * Escape back to its button; a click or focus elsewhere closes it. Loaded on first open.
 */
export function CopyMenu({
  id,
  label,
  button,
  onCopy,
  onClose,
}: {
  id: string;
  label: string;
  /** The button that opened it: Escape returns there, and its parent counts as inside. */
  button: RefObject<HTMLButtonElement | null>;
  onCopy: (format: CitationFormat) => void;
  onClose: () => void;
}) {
  const menu = useRef<HTMLUListElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: Event) => {
      const root = button.current?.parentElement;
      if (root && !root.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('focusin', away);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('focusin', away);
    };
  }, []);

  function onMenuKey(e: KeyboardEvent) {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const focus = (n: number) => items[(n + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') focus(i + 1);
    else if (e.key === 'ArrowUp') focus(i - 1);
    else if (e.key === 'Home') focus(0);
    else if (e.key === 'End') focus(items.length - 1);
    else if (e.key === 'Escape') {
      onClose();
      button.current?.focus();
    } else if (e.key === 'Tab') onClose();
    else return;
    // The new tab's shortcuts (j, k, c, …) must not act while the menu has the keys.
    e.stopPropagation();
    if (e.key !== 'Tab') e.preventDefault();
  }

  return (
    <ul class="copy-menu" role="menu" id={id} ref={menu} aria-label={label} onKeyDown={onMenuKey}>
      {ITEMS.map(([format, key]) => (
        <li key={format} role="none">
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => onCopy(format)}>
            {t(key)}
          </button>
        </li>
      ))}
    </ul>
  );
}
