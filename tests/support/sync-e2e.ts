/**
 * Playing the browser's sync service between two profiles (Chromium here has no account to sync
 * with): copy one profile's `storage.sync` area to the other, and run the extension's own sync
 * through its alarm instead of waiting for its 30-second debounce.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './extension';
import { fireAlarm } from './e2e';

interface ChromeStorage {
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

/** Runs one sync in `ext` now, through its own alarm, and waits for it to finish. */
export async function syncNow(ext: ExtensionSession): Promise<void> {
  const since = Date.now();
  await fireAlarm(ext, 'papertab-sync');
  await expect
    .poll(
      async () => {
        const status = await (
          await ext.sw()
        ).evaluate(
          async () =>
            (await (globalThis as unknown as ChromeStorage).chrome.storage.local.get('syncStatus')).syncStatus,
        );
        return !!status?.ok && (status.lastSyncAt ?? 0) >= since;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
}

/** What the browser's sync service does: makes `to`'s sync area a copy of `from`'s. */
export async function carry(from: ExtensionSession, to: ExtensionSession): Promise<void> {
  const items = await (
    await from.sw()
  ).evaluate(() => (globalThis as unknown as ChromeStorage).chrome.storage.sync.get(null));
  await (
    await to.sw()
  ).evaluate(async (next) => {
    const sync = (globalThis as unknown as ChromeStorage).chrome.storage.sync;
    const gone = Object.keys(await sync.get(null)).filter((k) => !(k in next));
    if (gone.length) await sync.remove(gone);
    await sync.set(next);
  }, items);
}

export async function readingList(ext: ExtensionSession): Promise<Page> {
  const list = await ext.page('reading-list.html');
  await list.getByRole('heading', { level: 1, name: /Reading list/ }).waitFor();
  return list;
}
