import { liveQuery } from 'dexie';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { db } from '../store/db';
import type { Paper } from '../core/paper';
import type { SearchIndex, SearchResults } from '../views/search';

export interface SearchState {
  results?: SearchResults;
  /** Papers indexed so far and in all, while the index is being built. */
  indexing?: { done: number; total: number };
}

const BATCH = 500;

/**
 * Local search over every cached paper. The search code and its index are loaded the first time
 * search is wanted (not on every new tab), built in small batches so typing stays responsive, and
 * then kept in step with the cache while the page is open.
 */
export function useSearch(query: string, wanted: boolean): SearchState {
  const index = useRef<SearchIndex | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const [indexing, setIndexing] = useState<{ done: number; total: number }>();
  const active = wanted || query.trim() !== '';
  const [started, setStarted] = useState(false);
  if (active && !started) setStarted(true);

  useEffect(() => {
    if (!started) return;
    let cancelled = false;
    let known = new Set<string>();
    let pending: Promise<void> = Promise.resolve();
    const sub = liveQuery(() => db().papers.toArray()).subscribe({
      next: (papers) => {
        pending = pending.then(() => (cancelled ? undefined : update(papers)));
      },
      error: (err: unknown) => console.error('Papertab: search index failed', err),
    });
    async function update(papers: Paper[]) {
      if (!index.current) {
        const { createSearchIndex } = await import('../views/search');
        index.current = createSearchIndex([]);
      }
      const idx = index.current;
      const ids = new Set(papers.map((p) => p.id));
      const gone = [...known].filter((id) => !ids.has(id));
      if (gone.length) idx.remove(gone);
      known = ids;
      for (let i = 0; i < papers.length && !cancelled; i += BATCH) {
        idx.upsert(papers.slice(i, i + BATCH));
        const done = Math.min(i + BATCH, papers.length);
        setIndexing(done < papers.length ? { done, total: papers.length } : undefined);
        setVersion((v) => v + 1);
        // Yield between batches so keystrokes and paints go first.
        if (done < papers.length) await new Promise((r) => setTimeout(r, 0));
      }
    }
    return () => {
      cancelled = true;
      sub.unsubscribe();
    };
  }, [started]);

  const lastTerms = useRef<string[]>([]);
  const results = useMemo(() => {
    if (!index.current || !query.trim()) return undefined;
    const start = performance.now();
    const found = index.current.search(query);
    // A User Timing entry, so `npm run bench` can tell query time from rendering time.
    performance.measure?.('papertab:search-query', { start, end: performance.now() });
    // The same matched words as before ("diffu" → "diffus" both match "diffusion"): the same array,
    // so the memoised cards whose paper did not change are not rendered again.
    const same =
      found.terms.length === lastTerms.current.length && found.terms.every((term, i) => term === lastTerms.current[i]);
    if (same) found.terms = lastTerms.current;
    else lastTerms.current = found.terms;
    return found;
  }, [query, version]);
  return { results, indexing };
}
