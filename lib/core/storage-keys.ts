/**
 * Every name Papertab stores data under, or reads a page's state by: each declared here once and
 * imported wherever it is used (tests/unit/storage-keys.test.ts finds any spelled out elsewhere).
 * Tiny and import-free on purpose: the paper-page script imports it. The new tab's first paint
 * reads its three through build-time constants made from these (`FIRST_PAINT_DEFINES`, below).
 */

// browser.storage.local
/** The settings record (lib/core/settings.ts). */
export const SETTINGS_KEY = 'settings';
/** The saved papers' ids, a mirror the paper-page script and the storage-only popup read. */
export const SAVED_IDS_KEY = 'savedIds';
/** Changes on every reading-list write, so the background hears of edits (and syncs them). */
export const SAVED_CHANGED_KEY = 'savedChangedAt';
/** What Zotero's library holds, as the background last learnt it (lib/core/zotero-mirror.ts). */
export const IN_ZOTERO_KEY = 'papertab:inZotero';
/** The day's top papers for pages without IndexedDB (lib/views/glance-fallback.ts). */
export const FALLBACK_KEY = 'glanceFallback';
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

// localStorage: the pages' synchronous copies, read before anything asynchronous
/** The first-paint snapshots, by page; each stem also names older versions, which clearing the cache removes. */
export const NEWTAB_SNAPSHOT_STEM = 'papertab:newtab:';
export const POPUP_SNAPSHOT_STEM = 'papertab:popup:';
export const NEWTAB_SNAPSHOT_KEY = `${NEWTAB_SNAPSHOT_STEM}v1`;
export const POPUP_SNAPSHOT_KEY = `${POPUP_SNAPSHOT_STEM}v1`;
/** The settings' copy for the first paint (theme, quiet mode, view, layout). */
export const SETTINGS_MIRROR_KEY = 'papertab:settings';

// The new tab page
/** Fired by the new tab app once its keyboard handler listens (the first paint holds keys until then). */
export const APP_READY_EVENT = 'papertab:ready';
/** `?full`: the full new tab even in quiet mode; `?q=`: the search to open with. */
export const FULL_PARAM = 'full';
export const QUERY_PARAM = 'q';

/**
 * The new tab's first paint is one script, so it imports nothing, not even this module (shared by
 * every page, it would be a chunk to fetch first): the build writes its three names into it
 * (wxt.config.ts and vitest.config.ts `define`; lib/views/first-paint-keys.d.ts types them).
 */
export const FIRST_PAINT_DEFINES = {
  __NEWTAB_SNAPSHOT_KEY__: JSON.stringify(NEWTAB_SNAPSHOT_KEY),
  __SETTINGS_MIRROR_KEY__: JSON.stringify(SETTINGS_MIRROR_KEY),
  __APP_READY_EVENT__: JSON.stringify(APP_READY_EVENT),
};
