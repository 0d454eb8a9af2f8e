/**
 * The tests' reference search: an in-memory inverted index written apart from lib/search/ (once the
 * new tab's own), which the property tests hold the stored index to. Kept in step with the
 * cache, and the splitting of text into highlighted parts. Nothing here produces HTML.
 *
 * Hand-written rather than a library (it was MiniSearch): a keystroke must show results within a
 * frame over 10,000 papers, and a general-purpose engine builds a result object per matching paper,
 * which for a broad prefix ("dif" matches 4,000 papers) took 5–20 ms before anything rendered. Here a
 * query adds BM25 scores into one typed array per search and allocates only for the papers it returns.
 * The ranking follows MiniSearch's: BM25 per field with field boosts, prefix and typo matches weighted down.
 */
import type { Paper } from '@/lib/core/paper';
import { fieldText, indexTerm, sameText, withinOneEdit, type Field } from '@/lib/search/terms';
import { words } from '@/lib/search/text-match';

export { highlightParts, type HighlightPart } from '@/lib/search/text-match';

export interface SearchResults {
  /** Best match first. */
  papers: Paper[];
  /** The indexed words that matched (folded: lower case, no accents), for `highlightParts`. */
  terms: string[];
}

export interface SearchIndex {
  /** Adds new papers and re-indexes those whose searchable text changed (matched by id). */
  upsert(papers: readonly Paper[]): void;
  remove(ids: readonly string[]): void;
  /**
   * Every word must match: as a prefix from 3 letters on, and from 5 letters on with one typo forgiven
   * when the word itself is nowhere in the cache.
   */
  search(query: string): SearchResults;
  readonly size: number;
}

const BOOST: Record<Field, number> = { title: 4, keywords: 2, authors: 2, organization: 2, summary: 1 };
const FIELDS = Object.keys(BOOST) as Field[];
const FIELD_BOOST = FIELDS.map((f) => BOOST[f]);

/** BM25 parameters (as MiniSearch's defaults) and the weights of inexact matches. */
const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/** Where a term occurs: per field, the papers (slots) and how often. Parallel arrays, append-only. */
interface Postings {
  slots: number[][];
  counts: number[][];
}

/** First index in sorted `xs` whose value is >= `x`. */
function lowerBound(xs: readonly string[], x: string): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createSearchIndex(papers: readonly Paper[]): SearchIndex {
  // Each indexed version of a paper has a slot; a replaced or removed one is left dead (undefined)
  // and skipped, and the whole index is rebuilt once dead slots outnumber live ones.
  let docs: (Paper | undefined)[] = [];
  let fieldLengths: number[][] = FIELDS.map(() => []);
  let totalLength = FIELDS.map(() => 0);
  let postings = new Map<string, Postings>();
  const slotOf = new Map<string, number>();
  let dead = 0;
  let sorted: string[] | undefined; // every indexed word, sorted (for prefixes); rebuilt after adds
  let byLength: Map<number, string[]> | undefined; // the same, by length (for typos)
  // Scratch space for queries, grown with the slots.
  let scores = new Float64Array(0);
  let matched = new Uint16Array(0);
  let seen = new Uint32Array(0);
  let stamp = 0;

  function add(paper: Paper): void {
    const slot = docs.length;
    docs.push(paper);
    slotOf.set(paper.id, slot);
    FIELDS.forEach((field, f) => {
      const counts = new Map<string, number>();
      let length = 0;
      for (const word of words(fieldText(paper, field))) {
        const term = indexTerm(word);
        if (!term) continue;
        length++;
        counts.set(term, (counts.get(term) ?? 0) + 1);
      }
      fieldLengths[f]![slot] = length;
      totalLength[f] = totalLength[f]! + length;
      for (const [term, count] of counts) {
        let p = postings.get(term);
        if (!p) {
          p = { slots: FIELDS.map(() => []), counts: FIELDS.map(() => []) };
          postings.set(term, p);
          sorted = byLength = undefined;
        }
        p.slots[f]!.push(slot);
        p.counts[f]!.push(count);
      }
    });
  }

  function kill(slot: number): void {
    docs[slot] = undefined;
    FIELDS.forEach((_, f) => (totalLength[f] = totalLength[f]! - fieldLengths[f]![slot]!));
    dead++;
  }

  function rebuildIfSparse(): void {
    if (dead <= 1000 || dead <= slotOf.size) return;
    const live = docs.filter((d): d is Paper => d !== undefined);
    docs = [];
    fieldLengths = FIELDS.map(() => []);
    totalLength = FIELDS.map(() => 0);
    postings = new Map();
    slotOf.clear();
    dead = 0;
    sorted = byLength = undefined;
    for (const paper of live) add(paper);
  }

  function vocabulary(): { sorted: string[]; byLength: Map<number, string[]> } {
    if (!sorted || !byLength) {
      sorted = [...postings.keys()].sort();
      byLength = new Map();
      for (const term of sorted) {
        const list = byLength.get(term.length);
        if (list) list.push(term);
        else byLength.set(term.length, [term]);
      }
    }
    return { sorted, byLength };
  }

  /** The indexed words a query word stands for, with their weights: itself, longer words it starts, near misses. */
  function expand(word: string): Map<string, number> {
    const out = new Map<string, number>();
    const exact = postings.has(word);
    if (exact) out.set(word, 1);
    // One or two letters as a prefix match nearly every paper (slow, and no help); as whole words
    // they are acronyms and names worth finding: RL, QA, 3D, Li, Wu.
    if (word.length < 3) return out;
    const vocab = vocabulary();
    for (let i = lowerBound(vocab.sorted, word); i < vocab.sorted.length; i++) {
      const term = vocab.sorted[i]!;
      if (!term.startsWith(word)) break;
      if (term === word) continue;
      const distance = term.length - word.length;
      out.set(term, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance));
    }
    // Typos only: a word that is in the index is meant as typed ("models" should not also bring "modes").
    if (word.length >= 5 && !exact) {
      for (const length of [word.length - 1, word.length, word.length + 1]) {
        for (const term of vocab.byLength.get(length) ?? []) {
          if (!out.has(term) && withinOneEdit(word, term)) {
            out.set(term, (FUZZY_WEIGHT * term.length) / (term.length + 1));
          }
        }
      }
    }
    return out;
  }

  const index: SearchIndex = {
    upsert(list) {
      for (const paper of list) {
        const slot = slotOf.get(paper.id);
        const old = slot === undefined ? undefined : docs[slot];
        if (old && sameText(old, paper)) {
          // Upvotes and other unindexed fields only need the paper: ranking reads them at query time.
          docs[slot!] = paper;
          continue;
        }
        if (slot !== undefined) kill(slot);
        add(paper);
      }
      rebuildIfSparse();
    },
    remove(ids) {
      for (const id of ids) {
        const slot = slotOf.get(id);
        if (slot === undefined) continue;
        slotOf.delete(id);
        kill(slot);
      }
      rebuildIfSparse();
    },
    search(query) {
      const queryWords = [
        ...new Set(
          words(query)
            .map(indexTerm)
            .filter((w): w is string => !!w),
        ),
      ];
      if (queryWords.length === 0) return { papers: [], terms: [] };
      const n = docs.length;
      if (scores.length < n) {
        const size = Math.max(n, scores.length * 2, 1024);
        scores = new Float64Array(size);
        matched = new Uint16Array(size);
        seen = new Uint32Array(size);
      }
      const live = slotOf.size;
      const avgLength = totalLength.map((total) => (live ? total / live : 0));
      const touched: number[] = [];
      const used: { term: string; p: Postings }[] = [];
      for (const [w, word] of queryWords.entries()) {
        stamp++;
        for (const [term, weight] of expand(word)) {
          const p = postings.get(term)!;
          used.push({ term, p });
          for (let f = 0; f < FIELDS.length; f++) {
            const slots = p.slots[f]!;
            if (slots.length === 0) continue;
            const counts = p.counts[f]!;
            const lengths = fieldLengths[f]!;
            const idf = Math.log(1 + (live - slots.length + 0.5) / (slots.length + 0.5));
            const factor = weight * FIELD_BOOST[f]! * idf;
            const avg = avgLength[f]! || 1;
            for (let i = 0; i < slots.length; i++) {
              const slot = slots[i]!;
              // Only papers that matched every earlier word stay in the running.
              if (matched[slot] !== w || docs[slot] === undefined) continue;
              const tf = counts[i]!;
              const score = factor * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * lengths[slot]!) / avg)));
              if (seen[slot] !== stamp) {
                seen[slot] = stamp;
                if (w === 0) {
                  touched.push(slot);
                  scores[slot] = 0;
                }
              }
              scores[slot] = scores[slot]! + score;
            }
          }
        }
        // Count the word once per paper that matched it.
        for (const slot of touched) if (seen[slot] === stamp && matched[slot] === w) matched[slot] = w + 1;
      }
      const all = queryWords.length;
      const hits = touched.filter((slot) => matched[slot] === all);
      for (const slot of touched) matched[slot] = 0;
      hits.sort((a, b) => scores[b]! - scores[a]! || docs[b]!.upvotes - docs[a]!.upvotes);
      // The words shown as matches: those found in at least one returned paper.
      stamp++;
      for (const slot of hits) seen[slot] = stamp;
      const terms = new Set<string>();
      for (const { term, p } of used) {
        if (!terms.has(term) && p.slots.some((slots) => slots.some((slot) => seen[slot] === stamp))) terms.add(term);
      }
      return { papers: hits.map((slot) => docs[slot]!), terms: [...terms] };
    },
    get size() {
      return slotOf.size;
    },
  };
  index.upsert(papers);
  return index;
}
