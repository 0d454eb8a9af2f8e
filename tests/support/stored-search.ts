/**
 * The new tab's search (lib/search/compact.ts) over papers held here, answering with papers as the
 * tests read them: the stored index built, loaded, and updated as a page does.
 */
import type { Paper } from '@/lib/core/paper';
import { buildStoredIndex, loadCompactIndex, type CompactResults } from '@/lib/search/compact';

/** Every match of `results`, ranked (the new tab asks only for the first ones shown). */
export const ranked = (results: CompactResults) => results.top(results.count);

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
      const results = index.search(query);
      return { papers: ranked(results).map((h) => papers.get(h.id)!), terms: results.terms };
    },
    get size() {
      return index.size;
    },
  };
}
