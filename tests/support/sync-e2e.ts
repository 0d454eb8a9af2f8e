/**
 * Playing the browser's sync service between two profiles of the same user, in either browser
 * (the test browsers have no account to sync with): copy one profile's `storage.sync` area to the
 * other, and run the extension's own sync through its alarm instead of waiting for its debounce.
 */
import { poll, type Driver } from './driver';

interface ExtensionStorage {
  chrome: {
    storage: {
      sync: {
        get(k: null): Promise<Record<string, unknown>>;
        set(i: object): Promise<void>;
        remove(k: string[]): Promise<void>;
      };
      local: { get(k: string): Promise<Record<string, { lastSyncAt?: number; ok?: boolean } | undefined>> };
    };
  };
}

/** Runs one sync in that browser now, through its own alarm, and waits for it to finish. */
export async function syncNow(driver: Driver): Promise<void> {
  const since = Date.now();
  await driver.fireAlarm('papertab-sync');
  await poll(
    () =>
      driver.inExtension(
        async () =>
          (await (globalThis as unknown as ExtensionStorage).chrome.storage.local.get('syncStatus')).syncStatus,
      ),
    `a sync in ${driver.name} to finish`,
    (status) => !!status?.ok && (status.lastSyncAt ?? 0) >= since,
  );
}

/** What the browser's sync service does: makes `to`'s sync area a copy of `from`'s. */
export async function carry(from: Driver, to: Driver): Promise<void> {
  const items = await from.inExtension(() => (globalThis as unknown as ExtensionStorage).chrome.storage.sync.get(null));
  await to.inExtension(async (next) => {
    const sync = (globalThis as unknown as ExtensionStorage).chrome.storage.sync;
    const gone = Object.keys(await sync.get(null)).filter((k) => !(k in next));
    if (gone.length) await sync.remove(gone);
    await sync.set(next);
  }, items);
}

/** Syncs `a`, carries its area to `b`, syncs `b`, and (with `andBack`) carries that back to `a` and syncs it. */
export async function syncBetween(a: Driver, b: Driver, andBack = false): Promise<void> {
  await syncNow(a);
  await carry(a, b);
  await syncNow(b);
  if (!andBack) return;
  await carry(b, a);
  await syncNow(a);
}
