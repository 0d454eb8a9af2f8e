/**
 * The search index at archive scale: built once (by whoever writes papers, mostly the background),
 * stored as a few typed arrays and one string (stored.ts, kept by lib/store/search-store.ts), and
 * loaded by a page without tokenising a single paper. Papers written since the stored index was
 * built sit in a small overlay indexed on load; stored slots they replace are masked. Ranking is the
 * scoring core's (score.ts); the tests check it against a reference index built apart.
 */
import type { Paper } from '../core/paper';
import { F, FIELD_BOOST, FIELDS, fieldScore, idf, queryTerms, tokens } from './score';
import { decodeCard, type StoredCards } from './cards';
import { dayNumber, type StoredIndex } from './stored';
import { expand, isDead, lengthOf, runsOf, type Run, type Slots } from './slots';

export { buildStoredIndex, type StoredIndex } from './stored';

export interface CompactHit {
  id: string;
  /** Days since 1970 of the paper's featured day (0 when unknown). */
  day: number;
}

export interface CompactResults {
  /** Best match first. */
  hits: CompactHit[];
  terms: string[];
}

export interface CompactIndex {
  /** Indexes papers written since the stored index was built (new, or with new text or upvotes). */
  upsert(papers: readonly Paper[]): void;
  remove(ids: readonly string[]): void;
  /**
   * Every word must match: as a prefix from 3 letters on, and from 5 letters on with one typo
   * forgiven when the word itself is nowhere in the cache.
   */
  search(query: string): CompactResults;
  /** What a result card shows of a live paper: the paper as written, or its stored display copy (no abstract). */
  card(id: string): Paper | undefined;
  /** The stored slots' display copies, when they are stored apart (lib/store/search-store.ts). */
  useCards(cards: StoredCards): void;
  readonly size: number;
}

/** Per-query scratch, reused (sized to the slots): scores, how many words matched, a visit stamp. */
interface Scratch {
  scores: Float64Array;
  matched: Uint16Array;
  seen: Uint32Array;
  stamp: number;
}

function newSlots(stored: StoredIndex): Slots {
  const base = stored.ids.length;
  const slotOf = new Map<string, number>();
  stored.ids.forEach((id, slot) => slotOf.set(id, slot));
  return {
    stored,
    cards: stored.cards,
    base,
    baseTerms: stored.terms ? stored.terms.split('\n') : [],
    dead: new Uint8Array(base),
    slotOf,
    live: base,
    totals: [...stored.totals],
    ids: [],
    upvotes: [],
    days: [],
    papers: [],
    lengths: FIELDS.map(() => []),
    overlay: new Map(),
  };
}

const idOf = (s: Slots, slot: number) => (slot < s.base ? s.stored.ids[slot]! : s.ids[slot - s.base]!);
const upvotesOf = (s: Slots, slot: number) => (slot < s.base ? s.stored.upvotes[slot]! : s.upvotes[slot - s.base]!);
const dayOf = (s: Slots, slot: number) => (slot < s.base ? s.stored.days[slot]! : s.days[slot - s.base]!);

function upsert(s: Slots, papers: readonly Paper[], kill: (slot: number) => void): void {
  for (const paper of papers) {
    const old = s.slotOf.get(paper.id);
    if (old !== undefined) kill(old);
    const slot = s.base + s.ids.length;
    s.ids.push(paper.id);
    s.upvotes.push(paper.upvotes);
    s.days.push(dayNumber(paper.day));
    s.papers.push(paper);
    s.slotOf.set(paper.id, slot);
    s.live++;
    tokens(paper).forEach(({ counts, length }, f) => {
      s.lengths[f]!.push(length);
      s.totals[f] = s.totals[f]! + length;
      for (const [term, count] of counts) {
        let p = s.overlay.get(term);
        if (!p) {
          s.overlay.set(term, (p = FIELDS.map(() => ({ slots: [], counts: [] }))));
          s.overlaySorted = s.byLength = undefined;
        }
        p[f]!.slots.push(slot);
        p[f]!.counts.push(count);
      }
    });
  }
}

/** Adds word `w`'s scores to every live paper that matched the words before it. */
function scoreWord(s: Slots, x: Scratch, w: number, word: string, touched: number[], used: Map<string, Run[][]>) {
  const avgLength = s.totals.map((total) => (s.live ? total / s.live : 0));
  x.stamp++;
  for (const [term, weight] of expand(s, word)) {
    const runs = runsOf(s, term);
    used.set(term, runs);
    for (let f = 0; f < F; f++) {
      let df = 0;
      for (const r of runs) df += r[f]!.slots.length;
      if (df === 0) continue;
      const factor = weight * FIELD_BOOST[f]! * idf(s.live, df);
      const avg = avgLength[f]! || 1;
      for (const r of runs) {
        const { slots, counts } = r[f]!;
        for (let i = 0; i < slots.length; i++) {
          const slot = slots[i]!;
          if (x.matched[slot] !== w || isDead(s, slot)) continue;
          if (x.seen[slot] !== x.stamp) {
            x.seen[slot] = x.stamp;
            if (w === 0) {
              touched.push(slot);
              x.scores[slot] = 0;
            }
          }
          x.scores[slot] = x.scores[slot]! + fieldScore(factor, counts[i]!, lengthOf(s, f, slot), avg);
        }
      }
    }
  }
  for (const slot of touched) if (x.seen[slot] === x.stamp && x.matched[slot] === w) x.matched[slot] = w + 1;
}

function search(s: Slots, x: Scratch, query: string): CompactResults {
  const queryWords = queryTerms(query);
  if (queryWords.length === 0) return { hits: [], terms: [] };
  const touched: number[] = [];
  const used = new Map<string, Run[][]>();
  queryWords.forEach((word, w) => scoreWord(s, x, w, word, touched, used));
  const all = queryWords.length;
  const hits = touched.filter((slot) => x.matched[slot] === all);
  for (const slot of touched) x.matched[slot] = 0;
  hits.sort((a, b) => x.scores[b]! - x.scores[a]! || upvotesOf(s, b) - upvotesOf(s, a));
  // The terms shown as matches: those some result holds.
  x.stamp++;
  for (const slot of hits) x.seen[slot] = x.stamp;
  const terms: string[] = [];
  for (const [term, runs] of used) {
    if (runs.some((r) => r.some(({ slots }) => Array.prototype.some.call(slots, (k: number) => x.seen[k] === x.stamp))))
      terms.push(term);
  }
  return { hits: hits.map((slot) => ({ id: idOf(s, slot), day: dayOf(s, slot) })), terms };
}

/** A page's index: the stored one as it is, plus an overlay for what changed since. */
export function loadCompactIndex(stored: StoredIndex): CompactIndex {
  const s = newSlots(stored);
  const x: Scratch = { scores: new Float64Array(0), matched: new Uint16Array(0), seen: new Uint32Array(0), stamp: 0 };
  const kill = (slot: number) => {
    if (isDead(s, slot)) return;
    if (slot < s.base) s.dead[slot] = 1;
    else s.ids[slot - s.base] = '';
    for (let f = 0; f < F; f++) s.totals[f] = s.totals[f]! - lengthOf(s, f, slot);
    s.live--;
  };
  return {
    upsert: (papers) => upsert(s, papers, kill),
    remove(list) {
      for (const id of list) {
        const slot = s.slotOf.get(id);
        if (slot === undefined) continue;
        s.slotOf.delete(id);
        kill(slot);
      }
    },
    search(query) {
      const n = s.base + s.ids.length;
      if (x.scores.length < n) {
        const size = Math.max(n, x.scores.length * 2, 1024);
        x.scores = new Float64Array(size);
        x.matched = new Uint16Array(size);
        x.seen = new Uint32Array(size);
      }
      return search(s, x, query);
    },
    card(id) {
      const slot = s.slotOf.get(id);
      if (slot === undefined || isDead(s, slot)) return undefined;
      if (slot >= s.base) return s.papers[slot - s.base];
      return s.cards && decodeCard(s.cards, slot);
    },
    useCards(cards) {
      if (cards.offsets.length === s.base + 1) s.cards = cards;
    },
    get size() {
      return s.live;
    },
  };
}
