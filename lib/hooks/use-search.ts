import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { pageReads } from '../store/raw-read';
import type { Paper } from '../core/paper';
import type { SearchSession } from './search-session';

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
  /**
   * The stored paper behind a result (results show the index's display copy until their papers are
   * read): what a save or "Not interested" must be given.
   */
  full: (paper: Paper) => Promise<Paper | undefined>;
}

const asIs = (paper: Paper) => Promise.resolve(paper);

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

/** The search machinery (lib/hooks/search-session.ts), loaded when idle or wanted; undefined until then. */
function useSession(start: boolean) {
  const [session, setSession] = useState<SearchSession>();
  const [version, setVersion] = useState(0);
  const [read, setRead] = useState(0);
  const [indexing, setIndexing] = useState<{ done: number; total: number }>();
  useEffect(() => {
    if (!start) return;
    let live = true;
    let opened: SearchSession | undefined;
    void import('./search-session').then(({ openSearchSession }) => {
      if (!live) return;
      opened = openSearchSession(pageReads, {
        onIndex: () => setVersion((v) => v + 1),
        onRead: () => setRead((v) => v + 1),
        onIndexing: setIndexing,
      });
      setSession(opened);
    });
    return () => {
      live = false;
      opened?.close();
    };
  }, [start]);
  return { session, version, read, indexing };
}

/** The search machinery of a page, kept while its search box comes and goes: loaded when idle, or at once when `wanted`. */
export interface SearchEngine {
  session?: SearchSession;
  /** Bumped when the index grows, and when the papers asked for have been read. */
  version: number;
  read: number;
  indexing?: { done: number; total: number };
  newest: boolean;
  setNewest: (on: boolean) => void;
}

export function useSearchEngine(wanted: boolean): SearchEngine {
  const [newest, setNewest] = useState(false);
  const [start, setStart] = useState(false);
  if (wanted && !start) setStart(true);
  useEffect(() => (start ? undefined : whenIdle(() => setStart(true))), [start]);
  const { session, version, read, indexing } = useSession(start);
  return useMemo(
    () => ({ session, version, read, indexing, newest, setNewest }),
    [session, version, read, indexing, newest],
  );
}

/**
 * Local search over every cached paper, at archive scale: the stored index is loaded after the
 * first paint; each keystroke asks it, and only the papers shown are read.
 */
export function useSearch(query: string, engine: SearchEngine): SearchState {
  const { session, version, read, indexing, newest, setNewest } = engine;
  const [paging, setPaging] = useState({ query, shown: SEARCH_PAGE });
  const shown = paging.query === query ? paging.shown : SEARCH_PAGE;

  const found = useMemo(() => session?.find(query), [session, query, version]);
  // Ids and objects only for the matches shown: ranked as far as those.
  const visible = useMemo(() => found?.top(shown, newest), [found, shown, newest]);
  const papers = useMemo(() => (visible ? session?.papers(visible) : undefined), [visible, read]);

  const lastResults = useRef<SearchResults | undefined>(undefined);
  let results: SearchResults | undefined;
  if (found) {
    // The same words found as before keep the same array: a card whose paper stayed is not drawn again.
    const last = lastResults.current?.terms;
    const terms = last && sameWords(last, found.terms) ? last : found.terms;
    // Until the papers to show are read (a few ms), the previous results stay: no flash of nothing.
    results = papers ? { papers, total: found.count, terms } : lastResults.current;
    if (papers) lastResults.current = results;
  }
  return {
    results,
    indexing,
    newest,
    setNewest,
    showMore: () => setPaging({ query, shown: shown + SEARCH_PAGE }),
    full: session?.full ?? asIs,
  };
}

const sameWords = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((w, i) => w === b[i]);
