import { t } from '@/lib/core/i18n';

/** "Removed … · Undo": removing is never a one-way door (one paper from a card, or many from the list). */
export function UndoToast({
  message,
  onUndo,
  onDismiss,
}: {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  return (
    <div class="toast" role="status">
      <span>{message}</span>
      <button type="button" onClick={onUndo}>
        {t('undo')}
      </button>
      <button type="button" aria-label={t('dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
