import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { timeAgo } from '@/lib/format';

interface Status {
  ok?: boolean;
  syncedCount?: number;
  total?: number;
  complete?: boolean;
  lastSyncAt?: number;
  error?: string;
}

/** What sync last did, in words: whether the whole list fits, or which part is synced. */
export function SyncStatus({ enabled }: { enabled: boolean }) {
  const [status, setStatus] = useState<Status>();
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
  if (!enabled) return <p class="hint">Sync is off: the reading list and settings stay on this device.</p>;
  if (!status) return <p class="hint">Not synced yet.</p>;
  if (status.error) return <p class="error">Sync failed: {status.error}</p>;
  return (
    <p class="hint">
      {status.complete === false && status.total !== undefined && status.syncedCount !== undefined
        ? `The reading list is too large to sync whole: the ${status.syncedCount} most recently saved or edited of ${status.total} papers are synced. The rest stay on this device.`
        : `All ${status.total ?? 0} papers in the reading list are synced.`}
      {status.lastSyncAt && ` Last synced ${timeAgo(status.lastSyncAt, Date.now())}.`}
    </p>
  );
}
