/**
 * The names sync keeps its data under: its bookkeeping in `browser.storage.local` and its items in
 * `browser.storage.sync`. Declared once, as lib/core/storage-keys.ts declares the others (apart
 * from them so that the pages' shared code, which the new tab loads, does not carry them).
 */

// browser.storage.local
/** Deletions from the reading list that sync still has to tell (lib/store/tombstones.ts). */
export const TOMBSTONES_KEY = 'syncTombstones';
/** How the last sync went (lib/sync/status.ts). */
export const SYNC_STATUS_KEY = 'syncStatus';
/** What each paper was when the list last synced: edits since are pending (lib/sync/status.ts). */
export const SYNCED_DIGEST_KEY = 'syncedDigest';

// browser.storage.sync
/** The synced settings, one item (lib/sync/settings.ts). */
export const SYNC_SETTINGS_KEY = 'settings';
/** The synced reading list's items: its manifest and its numbered chunks (lib/sync/codec.ts). */
export const SYNC_LIST_PREFIX = 'rl:';
export const META_KEY = `${SYNC_LIST_PREFIX}meta`;
export const chunkKey = (i: number) => `${SYNC_LIST_PREFIX}${i}`;
/** The chunk's number a sync item's key names, or undefined when it is no chunk of the list. */
export function chunkIndex(key: string): number | undefined {
  const n = key.startsWith(SYNC_LIST_PREFIX) ? key.slice(SYNC_LIST_PREFIX.length) : '';
  return /^\d+$/.test(n) ? Number(n) : undefined;
}
