import { t } from '@/lib/core/i18n';
import type { SavedPaper } from '@/lib/core/saved';

/** After a removal from the reading list: what went, with Undo (which puts it back as it was). */
export function RemovedToast({
  removed,
  onUndo,
  onDismiss,
}: {
  removed: SavedPaper[];
  onUndo: () => void;
  onDismiss: () => void;
}) {
  return (
    <div class="toast" role="status">
      <span>
        {removed.length === 1 ? t('removedTitle', removed[0]!.paper.title) : t('removedCount', removed.length)}
      </span>
      <button type="button" onClick={onUndo}>
        {t('undo')}
      </button>
      <button type="button" aria-label={t('dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
