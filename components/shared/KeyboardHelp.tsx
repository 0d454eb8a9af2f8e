import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/core/i18n';
import { SHORTCUTS, type Shortcut } from '@/lib/views/keyboard';

/** The `?` dialog listing every shortcut of the page (the new tab's unless told). */
export function KeyboardHelp({
  open,
  onClose,
  shortcuts = SHORTCUTS,
}: {
  open: boolean;
  onClose: () => void;
  shortcuts?: Shortcut[];
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal?.();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} class="help" aria-labelledby="help-title" onClose={onClose}>
      <h2 id="help-title">{t('keyboardShortcuts')}</h2>
      <dl>
        {shortcuts.map((s) => (
          <div key={s.action}>
            <dt>
              {s.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && ` ${t('keysOr')} `}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{s.label}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        {t('close')}
      </button>
    </dialog>
  );
}
