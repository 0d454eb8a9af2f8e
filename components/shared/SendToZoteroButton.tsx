import { t } from '@/lib/core/i18n';

/** "Send to Zotero" for one paper (shown once Zotero is turned on in the options). */
export function SendToZoteroButton({ title, onSend }: { title: string; onSend: () => void }) {
  return (
    <button type="button" class="send-zotero" title={t('sendToZoteroTitle', title)} onClick={onSend}>
      {t('sendToZotero')}
    </button>
  );
}
