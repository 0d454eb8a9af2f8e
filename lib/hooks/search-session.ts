/**
 * The new tab's search at work, loaded by `useSearch` when the page is idle (or search is wanted):
 * the stored index (built by the background, lib/store/search-store.ts) loaded without tokenising
 * any paper, the papers written since indexed as they arrive, and only the papers shown read.
 */
import { liveQuery } from 'dexie';
import type { Paper } from '../core/paper';
import { buildStoredIndex, loadCompactIndex, type CompactHit, type CompactIndex } from '../search/compact';
import type { PapertabDB } from '../store/db';
import { loadStoredSearch, resolve, searchHead } from '../store/search-store';

export interface Found {
  /** Best match first (or newest first). */
  hits: CompactHit[];
  /** The indexed words that matched (folded), for highlighting: the same array while they stay the same. */
  terms: string[];
}

export interface SearchSession {
  /** The matches of `query`; undefined until the index is loaded. */
  find(query: string, newest: boolean): Found | undefined;
  /** The papers of `hits`, or undefined while some are read (`onRead` tells when they are there). */
  papers(hits: readonly CompactHit[]): Paper[] | undefined;
  close(): void;
}

export interface SessionEvents {
  /** The index changed (loaded, or papers written since): ask again. */
  onIndex: () => void;
  /** Papers to show were read. */
  onRead: () => void;
  /** While a page without a stored index builds one. */
  onIndexing: (progress: { done: number; total: number } | undefined) => void;
}

/** Loads the stored index, or builds it here, once, when the background has not yet. */
async function loadIndex(db: PapertabDB, events: SessionEvents) {
  const t0 = performance.now();
  const loaded = await loadStoredSearch(db);
  let index: CompactIndex;
  if (loaded.index) {
    index = loadCompactIndex(loaded.index);
    index.upsert(loaded.changed);
    index.remove(loaded.removed);
  } else {
    const all = await db.papers.toArray();
    events.onIndexing({ done: 0, total: all.length });
    index = loadCompactIndex(buildStoredIndex(all));
    events.onIndexing(undefined);
  }
  // For `npm run bench`: when the index was loaded (after the first paint) and how long it took.
  performance.measure?.('papertab:search-load', { start: t0, end: performance.now() });
  return { index, loaded };
}

export function openSearchSession(db: PapertabDB, events: SessionEvents): SearchSession {
  let index: CompactIndex | undefined;
  let closed = false;
  let generation = -1;
  let applied = 0;
  let pending: Promise<void> = Promise.resolve();
  const papers = new Map<string, Paper>();
  const remember = (list: Paper[]) => {
    for (const p of list) if (papers.has(p.id)) papers.set(p.id, p);
  };
  const sub = liveQuery(() => searchHead(db)).subscribe({
    next: (head) => {
      pending = pending.then(async () => {
        if (closed) return;
        if (head.generation !== generation) {
          const { index: next, loaded } = await loadIndex(db, events);
          if (closed) return;
          remember(loaded.changed);
          generation = loaded.generation;
          index = next;
          applied = head.changed.length;
          return events.onIndex();
        }
        const fresh = head.changed.slice(applied);
        applied = head.changed.length;
        if (!fresh.length || !index) return;
        const { changed, removed } = await resolve(db, fresh);
        index.upsert(changed);
        index.remove(removed);
        remember(changed);
        for (const id of removed) papers.delete(id);
        events.onIndex();
      });
    },
    error: (err: unknown) => console.error('Papertab: search index failed', err),
  });

  let lastTerms: string[] = [];
  let reading = '';
  return {
    find(query, newest) {
      if (!index || !query.trim()) return undefined;
      const t0 = performance.now();
      const result = index.search(query);
      // A User Timing entry, so `npm run bench` can tell query time from rendering time.
      performance.measure?.('papertab:search-query', { start: t0, end: performance.now() });
      const same = result.terms.length === lastTerms.length && result.terms.every((t, i) => t === lastTerms[i]);
      if (same) result.terms = lastTerms;
      else lastTerms = result.terms;
      // Newest first: by featured day, the most relevant first within a day (the sort is stable).
      if (newest) result.hits = [...result.hits].sort((a, b) => b.day - a.day);
      return result;
    },
    papers(hits) {
      const missing = hits.filter((h) => !papers.has(h.id)).map((h) => h.id);
      if (!missing.length) return hits.map((h) => papers.get(h.id)).filter((p): p is Paper => !!p);
      const key = missing.join(' ');
      if (reading !== key) {
        reading = key;
        void db.papers.bulkGet(missing).then((list) => {
          for (const p of list) if (p) papers.set(p.id, p);
          if (reading === key) reading = '';
          if (!closed) events.onRead();
        });
      }
      return undefined;
    },
    close() {
      closed = true;
      sub.unsubscribe();
    },
  };
}
