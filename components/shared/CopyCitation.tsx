import { useEffect, useRef, useState } from 'preact/hooks';
import type { Paper } from '@/lib/core/paper';
import { t } from '@/lib/core/i18n';
import type { CitationFormat } from '@/lib/reading-list/copy-citation';

// The formats' code loads on the first copy, not with the page (README "Fast, and measured").
const loadCitation = () => import('@/lib/reading-list/copy-citation');

const ITEMS: [CitationFormat, 'copyBibtex' | 'copyPlain' | 'copyMarkdown'][] = [
  ['bibtex', 'copyBibtex'],
  ['plain', 'copyPlain'],
  ['markdown', 'copyMarkdown'],
];

/**
 * "Copy BibTeX" for one paper, saved or not, and a small menu offering BibTeX, a plain-text
 * reference and a Markdown link. The clipboard is written with the click's user activation
 * (no permission needed); a short status says whether it worked.
 */
export function CopyCitation({ paper }: { paper: Paper }) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<'copied' | 'failed'>();
  const menuButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = `copy-menu-${paper.id.replace(/[^\w-]/g, '_')}`;

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(undefined), 2500);
    return () => clearTimeout(timer);
  }, [status]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: Event) => {
      const root = menuButton.current?.parentElement;
      if (root && !root.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('focusin', away);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('focusin', away);
    };
  }, [open]);

  async function copy(format: CitationFormat) {
    setOpen(false);
    try {
      await navigator.clipboard.writeText(await (await loadCitation()).citationText(format, paper));
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  }

  function onMenuKey(e: KeyboardEvent) {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const focus = (n: number) => items[(n + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') focus(i + 1);
    else if (e.key === 'ArrowUp') focus(i - 1);
    else if (e.key === 'Home') focus(0);
    else if (e.key === 'End') focus(items.length - 1);
    else if (e.key === 'Escape') {
      setOpen(false);
      menuButton.current?.focus();
    } else if (e.key === 'Tab') setOpen(false);
    else return;
    // The new tab's shortcuts (j, k, c, …) must not act while the menu has the keys.
    e.stopPropagation();
    if (e.key !== 'Tab') e.preventDefault();
  }

  return (
    <span class="copy-citation">
      <button
        type="button"
        class="copy-bibtex"
        title={t('copyBibtexTitle', paper.title)}
        onClick={() => void copy('bibtex')}
      >
        {t('copyBibtex')}
      </button>
      <button
        ref={menuButton}
        type="button"
        class="copy-more"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('copyMore', paper.title)}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul
          class="copy-menu"
          role="menu"
          id={menuId}
          ref={menu}
          aria-label={t('copyMore', paper.title)}
          onKeyDown={onMenuKey}
        >
          {ITEMS.map(([format, label]) => (
            <li key={format} role="none">
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => void copy(format)}>
                {t(label)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* Only while there is something to say: a page of cards would otherwise hold dozens of empty live regions. */}
      {status && (
        <span class="copy-status" role="status">
          {status === 'copied' ? t('copied') : t('copyFailed')}
        </span>
      )}
    </span>
  );
}
