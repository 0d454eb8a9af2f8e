/**
 * The new tab's search at work, loaded by `useSearch` when the page is idle (or search is wanted):
 * the stored index (built by the background, lib/store/search-store.ts) loaded without tokenising
 * any paper, the papers written since indexed as they arrive, and only the papers shown read.
 */
import type { Paper } from '../core/paper';
import { isCardCopy } from '../search/cards';
import {
  buildStoredIndex,
  loadCompactIndex,
  type CompactHit,
  type CompactIndex,
  type CompactResults,
} from '../search/compact';
import { isNoDatabase, watchStores } from '../store/raw-read';
import type { StoreReads } from '../store/reads';
import { loadStoredCards, loadStoredSearch, resolve, searchHead } from '../store/search-store';

export interface SearchSession {
  /**
   * The matches of `query` (their count, the first n on demand, and the words found: the same array
   * while they stay the same); undefined until the index is loaded.
   */
  find(query: string): CompactResults | undefined;
  /**
   * The papers of `hits`: those not read yet as their display copies (`isCardCopy`), read meanwhile
   * (`onRead` tells when they are there); undefined only when a paper has no copy to show.
   */
  papers(hits: readonly CompactHit[]): Paper[] | undefined;
  /** The stored paper behind a card's copy (the paper itself otherwise); undefined if it is gone. */
  full(paper: Paper): Promise<Paper | undefined>;
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
async function loadIndex(db: StoreReads, events: SessionEvents) {
  const t0 = performance.now();
  const loaded = await loadStoredSearch(db);
  let index: CompactIndex;
  if (loaded.index) {
    const found = loadCompactIndex(loaded.index);
    found.upsert(loaded.changed);
    found.remove(loaded.removed);
    index = found;
    // The display copies come after: until then, results are read from the papers.
    void loadStoredCards(db, loaded.generation).then((cards) => cards && found.useCards(cards));
  } else {
    const all = await db.allPapers();
    events.onIndexing({ done: 0, total: all.length });
    index = loadCompactIndex(buildStoredIndex(all));
    events.onIndexing(undefined);
  }
  // For `npm run bench`: when the index was loaded (after the first paint) and how long it took.
  performance.measure?.('papertab:search-load', { start: t0, end: performance.now() });
  return { index, loaded };
}

/** Runs `run` when the page is idle (at the latest after 500 ms); returns a cancel. */
function whenIdle(run: () => void): () => void {
  if (globalThis.requestIdleCallback) {
    const id = globalThis.requestIdleCallback(run, { timeout: 500 });
    return () => globalThis.cancelIdleCallback(id);
  }
  const id = setTimeout(run, 50);
  return () => clearTimeout(id);
}

/** Reads shown papers into `papers` (one read at a time per list), then calls `onRead`. */
function paperReader(db: StoreReads, papers: Map<string, Paper>, onRead: () => void) {
  let reading = '';
  let idle: (() => void) | undefined;
  const read = (ids: string[]) => {
    const key = ids.join(' ');
    if (reading === key) return;
    reading = key;
    void db.papers(ids).then((list) => {
      for (const p of list) if (p) papers.set(p.id, p);
      if (reading === key) reading = '';
      onRead();
    });
  };
  return {
    read,
    /** Papers shown as display copies: read once typing pauses, so a read never competes with a keystroke. */
    readWhenIdle(ids: string[]) {
      idle?.();
      idle = whenIdle(() => {
        idle = undefined;
        read(ids.filter((id) => !papers.has(id)));
      });
    },
    cancel: () => idle?.(),
  };
}

/** `db`: the page's reads (lib/store/raw-read.ts `pageReads`: no Dexie code). */
export function openSearchSession(db: StoreReads, events: SessionEvents): SearchSession {
  let index: CompactIndex | undefined;
  let closed = false;
  let generation = -1;
  let applied = 0;
  let pending: Promise<void> = Promise.resolve();
  const papers = new Map<string, Paper>();
  const remember = (list: Paper[]) => {
    for (const p of list) if (papers.has(p.id)) papers.set(p.id, p);
  };
  // The head is read again after every write to the index (each write of papers notes them there).
  const next = (head: { generation: number; changed: string[] }) => {
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
  };
  const readHead = () =>
    void searchHead(db)
      .then((head) => !closed && next(head))
      .catch((err: unknown) => {
        // No database here: the page says so (useDbUnavailable); searching has nothing to read.
        if (!isNoDatabase(err)) console.error('Papertab: search index failed', err);
      });
  const unwatch = watchStores(['searchIndex'], readHead);
  readHead();

  let lastTerms: string[] = [];
  const reader = paperReader(db, papers, () => !closed && events.onRead());
  return {
    find(query) {
      if (!index || !query.trim()) return undefined;
      const t0 = performance.now();
      const result = index.search(query);
      // A User Timing entry, so `npm run bench` can tell query time from rendering time.
      performance.measure?.('papertab:search-query', { start: t0, end: performance.now() });
      const same = result.terms.length === lastTerms.length && result.terms.every((t, i) => t === lastTerms[i]);
      if (same) result.terms = lastTerms;
      else lastTerms = result.terms;
      return result;
    },
    papers(hits) {
      const missing: string[] = [];
      // Until a paper is read, its card shows the index's display copy (no abstract): no wait for IndexedDB.
      const shown: (Paper | undefined)[] = [];
      let copied = true;
      for (const { id } of hits) {
        const paper = papers.get(id);
        if (!paper) missing.push(id);
        const p = paper ?? index?.card(id);
        if (!p) copied = false;
        shown.push(p);
      }
      if (missing.length) (copied ? reader.readWhenIdle : reader.read)(missing);
      return copied ? (shown as Paper[]) : undefined;
    },
    full(paper) {
      if (!isCardCopy(paper)) return Promise.resolve(paper);
      return db.papers([paper.id]).then(([p]) => p && (papers.set(p.id, p), p));
    },
    close() {
      closed = true;
      reader.cancel();
      unwatch();
    },
  };
}
