import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db } from '@/lib/store/db';
import { timeAgo } from '@/lib/core/format';
import { t, tn } from '@/lib/core/i18n';
import { send } from '@/lib/core/send';
import { pendingChanges, SYNC_STATUS_KEY, SYNCED_DIGEST_KEY } from '@/lib/sync/status';
import { useLiveQuery } from '@/lib/hooks/use-live-query';

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

/**
 * What sync last did, in words: whether the whole list fits, or which part is synced; and, until
 * they are synced, how many papers were saved, edited or removed here since.
 */
export function SyncStatus({ enabled }: { enabled: boolean }) {
  const [status, setStatus] = useState<Status>();
  const [synced, setSynced] = useState<Record<string, string>>();
  const saved = useLiveQuery(() => db().saved.toArray(), [], undefined);
  const pending = saved && synced ? pendingChanges(saved, synced) : 0;
  const [busy, setBusy] = useState(false);
  const syncNow = async () => {
    setBusy(true);
    await send({ type: 'syncNow' }).catch(() => undefined);
    setBusy(false);
  };
  useEffect(() => {
    const read = () =>
      void browser.storage.local.get([SYNC_STATUS_KEY, SYNCED_DIGEST_KEY]).then((v) => {
        setStatus((v.syncStatus as Status | undefined) ?? undefined);
        const digest = v[SYNCED_DIGEST_KEY];
        // None yet (a version before it was kept): unknown, so nothing is claimed pending.
        setSynced(digest && typeof digest === 'object' ? (digest as Record<string, string>) : undefined);
      });
    read();
    const listener = (changes: Record<string, unknown>, area: string) =>
      area === 'local' && (SYNC_STATUS_KEY in changes || SYNCED_DIGEST_KEY in changes) && read();
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
            ? `${t('syncPartial', status.syncedCount, status.total)}${pending ? ` ${tn(pending, 'syncPendingOne', 'syncPendingOther', pending)}` : ''}`
            : pending
              ? tn(pending, 'syncPendingOne', 'syncPendingOther', pending)
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
