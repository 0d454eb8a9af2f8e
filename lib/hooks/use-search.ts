import { liveQuery } from 'dexie';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { db } from '../store/db';
import type { Paper } from '../core/paper';
import { loadStoredSearch, resolve, searchHead } from '../store/search-store';
import type { CompactHit, CompactIndex } from '../views/search-compact';

export interface SearchResults {
  /** The papers shown (the first `shown` matches, in order). */
  papers: Paper[];
  /** How many cached papers match in all. */
  total: number;
  /** The indexed words that matched (folded), for highlighting. */
  terms: string[];
}

export interface SearchState {
  results?: SearchResults;
  /** Papers indexed so far and in all, while a page without a stored index builds one. */
  indexing?: { done: number; total: number };
  newest: boolean;
  setNewest: (on: boolean) => void;
  showMore: () => void;
}

/** Matches shown per keystroke; "Show more" adds as many. */
export const SEARCH_PAGE = 10;

/** Loads the index once the page is idle (after the first paint; at the latest 300 ms on), or at once when search is wanted. */
function whenIdle(run: () => void): () => void {
  const idle = globalThis.requestIdleCallback;
  if (idle) {
    const id = idle(run, { timeout: 300 });
    return () => globalThis.cancelIdleCallback(id);
  }
  const id = setTimeout(run, 200);
  return () => clearTimeout(id);
}

/**
 * Local search over every cached paper, at archive scale: the stored index (built once by the
 * background, lib/store/search-store.ts) is loaded after the first paint without tokenising any
 * paper; papers written since are indexed as they arrive; only the papers shown are read.
 */
export function useSearch(query: string, wanted: boolean): SearchState {
  const index = useRef<CompactIndex | undefined>(undefined);
  const papers = useRef(new Map<string, Paper>());
  const [version, setVersion] = useState(0);
  const [, setRead] = useState(0);
  const [indexing, setIndexing] = useState<{ done: number; total: number }>();
  const [newest, setNewest] = useState(false);
  const [paging, setPaging] = useState({ query, shown: SEARCH_PAGE });
  const shown = paging.query === query ? paging.shown : SEARCH_PAGE;
  const [start, setStart] = useState(false);
  const active = wanted || query.trim() !== '';
  if (active && !start) setStart(true);

  useEffect(() => (start ? undefined : whenIdle(() => setStart(true))), [start]);

  useEffect(() => {
    if (!start) return;
    let cancelled = false;
    let generation = -1;
    let applied = 0;
    let pending: Promise<void> = Promise.resolve();
    const bump = () => !cancelled && setVersion((v) => v + 1);

    const remember = (list: Paper[]) => {
      for (const p of list) if (papers.current.has(p.id)) papers.current.set(p.id, p);
    };
    async function load(): Promise<void> {
      const t0 = performance.now();
      const compact = await import('../views/search-compact');
      const loaded = await loadStoredSearch(db());
      if (cancelled) return;
      let next: CompactIndex;
      if (loaded.index) {
        next = compact.loadCompactIndex(loaded.index);
        next.upsert(loaded.changed);
        next.remove(loaded.removed);
      } else {
        // No stored index yet (the background builds it at its next start): built here, once.
        const all = await db().papers.toArray();
        setIndexing({ done: 0, total: all.length });
        next = compact.loadCompactIndex(compact.buildStoredIndex(all));
        setIndexing(undefined);
      }
      remember(loaded.changed);
      generation = loaded.generation;
      index.current = next;
      // For `npm run bench`: when the index was loaded (after the first paint) and how long it took.
      performance.measure?.('papertab:search-load', { start: t0, end: performance.now() });
      bump();
    }
    const sub = liveQuery(() => searchHead(db())).subscribe({
      next: (head) => {
        pending = pending.then(async () => {
          if (cancelled) return;
          if (head.generation !== generation) {
            await load();
            applied = head.changed.length;
            return;
          }
          const fresh = head.changed.slice(applied);
          applied = head.changed.length;
          if (!fresh.length || !index.current) return;
          const { changed, removed } = await resolve(db(), fresh);
          index.current.upsert(changed);
          index.current.remove(removed);
          remember(changed);
          for (const id of removed) papers.current.delete(id);
          bump();
        });
      },
      error: (err: unknown) => console.error('Papertab: search index failed', err),
    });
    return () => {
      cancelled = true;
      sub.unsubscribe();
    };
  }, [start]);

  const lastTerms = useRef<string[]>([]);
  const found = useMemo(() => {
    if (!index.current || !query.trim()) return undefined;
    const t0 = performance.now();
    const result = index.current.search(query);
    // A User Timing entry, so `npm run bench` can tell query time from rendering time.
    performance.measure?.('papertab:search-query', { start: t0, end: performance.now() });
    // The same matched words as before: the same array, so unchanged cards are not rendered again.
    const same =
      result.terms.length === lastTerms.current.length &&
      result.terms.every((term, i) => term === lastTerms.current[i]);
    if (same) result.terms = lastTerms.current;
    else lastTerms.current = result.terms;
    return result;
  }, [query, version]);

  const hits = useMemo(() => {
    if (!found || !newest) return found?.hits;
    // Newest first: by featured day, the most relevant first within a day (the sort is stable).
    return [...found.hits].sort((a: CompactHit, b: CompactHit) => b.day - a.day);
  }, [found, newest]);

  const visible = hits?.slice(0, shown);
  const missing = visible?.filter((h) => !papers.current.has(h.id)) ?? [];
  const missingKey = missing.map((h) => h.id).join(' ');
  useEffect(() => {
    if (!missing.length) return;
    let cancelled = false;
    void db()
      .papers.bulkGet(missing.map((h) => h.id))
      .then((list) => {
        for (const p of list) if (p) papers.current.set(p.id, p);
        // Only the papers to show arrived: the index did not change, so the query is not asked again.
        if (!cancelled) setRead((v) => v + 1);
      });
    return () => {
      cancelled = true;
    };
  }, [missingKey]);

  const lastResults = useRef<SearchResults | undefined>(undefined);
  let results: SearchResults | undefined;
  if (found && visible && hits) {
    // Until the papers to show are read (a few ms), the previous results stay: no flash of nothing.
    results = missing.length
      ? lastResults.current
      : {
          papers: visible.map((h) => papers.current.get(h.id)).filter((p): p is Paper => !!p),
          total: hits.length,
          terms: found.terms,
        };
    if (!missing.length) lastResults.current = results;
  }
  return {
    results,
    indexing,
    newest,
    setNewest,
    showMore: () => setPaging({ query, shown: shown + SEARCH_PAGE }),
  };
}
