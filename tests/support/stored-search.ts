/**
 * The new tab's search (lib/search/compact.ts) over papers held here, answering with papers as the
 * tests read them: the stored index built, loaded, and updated as a page does.
 */
import type { Paper } from '@/lib/core/paper';
import { buildStoredIndex, loadCompactIndex } from '@/lib/search/compact';

export function storedSearch(initial: readonly Paper[]) {
  const papers = new Map(initial.map((p) => [p.id, p]));
  const index = loadCompactIndex(buildStoredIndex(initial));
  return {
    upsert(list: readonly Paper[]) {
      for (const p of list) papers.set(p.id, p);
      index.upsert(list);
    },
    remove(ids: readonly string[]) {
      for (const id of ids) papers.delete(id);
      index.remove(ids);
    },
    search(query: string): { papers: Paper[]; terms: string[] } {
      const { hits, terms } = index.search(query);
      return { papers: hits.map((h) => papers.get(h.id)!), terms };
    },
    get size() {
      return index.size;
    },
  };
}
