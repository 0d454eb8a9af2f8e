import { liveQuery } from 'dexie';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { db } from './db';
import { createSearchIndex, type SearchIndex, type SearchResults } from './search';

/**
 * Local search over every cached paper. The index is built the first time search is wanted (not
 * on every new tab), then kept in step with the cache while the page is open.
 */
export function useSearch(query: string, wanted: boolean): SearchResults | undefined {
  const index = useRef<SearchIndex | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const active = wanted || query.trim() !== '';
  const [started, setStarted] = useState(false);
  if (active && !started) setStarted(true);

  useEffect(() => {
    if (!started) return;
    const sub = liveQuery(() => db().papers.toArray()).subscribe({
      next: (papers) => {
        if (!index.current) index.current = createSearchIndex(papers);
        else index.current.upsert(papers);
        setVersion((v) => v + 1);
      },
      error: (err: unknown) => console.error('Papertab: search index failed', err),
    });
    return () => sub.unsubscribe();
  }, [started]);

  return useMemo(() => (index.current && query.trim() ? index.current.search(query) : undefined), [query, version]);
}
