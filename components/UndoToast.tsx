import { t } from '@/lib/core/i18n';

/** "Removed from the reading list · Undo": removing is never a one-way door. */
export function UndoToast({ title, onUndo, onDismiss }: { title: string; onUndo: () => void; onDismiss: () => void }) {
  return (
    <div class="toast" role="status">
      <span>{t('removedTitle', title)}</span>
      <button type="button" onClick={onUndo}>
        {t('undo')}
      </button>
      <button type="button" aria-label={t('dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
