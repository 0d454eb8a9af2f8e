/**
 * Every name Papertab stores data under, or reads a page's state by: each declared here once (sync's
 * own in lib/core/sync-keys.ts, kept out of the pages' shared code) and imported wherever it is used
 * (tests/unit/storage-keys.test.ts finds any spelled out elsewhere).
 * Tiny and import-free on purpose: the paper-page script imports it. The new tab's first paint
 * reads its three through build-time constants made from these (`firstPaintDefines`, below).
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
export function firstPaintDefines(): Record<string, string> {
  return {
    __NEWTAB_SNAPSHOT_KEY__: JSON.stringify(NEWTAB_SNAPSHOT_KEY),
    __SETTINGS_MIRROR_KEY__: JSON.stringify(SETTINGS_MIRROR_KEY),
    __APP_READY_EVENT__: JSON.stringify(APP_READY_EVENT),
  };
}
