import { db } from '@/lib/store/db';
import { t } from '@/lib/core/i18n';
import { addTag, setStatus, STATUSES } from '@/lib/reading-list/list';

/** What can be done to the selected papers at once: a status, a tag, removal; or the selection cleared. */
export function BulkActions({
  ids,
  bulkTag,
  onBulkTag,
  onRemove,
  onClear,
  onSendToZotero,
}: {
  ids: string[];
  /** The tag being typed: kept by the page, so it is still there when a new selection is made. */
  bulkTag: string;
  onBulkTag: (tag: string) => void;
  onRemove: (ids: string[]) => void;
  onClear: () => void;
  /** "Send to Zotero" for the selection, once Zotero is turned on. */
  onSendToZotero?: (ids: string[]) => void;
}) {
  return (
    <div class="bulk" role="group" aria-label={t('selectedPapers')}>
      <span>{t('selectedCount', ids.length)}</span>
      {STATUSES.map((s) => (
        <button key={s.value} type="button" onClick={() => void setStatus(db(), ids, s.value)}>
          {t(s.markKey)}
        </button>
      ))}
      <input
        type="text"
        aria-label={t('bulkTag')}
        placeholder={t('tag')}
        value={bulkTag}
        onInput={(e) => onBulkTag((e.target as HTMLInputElement).value)}
      />
      <button
        type="button"
        disabled={!bulkTag.trim()}
        onClick={() => {
          void addTag(db(), ids, bulkTag);
          onBulkTag('');
        }}
      >
        {t('addTag')}
      </button>
      {onSendToZotero && (
        <button type="button" onClick={() => onSendToZotero(ids)}>
          {t('sendToZotero')}
        </button>
      )}
      <button type="button" onClick={() => onRemove(ids)}>
        {t('removeSelected')}
      </button>
      <button type="button" onClick={onClear}>
        {t('clearSelection')}
      </button>
    </div>
  );
}
