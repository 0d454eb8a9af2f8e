/**
 * The search index at archive scale: built once (by whoever writes papers, mostly the background),
 * stored as a few typed arrays and one string (lib/store/search-store.ts), and loaded by a page
 * without tokenising a single paper. Papers written since the stored index was built sit in a small
 * overlay indexed on load; stored slots they replace are masked. The ranking is the in-memory
 * index's (lib/views/search.ts), term for term and in the same order, so a freshly stored index
 * answers exactly as `createSearchIndex` over the same papers.
 */
import type { Paper } from '../core/paper';
import type { StoredIndex } from '../store/search-store';
import { fieldText, indexTerm, withinOneEdit, type Field } from './search-terms';
import { words } from './text-match';

const BOOST: Record<Field, number> = { title: 4, keywords: 2, authors: 2, organization: 2, summary: 1 };
const FIELDS = Object.keys(BOOST) as Field[];
const F = FIELDS.length;
const FIELD_BOOST = FIELDS.map((f) => BOOST[f]);
const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

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

function dayNumber(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? 0 : Math.round(ms / 86_400_000);
}

function tokens(paper: Paper): { counts: Map<string, number>; length: number }[] {
  return FIELDS.map((field) => {
    const counts = new Map<string, number>();
    let length = 0;
    for (const word of words(fieldText(paper, field))) {
      const term = indexTerm(word);
      if (!term) continue;
      length++;
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    return { counts, length };
  });
}

/** Builds the stored form over `papers` (the last copy of a duplicate id wins). */
export function buildStoredIndex(input: readonly Paper[]): StoredIndex {
  const byId = new Map<string, Paper>();
  for (const p of input) {
    byId.delete(p.id);
    byId.set(p.id, p);
  }
  const papers = [...byId.values()];
  const n = papers.length;
  const lengths = new Uint16Array(F * n);
  const totals = FIELDS.map(() => 0);
  const postings = new Map<string, number[][]>(); // term → per field [slot, count, slot, count…]
  papers.forEach((paper, slot) => {
    tokens(paper).forEach(({ counts, length }, f) => {
      lengths[f * n + slot] = Math.min(length, 65_535);
      totals[f] = totals[f]! + length;
      for (const [term, count] of counts) {
        let p = postings.get(term);
        if (!p) postings.set(term, (p = FIELDS.map(() => [])));
        p[f]!.push(slot, count);
      }
    });
  });
  const terms = [...postings.keys()].sort();
  let total = 0;
  for (const term of terms) for (const list of postings.get(term)!) total += list.length / 2;
  const offsets = new Uint32Array(terms.length * F + 1);
  const slots = new Uint32Array(total);
  const counts = new Uint8Array(total);
  let at = 0;
  terms.forEach((term, t) => {
    postings.get(term)!.forEach((list, f) => {
      offsets[t * F + f] = at;
      for (let i = 0; i < list.length; i += 2) {
        slots[at] = list[i]!;
        counts[at] = Math.min(list[i + 1]!, 255);
        at++;
      }
    });
  });
  offsets[terms.length * F] = at;
  return {
    version: 1,
    ids: papers.map((p) => p.id),
    upvotes: Int32Array.from(papers, (p) => p.upvotes),
    days: Int32Array.from(papers, (p) => dayNumber(p.day)),
    lengths,
    totals,
    terms: terms.join('\n'),
    offsets,
    slots,
    counts,
  };
}

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

/** One list of postings: slots (global) and counts. */
interface Run {
  slots: ArrayLike<number>;
  counts: ArrayLike<number>;
}

export interface CompactIndex {
  /** Indexes papers written since the stored index was built (new, or with new text or upvotes). */
  upsert(papers: readonly Paper[]): void;
  remove(ids: readonly string[]): void;
  search(query: string): CompactResults;
  readonly size: number;
}

/** A page's index: the stored one as it is, plus an overlay for what changed since. */
export function loadCompactIndex(stored: StoredIndex): CompactIndex {
  const base = stored.ids.length;
  const baseTerms = stored.terms ? stored.terms.split('\n') : [];
  const { offsets, slots: baseSlots, counts: baseCounts, lengths: baseLengths } = stored;
  const dead = new Uint8Array(base);
  const slotOf = new Map<string, number>();
  stored.ids.forEach((id, slot) => slotOf.set(id, slot));
  let live = base;
  const totals = [...stored.totals];
  // The overlay: slots from `base` on.
  const ids: string[] = [];
  const upvotes: number[] = [];
  const days: number[] = [];
  const lengths: number[][] = FIELDS.map(() => []);
  const overlay = new Map<string, { slots: number[]; counts: number[] }[]>();
  let overlaySorted: string[] | undefined;
  let byLength: Map<number, string[]> | undefined;
  let scores = new Float64Array(0);
  let matched = new Uint16Array(0);
  let seen = new Uint32Array(0);
  let stamp = 0;

  const idOf = (slot: number) => (slot < base ? stored.ids[slot]! : ids[slot - base]!);
  const upvotesOf = (slot: number) => (slot < base ? stored.upvotes[slot]! : upvotes[slot - base]!);
  const dayOf = (slot: number) => (slot < base ? stored.days[slot]! : days[slot - base]!);
  const lengthOf = (f: number, slot: number) =>
    slot < base ? baseLengths[f * base + slot]! : lengths[f]![slot - base]!;
  const isDead = (slot: number) => (slot < base ? dead[slot] === 1 : ids[slot - base] === '');

  function kill(slot: number): void {
    if (isDead(slot)) return;
    if (slot < base) dead[slot] = 1;
    else ids[slot - base] = '';
    for (let f = 0; f < F; f++) totals[f] = totals[f]! - lengthOf(f, slot);
    live--;
  }

  function baseRuns(term: string): Run[] | undefined {
    const t = lowerBound(baseTerms, term);
    if (baseTerms[t] !== term) return undefined;
    return FIELDS.map((_, f) => {
      const from = offsets[t * F + f]!;
      const to = offsets[t * F + f + 1]!;
      return { slots: baseSlots.subarray(from, to), counts: baseCounts.subarray(from, to) };
    });
  }

  /** Whether a live paper holds the word (a removed or replaced paper's words no longer count). */
  function has(term: string): boolean {
    for (const runs of runsOf(term))
      for (const { slots } of runs) for (let i = 0; i < slots.length; i++) if (!isDead(slots[i]!)) return true;
    return false;
  }

  function sortedOverlay(): string[] {
    overlaySorted ??= [...overlay.keys()].sort();
    return overlaySorted;
  }

  function lengthsIndex(): Map<number, string[]> {
    if (!byLength) {
      byLength = new Map();
      const all = new Set([...baseTerms, ...overlay.keys()]);
      for (const term of [...all].sort()) {
        const list = byLength.get(term.length);
        if (list) list.push(term);
        else byLength.set(term.length, [term]);
      }
    }
    return byLength;
  }

  /** As `expand` in search.ts: the word itself, the words it starts, then near misses. */
  function expand(word: string): Map<string, number> {
    const out = new Map<string, number>();
    const exact = has(word);
    if (exact) out.set(word, 1);
    if (word.length < 3) return out;
    const prefixed = new Set<string>();
    for (const list of [baseTerms, sortedOverlay()]) {
      for (let i = lowerBound(list, word); i < list.length; i++) {
        const term = list[i]!;
        if (!term.startsWith(word)) break;
        if (term !== word) prefixed.add(term);
      }
    }
    for (const term of [...prefixed].sort()) {
      const distance = term.length - word.length;
      out.set(term, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance));
    }
    if (word.length >= 5 && !exact) {
      const index = lengthsIndex();
      for (const length of [word.length - 1, word.length, word.length + 1]) {
        for (const term of index.get(length) ?? []) {
          if (!out.has(term) && withinOneEdit(word, term))
            out.set(term, (FUZZY_WEIGHT * term.length) / (term.length + 1));
        }
      }
    }
    return out;
  }

  function runsOf(term: string): Run[][] {
    const out: Run[][] = [];
    const b = baseRuns(term);
    if (b) out.push(b);
    const o = overlay.get(term);
    if (o) out.push(o);
    return out;
  }

  return {
    upsert(papers) {
      for (const paper of papers) {
        const old = slotOf.get(paper.id);
        if (old !== undefined) kill(old);
        const slot = base + ids.length;
        ids.push(paper.id);
        upvotes.push(paper.upvotes);
        days.push(dayNumber(paper.day));
        slotOf.set(paper.id, slot);
        live++;
        tokens(paper).forEach(({ counts, length }, f) => {
          lengths[f]!.push(length);
          totals[f] = totals[f]! + length;
          for (const [term, count] of counts) {
            let p = overlay.get(term);
            if (!p) {
              overlay.set(term, (p = FIELDS.map(() => ({ slots: [], counts: [] }))));
              overlaySorted = byLength = undefined;
            }
            p[f]!.slots.push(slot);
            p[f]!.counts.push(count);
          }
        });
      }
    },
    remove(list) {
      for (const id of list) {
        const slot = slotOf.get(id);
        if (slot === undefined) continue;
        slotOf.delete(id);
        kill(slot);
      }
    },
    search(query) {
      const queryWords = [
        ...new Set(
          words(query)
            .map(indexTerm)
            .filter((w): w is string => !!w),
        ),
      ];
      if (queryWords.length === 0) return { hits: [], terms: [] };
      const n = base + ids.length;
      if (scores.length < n) {
        const size = Math.max(n, scores.length * 2, 1024);
        scores = new Float64Array(size);
        matched = new Uint16Array(size);
        seen = new Uint32Array(size);
      }
      const avgLength = totals.map((total) => (live ? total / live : 0));
      const touched: number[] = [];
      const used: { term: string; runs: Run[][] }[] = [];
      for (const [w, word] of queryWords.entries()) {
        stamp++;
        for (const [term, weight] of expand(word)) {
          const runs = runsOf(term);
          used.push({ term, runs });
          for (let f = 0; f < F; f++) {
            let df = 0;
            for (const r of runs) df += r[f]!.slots.length;
            if (df === 0) continue;
            const idf = Math.log(1 + (live - df + 0.5) / (df + 0.5));
            const factor = weight * FIELD_BOOST[f]! * idf;
            const avg = avgLength[f]! || 1;
            for (const r of runs) {
              const { slots, counts } = r[f]!;
              for (let i = 0; i < slots.length; i++) {
                const slot = slots[i]!;
                if (matched[slot] !== w || isDead(slot)) continue;
                const tf = counts[i]!;
                const len = lengthOf(f, slot);
                const score = factor * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * len) / avg)));
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
        }
        for (const slot of touched) if (seen[slot] === stamp && matched[slot] === w) matched[slot] = w + 1;
      }
      const all = queryWords.length;
      const hits = touched.filter((slot) => matched[slot] === all);
      for (const slot of touched) matched[slot] = 0;
      hits.sort((a, b) => scores[b]! - scores[a]! || upvotesOf(b) - upvotesOf(a));
      stamp++;
      for (const slot of hits) seen[slot] = stamp;
      const terms = new Set<string>();
      for (const { term, runs } of used) {
        if (terms.has(term)) continue;
        if (runs.some((r) => r.some(({ slots }) => Array.prototype.some.call(slots, (s: number) => seen[s] === stamp))))
          terms.add(term);
      }
      return { hits: hits.map((slot) => ({ id: idOf(slot), day: dayOf(slot) })), terms: [...terms] };
    },
    get size() {
      return live;
    },
  };
}
