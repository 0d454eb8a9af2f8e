/**
 * Host access to Zotero desktop on this computer: an optional permission, asked the first time.
 * Chrome's match patterns may carry the port; Firefox's may not (MDN "Match patterns"), so there
 * it is all of 127.0.0.1, as the Zotero Connector's own manifest asks.
 */
import { browser } from 'wxt/browser';

export const ZOTERO_ORIGIN = import.meta.env.BROWSER === 'firefox' ? 'http://127.0.0.1/*' : 'http://127.0.0.1:23119/*';

export function hasZoteroAccess(): Promise<boolean> {
  return browser.permissions.contains({ origins: [ZOTERO_ORIGIN] }).catch(() => false);
}

/** Asks the browser (from a click: browsers require a user's gesture). False when refused. */
export function askZoteroAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: [ZOTERO_ORIGIN] }).catch(() => false);
}
