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
import { vocabulary } from './vocabulary';
import { noResults, rankedHits, type CompactResults, type SlotFacts } from './hits';

export { buildStoredIndex, type StoredIndex } from './stored';
export type { CompactHit, CompactResults } from './hits';

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

/**
 * Per-query scratch, reused (sized to the slots): scores, how many words matched, a visit stamp,
 * and the slots the first word touched (`touched[0 .. found]`), in the order found.
 */
interface Scratch {
  scores: Float64Array;
  matched: Uint16Array;
  seen: Uint32Array;
  stamp: number;
  touched: Uint32Array;
  found: number;
}

function newSlots(stored: StoredIndex): Slots {
  const base = stored.ids.length;
  const slotOf = new Map<string, number>();
  stored.ids.forEach((id, slot) => slotOf.set(id, slot));
  return {
    stored,
    cards: stored.cards,
    base,
    baseTerms: vocabulary(stored.terms),
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
          s.overlay.set(term, (p = FIELDS.map(() => ({ slots: [], counts: [], from: 0, to: 0 }))));
          s.overlaySorted = s.byLength = undefined;
        }
        const run = p[f]!;
        run.slots.push(slot);
        run.counts.push(count);
        run.to = run.slots.length;
      }
    });
  }
}

/** Adds the scores of one run of postings (field `f`) to the papers still in the running for word `w`. */
function addRun(s: Slots, x: Scratch, w: number, run: Run, f: number, factor: number, avg: number): void {
  const { scores, matched, seen, touched, stamp } = x;
  const { slots, counts, from, to } = run;
  for (let i = from; i < to; i++) {
    const slot = slots[i]!;
    if (matched[slot] !== w || isDead(s, slot)) continue;
    if (seen[slot] !== stamp) {
      seen[slot] = stamp;
      if (w === 0) {
        touched[x.found++] = slot;
        scores[slot] = 0;
      }
    }
    scores[slot] = scores[slot]! + fieldScore(factor, counts[i]!, lengthOf(s, f, slot), avg);
  }
}

/** Adds word `w`'s scores to every live paper that matched the words before it. */
function scoreWord(s: Slots, x: Scratch, w: number, word: string, avgLength: number[], used: Map<string, Run[][]>) {
  x.stamp++;
  // Plain loops, not iterators: a keystroke allocates nothing per term or per run.
  expand(s, word).forEach((weight, term) => {
    const runs = runsOf(s, term);
    used.set(term, runs);
    for (let f = 0; f < F; f++) {
      let df = 0;
      for (let r = 0; r < runs.length; r++) df += runs[r]![f]!.to - runs[r]![f]!.from;
      if (df === 0) continue;
      const factor = weight * FIELD_BOOST[f]! * idf(s.live, df);
      const avg = avgLength[f]! || 1;
      for (let r = 0; r < runs.length; r++) addRun(s, x, w, runs[r]![f]!, f, factor, avg);
    }
  });
  const { touched, seen, matched, stamp } = x;
  for (let k = 0; k < x.found; k++) {
    const slot = touched[k]!;
    if (seen[slot] === stamp && matched[slot] === w) matched[slot] = w + 1;
  }
}

/** Whether some posting of `runs` is a slot stamped `stamp`. */
function anySeen(runs: Run[][], seen: Uint32Array, stamp: number): boolean {
  for (let r = 0; r < runs.length; r++)
    for (let f = 0; f < F; f++) {
      const { slots, from, to } = runs[r]![f]!;
      for (let i = from; i < to; i++) if (seen[slots[i]!] === stamp) return true;
    }
  return false;
}

function search(s: Slots, x: Scratch, facts: SlotFacts, query: string): CompactResults {
  const queryWords = queryTerms(query);
  if (queryWords.length === 0) return noResults();
  const used = new Map<string, Run[][]>();
  const avgLength = s.totals.map((total) => (s.live ? total / s.live : 0));
  x.found = 0;
  queryWords.forEach((word, w) => scoreWord(s, x, w, word, avgLength, used));
  // The matches (every word matched), in the order found, with their scores: copied, as the scratch is reused.
  const all = queryWords.length;
  const { touched, matched, scores } = x;
  let count = 0;
  for (let k = 0; k < x.found; k++) if (matched[touched[k]!] === all) count++;
  const slots = new Uint32Array(count);
  const hitScores = new Float64Array(count);
  x.stamp++;
  for (let k = 0, h = 0; k < x.found; k++) {
    const slot = touched[k]!;
    if (matched[slot] === all) {
      slots[h] = slot;
      hitScores[h++] = scores[slot]!;
      x.seen[slot] = x.stamp;
    }
    matched[slot] = 0;
  }
  // The terms shown as matches: those some result holds.
  const terms: string[] = [];
  used.forEach((runs, term) => {
    if (anySeen(runs, x.seen, x.stamp)) terms.push(term);
  });
  return rankedHits(slots, hitScores, facts, terms);
}

/** Display copies kept decoded: a few pages of results. */
const DECODED_KEPT = 200;

/** A page's index: the stored one as it is, plus an overlay for what changed since. */
export function loadCompactIndex(stored: StoredIndex): CompactIndex {
  const s = newSlots(stored);
  const x: Scratch = {
    scores: new Float64Array(0),
    matched: new Uint16Array(0),
    seen: new Uint32Array(0),
    stamp: 0,
    touched: new Uint32Array(0),
    found: 0,
  };
  const decoded = new Map<number, Paper>();
  const facts: SlotFacts = {
    idOf: (slot) => (slot < s.base ? s.stored.ids[slot]! : s.ids[slot - s.base]!),
    upvotesOf: (slot) => (slot < s.base ? s.stored.upvotes[slot]! : s.upvotes[slot - s.base]!),
    dayOf: (slot) => (slot < s.base ? s.stored.days[slot]! : s.days[slot - s.base]!),
  };
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
        x.touched = new Uint32Array(size);
        x.stamp = 0;
      }
      return search(s, x, facts, query);
    },
    card(id) {
      const slot = s.slotOf.get(id);
      if (slot === undefined || isDead(s, slot)) return undefined;
      if (slot >= s.base) return s.papers[slot - s.base];
      if (!s.cards) return undefined;
      // A stored slot's copy never changes: the cards of the last keystrokes are decoded once, and stay the same objects.
      let card = decoded.get(slot);
      if (!card) {
        card = decodeCard(s.cards, slot);
        if (decoded.size >= DECODED_KEPT) decoded.clear();
        if (card) decoded.set(slot, card);
      }
      return card;
    },
    useCards(cards) {
      if (cards.offsets.length === s.base + 1) {
        s.cards = cards;
        decoded.clear();
      }
    },
    get size() {
      return s.live;
    },
  };
}
