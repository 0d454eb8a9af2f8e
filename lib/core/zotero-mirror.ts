/**
 * What Zotero's library holds, as the background last learnt it from Zotero's local API: the
 * arXiv ids in it, or why it could not tell. Kept in `browser.storage.local`, so every page and
 * the paper-page script (which never opens IndexedDB) show the same "In Zotero" marks live.
 */
export const IN_ZOTERO_KEY = 'papertab:inZotero';

export interface InZotero {
  /** When the library was last read (epoch ms); 0 when never. */
  at: number;
  ids: string[];
  /** Why the marks cannot be shown or are stale (local API off, Zotero not running…), in words. */
  problem?: string;
  /** Zotero is turned on in Papertab (the paper-page button shows only then). */
  enabled?: boolean;
}

export const NOTHING_IN_ZOTERO: InZotero = { at: 0, ids: [] };

/** The stored value, read defensively (storage is shared with any code of the extension). */
export function parseInZotero(value: unknown): InZotero {
  if (!value || typeof value !== 'object') return NOTHING_IN_ZOTERO;
  const v = value as Record<string, unknown>;
  const ids = Array.isArray(v.ids) ? v.ids.filter((x): x is string => typeof x === 'string') : [];
  return {
    at: typeof v.at === 'number' ? v.at : 0,
    ids,
    ...(typeof v.problem === 'string' ? { problem: v.problem } : {}),
    ...(v.enabled === true ? { enabled: true } : {}),
  };
}
