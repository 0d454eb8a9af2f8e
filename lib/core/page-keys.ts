/**
 * The new tab's own names: its snapshot in localStorage, its ready event and its query. Only the
 * new tab's app (and its quiet page) imports this module, so it travels in the app's chunk, never
 * in one of its own.
 * The first paint imports nothing, not even this: the build writes its three names into it
 * (`firstPaintDefines`, used by wxt.config.ts and vitest.config.ts; lib/views/first-paint-keys.d.ts
 * types them).
 */

import { SETTINGS_MIRROR_KEY } from './settings';

/** The new tab's snapshot of what it last showed (the popup's is components/popup/PopupApp.tsx's). */
export const NEWTAB_SNAPSHOT_KEY = 'papertab:newtab:v1';
/** Fired by the new tab app once its keyboard handler listens (the first paint holds keys until then). */
export const APP_READY_EVENT = 'papertab:ready';
/** The new tab's query: `?full` shows the full page even in quiet mode, `?q=` the search to open with. */
export const FULL_PARAM = 'full';
export const QUERY_PARAM = 'q';

/** The first paint's three names (the settings' copy's is settings.ts's), as build-time constants (`define`). */
export function firstPaintDefines(): Record<string, string> {
  return {
    __NEWTAB_SNAPSHOT_KEY__: JSON.stringify(NEWTAB_SNAPSHOT_KEY),
    __SETTINGS_MIRROR_KEY__: JSON.stringify(SETTINGS_MIRROR_KEY),
    __APP_READY_EVENT__: JSON.stringify(APP_READY_EVENT),
  };
}
