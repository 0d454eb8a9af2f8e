import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { timeAgo } from '@/lib/format';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messages';

interface Status {
  ok?: boolean;
  syncedCount?: number;
  total?: number;
  complete?: boolean;
  lastSyncAt?: number;
  error?: string;
  /** Something the user may want to know although the sync went through (already in words). */
  warning?: string;
}

/** What sync last did, in words: whether the whole list fits, or which part is synced. */
export function SyncStatus({ enabled }: { enabled: boolean }) {
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const syncNow = async () => {
    setBusy(true);
    await send({ type: 'syncNow' }).catch(() => undefined);
    setBusy(false);
  };
  useEffect(() => {
    const read = () =>
      void browser.storage.local
        .get('syncStatus')
        .then((v) => setStatus((v.syncStatus as Status | undefined) ?? undefined));
    read();
    const listener = (changes: Record<string, unknown>, area: string) =>
      area === 'local' && 'syncStatus' in changes && read();
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  if (!enabled) return <p class="hint">{t('syncOff')}</p>;
  return (
    <>
      {!status ? (
        <p class="hint">{t('syncNotYet')}</p>
      ) : status.error ? (
        <p class="error">{t('syncFailed', status.error)}</p>
      ) : (
        <p class="hint">
          {status.complete === false && status.total !== undefined && status.syncedCount !== undefined
            ? t('syncPartial', status.syncedCount, status.total)
            : t('syncAll', status.total ?? 0)}
          {status.lastSyncAt && ` ${t('syncLast', timeAgo(status.lastSyncAt, Date.now()))}`}
        </p>
      )}
      {status?.warning && <p class="hint">{status.warning}</p>}
      <button type="button" disabled={busy} onClick={() => void syncNow()}>
        {t('syncNowButton')}
      </button>
    </>
  );
}
