import { useEffect, useRef, useState } from 'preact/hooks';
import type { Paper } from '@/lib/core/paper';
import { t } from '@/lib/core/i18n';
import type { CitationFormat } from '@/lib/reading-list/copy-citation';
import { lazyComponent } from '@/lib/hooks/lazy';

// The formats' code loads on the first copy, not with the page (README "Fast, and measured").
const loadCitation = () => import('@/lib/reading-list/copy-citation');

// The menu's code loads when it first opens (or is about to).
const CopyMenu = lazyComponent(() => import('./CopyMenu').then((m) => m.CopyMenu));
const warm = () => {
  void loadCitation();
  void CopyMenu.preload();
};

/**
 * "Copy BibTeX" for one paper, saved or not, and a small menu offering BibTeX, a plain-text
 * reference and a Markdown link. The clipboard is written with the click's user activation
 * (no permission needed); a short status says whether it worked.
 */
export function CopyCitation({ paper }: { paper: Paper }) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<'copied' | 'failed'>();
  const menuButton = useRef<HTMLButtonElement>(null);
  const menuId = `copy-menu-${paper.id.replace(/[^\w-]/g, '_')}`;

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(undefined), 2500);
    return () => clearTimeout(timer);
  }, [status]);

  async function copy(format: CitationFormat) {
    setOpen(false);
    try {
      await navigator.clipboard.writeText(await (await loadCitation()).citationText(format, paper));
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  }

  return (
    <span class="copy-citation">
      <button
        type="button"
        class="copy-bibtex"
        title={t('copyBibtexTitle', paper.title)}
        onClick={() => void copy('bibtex')}
        onPointerEnter={warm}
        onFocus={warm}
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
        onPointerEnter={warm}
        onFocus={warm}
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
        <CopyMenu
          id={menuId}
          label={t('copyMore', paper.title)}
          button={menuButton}
          onCopy={(format) => void copy(format)}
          onClose={() => setOpen(false)}
        />
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
