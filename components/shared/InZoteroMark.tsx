import { t } from '@/lib/core/i18n';

/** "In Zotero": the paper is already in the user's Zotero library. */
export function InZoteroMark() {
  return (
    <span class="in-zotero" title={t('inZoteroTitle')}>
      {t('inZotero')}
    </span>
  );
}
