import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type PlainKey } from '@/lib/core/i18n';
import type { Sort } from '@/lib/views/view';
import type { Density } from '@/lib/hooks/use-density-choice';
import { lazyComponent } from '@/lib/hooks/lazy';

// The panel's controls load when it is first opened (or a pointer nears the button), not at every opening.
const Panel = lazyComponent(() => import('./ViewOptionsPanel').then((m) => m.ViewOptionsPanel));

const SORT_NAME: Record<Sort, PlainKey> = {
  upvotes: 'sortUpvotes',
  newest: 'sortNewest',
  trending: 'sortTrending',
  foryou: 'sortForYou',
};

export interface ViewOptionsProps {
  sort: Sort;
  onSort: (s: Sort) => void;
  withCode: boolean;
  onWithCode: (on: boolean) => void;
  density: Density;
  onDensity: (d: Density) => void;
}

/**
 * One control for order and filters: a button naming the order (and "With code" when on) that
 * discloses the order, With code and the layout. Escape or a click away closes it.
 */
export function ViewOptions(props: ViewOptionsProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: Event) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('focusin', away);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('focusin', away);
    };
  }, [open]);
  return (
    <div
      class="view-options"
      ref={root}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        class="view-options-button"
        aria-expanded={open}
        aria-controls="view-options-panel"
        onPointerEnter={() => void Panel.preload()}
        onClick={() => setOpen(!open)}
      >
        <span class="sr-only">{t('viewOptions')}: </span>
        {t(SORT_NAME[props.sort])}
        {props.withCode && ` · ${t('withCode')}`}
        <span aria-hidden="true"> ▾</span>
      </button>
      <div id="view-options-panel" class="view-options-panel" hidden={!open}>
        {open && <Panel {...props} />}
      </div>
    </div>
  );
}
