import { useEffect, useMemo, useState } from 'preact/hooks';
import { loadDb } from '../store/raw-read';
import type { Paper } from '../core/paper';
import type { SavedPaper } from '../core/saved';
import type { Ranked, Reason } from '../views/rank/rank';
import { useLiveRead } from './use-live-read';

export type Ranker = typeof import('../views/rank/index');

const FOR_YOU_STORES = ['saved', 'papers'];

export interface ForYou {
  /** The papers, most like the reading list first (upvotes first while the list is empty). */
  papers: Paper[];
  /** The reading list is empty: the order is upvotes, and the page says so. */
  fallback: boolean;
  /** Why a paper ranks where it does (worked out once per paper and ranking, for the cards shown). */
  reason(paper: Paper): Reason | undefined;
}

interface Inputs {
  saved: SavedPaper[];
  shunned: Paper[];
}

/**
 * The "For you" order of `papers`, or undefined while it is not ready (or not wanted). The profile
 * is made from the reading list (live: a save, a status change or a removal anywhere ranks again)
 * and the papers marked "Not interested" the cache still holds. `load` gives the ranker's code,
 * imported lazily by the pages: its chunk loads only once the order is wanted.
 */
export function useForYou(
  enabled: boolean,
  papers: Paper[] | undefined,
  notInterested: string[],
  load: () => Promise<Ranker>,
): ForYou | undefined {
  const [ranker, setRanker] = useState<Ranker>();
  useEffect(() => {
    if (!enabled || ranker) return;
    let live = true;
    void load().then((m) => live && setRanker(m));
    return () => {
      live = false;
    };
  }, [enabled]);
  const key = enabled ? notInterested.join(',') : '';
  // Dexie loads only once "For you" is wanted.
  const inputs = useLiveRead<Inputs | undefined>(
    async () => {
      if (!enabled) return undefined;
      const db = await loadDb();
      const [saved, shunned] = await Promise.all([db.saved.toArray(), db.papers.bulkGet(notInterested)]);
      return { saved, shunned: shunned.filter((p): p is Paper => !!p) };
    },
    FOR_YOU_STORES,
    [enabled, key],
    undefined,
  );
  const profile = useMemo(
    () => (ranker && inputs ? ranker.buildProfile(inputs.saved, inputs.shunned, Date.now()) : undefined),
    [ranker, inputs],
  );
  return useMemo(() => {
    if (!enabled || !ranker || !profile || !papers) return undefined;
    const ranked: Ranked = ranker.rankForYou(papers, profile);
    const reasons = new Map<string, Reason | undefined>();
    return {
      papers: ranked.papers,
      fallback: ranked.fallback,
      reason(paper) {
        if (!reasons.has(paper.id)) reasons.set(paper.id, ranked.explain(paper));
        return reasons.get(paper.id);
      },
    };
  }, [enabled, ranker, profile, papers]);
}
