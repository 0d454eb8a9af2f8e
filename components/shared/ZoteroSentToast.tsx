import { t } from '@/lib/core/i18n';
import type { Zotero } from '@/lib/hooks/use-zotero';

/**
 * "Saved to Zotero: My Library › Reading group", and the move to another of Zotero's targets, as
 * the Zotero Connector's progress window offers it. A failure is one sentence with the way out.
 */
export function ZoteroSentToast({ zotero }: { zotero: Zotero }) {
  const sent = zotero.sent;
  if (!sent) return null;
  return (
    <div class="toast zotero-toast" role="status">
      {sent.busy ? (
        <span>{t('zoteroSending')}</span>
      ) : (
        <>
          <span class={sent.ok ? undefined : 'error'}>{sent.ok && sent.moved ? sent.moved : sent.message}</span>
          {sent.ok && sent.warning && <span class="subtle">{sent.warning}</span>}
          {sent.ok && sent.targets.length > 1 && (
            <label>
              {t('zoteroMoveTo')}{' '}
              <select
                value={sent.current ?? sent.target.id}
                onChange={(e) => {
                  const target = sent.targets.find((x) => x.id === e.currentTarget.value);
                  if (target) void zotero.move(target);
                }}
              >
                {sent.targets.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.label}
                  </option>
                ))}
              </select>
            </label>
          )}
        </>
      )}
      <button type="button" aria-label={t('zoteroClose')} onClick={zotero.dismiss}>
        ×
      </button>
    </div>
  );
}
