/**
 * Which arXiv paper a Zotero item is: by arXiv id (any version, old-style ids too), by DOI (the
 * arXiv DOI `10.48550/arXiv.<id>`) and by URL (arXiv's abstract or PDF, Hugging Face's paper page).
 * The same reading as a RIS or CSL-JSON import's (lib/reading-list/refs/reference.ts). Pure.
 */
import { arxivIdIn } from '../reading-list/refs/reference';
import type { LocalItem } from './schemas';

/** The arXiv id an item names, if any: its URL first, then DOI, archive id and Extra. */
export function arxivIdOf(item: LocalItem): string | undefined {
  const d = item.data;
  return arxivIdIn([d.url, d.DOI, d.archiveID, ...(d.extra ?? '').split('\n')]);
}

/** The set of arXiv ids a library holds. */
export function idsInLibrary(items: readonly LocalItem[]): Set<string> {
  const ids = new Set<string>();
  for (const item of items) {
    const id = arxivIdOf(item);
    if (id) ids.add(id);
  }
  return ids;
}
