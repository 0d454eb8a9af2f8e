/**
 * A query's matches as the index found them: slots and scores in two typed arrays, not an object per
 * paper ("diffusion" matches 12,289 of 30,000). They are ranked only as far as the cards shown need
 * (the first n kept in a heap while the rest are passed over), and ids are made for those alone.
 */

export interface CompactHit {
  id: string;
  /** Days since 1970 of the paper's featured day (0 when unknown). */
  day: number;
}

export interface CompactResults {
  /** How many papers match. */
  readonly count: number;
  /**
   * The first `n` matches: best first (by score, then upvotes), or with `newest` by featured day,
   * newest first, the best first within a day.
   */
  top(n: number, newest?: boolean): CompactHit[];
  /** The indexed words that matched (folded), for highlighting. */
  terms: string[];
}

/** What ranking reads of a slot. */
export interface SlotFacts {
  idOf(slot: number): string;
  upvotesOf(slot: number): number;
  dayOf(slot: number): number;
}

export const noResults = (): CompactResults => ({ count: 0, top: () => [], terms: [] });

/**
 * The matches `slots` (in the order they were found) scored `scores`. Ties in score and upvotes keep
 * the order found, as a stable sort would.
 */
export function rankedHits(
  slots: Uint32Array,
  scores: Float64Array,
  facts: SlotFacts,
  terms: string[],
): CompactResults {
  const count = slots.length;
  let last: { n: number; newest: boolean; hits: CompactHit[] } | undefined;
  return {
    count,
    terms,
    top(wanted, newest = false) {
      const n = Math.max(0, Math.min(wanted, count));
      if (last && last.n === n && last.newest === newest) return last.hits;
      // Whether match `i` ranks before match `j`.
      const before = (i: number, j: number): boolean => {
        if (newest) {
          const d = facts.dayOf(slots[i]!) - facts.dayOf(slots[j]!);
          if (d !== 0) return d > 0;
        }
        const s = scores[i]! - scores[j]!;
        if (s !== 0) return s > 0;
        const u = facts.upvotesOf(slots[i]!) - facts.upvotesOf(slots[j]!);
        return u !== 0 ? u > 0 : i < j;
      };
      const order = firstN(count, n, before);
      const hits = order.map((i) => ({ id: facts.idOf(slots[i]!), day: facts.dayOf(slots[i]!) }));
      last = { n, newest, hits };
      return hits;
    },
  };
}

/** The first `n` of `0 .. count - 1` in the order `before` gives, first first. */
function firstN(count: number, n: number, before: (i: number, j: number) => boolean): number[] {
  const byRank = (i: number, j: number) => (i === j ? 0 : before(i, j) ? -1 : 1);
  if (n === 0) return [];
  if (n * 4 >= count) {
    const all = Array.from({ length: count }, (_, i) => i).sort(byRank);
    return all.slice(0, n);
  }
  // A heap of the best n so far, the one ranked last at its root: most matches lose to the root at once.
  const heap = new Int32Array(n);
  for (let i = 0; i < n; i++) heap[i] = i;
  for (let k = (n >> 1) - 1; k >= 0; k--) siftDown(heap, k, before);
  for (let i = n; i < count; i++) {
    if (!before(i, heap[0]!)) continue;
    heap[0] = i;
    siftDown(heap, 0, before);
  }
  return Array.from(heap).sort(byRank);
}

/** Restores the heap below `k`: every parent ranks after its children. */
function siftDown(heap: Int32Array, k: number, before: (i: number, j: number) => boolean): void {
  const n = heap.length;
  for (;;) {
    const l = 2 * k + 1;
    if (l >= n) return;
    const r = l + 1;
    const worse = r < n && before(heap[l]!, heap[r]!) ? r : l;
    if (!before(heap[k]!, heap[worse]!)) return;
    const t = heap[k]!;
    heap[k] = heap[worse]!;
    heap[worse] = t;
    k = worse;
  }
}
