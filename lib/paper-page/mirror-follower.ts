/**
 * The content script's view of the saved ids and of what Zotero holds: the mirrors in
 * `browser.storage.local`, read (and followed as other pages save and remove papers) only while
 * the page is a paper page. A content script never opens IndexedDB (its IndexedDB is the web page's).
 */
import { browser } from 'wxt/browser';
import { SAVED_IDS_KEY } from '../core/saved-mirror';
import { IN_ZOTERO_KEY, NOTHING_IN_ZOTERO, parseInZotero, type InZotero } from '../core/zotero-mirror';

function toIdSet(value: unknown): Set<string> {
  return new Set(Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []);
}

export interface MirrorFollower {
  /** Whether the mirror lists `id` (false until read, and off paper pages). */
  has(id: string): boolean;
  /** The "In Zotero" mirror (lib/core/zotero-mirror.ts): whether Zotero is on, and what its library holds. */
  zotero(): InZotero;
  /** The page now shows papers: read the mirror and follow it. */
  follow(): void;
  /** The page left papers: stop following, forget what it held. */
  unfollow(): void;
  readonly following: boolean;
  /** Keeps what this page's own save or removal did, before the mirror says so. */
  set(id: string, saved: boolean): void;
}

export function followSavedMirror(onChange: () => void): MirrorFollower {
  let saved = new Set<string>();
  let zotero: InZotero = NOTHING_IN_ZOTERO;
  let following = false;
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SAVED_IDS_KEY in changes || IN_ZOTERO_KEY in changes)) return;
    if (SAVED_IDS_KEY in changes) saved = toIdSet(changes[SAVED_IDS_KEY]!.newValue);
    if (IN_ZOTERO_KEY in changes) zotero = parseInZotero(changes[IN_ZOTERO_KEY]!.newValue);
    onChange();
  };
  return {
    has: (id) => saved.has(id),
    zotero: () => zotero,
    get following() {
      return following;
    },
    follow() {
      following = true;
      browser.storage.onChanged.addListener(onStorage);
      void browser.storage.local.get([SAVED_IDS_KEY, IN_ZOTERO_KEY]).then((v) => {
        if (!following) return; // left paper pages meanwhile
        saved = toIdSet(v[SAVED_IDS_KEY]);
        zotero = parseInZotero(v[IN_ZOTERO_KEY]);
        onChange();
      });
    },
    unfollow() {
      following = false;
      browser.storage.onChanged.removeListener(onStorage);
      saved = new Set();
      zotero = NOTHING_IN_ZOTERO;
    },
    set(id, on) {
      if (on) saved.add(id);
      else saved.delete(id);
    },
  };
}
