/**
 * The stored form of the search index (built here, kept in IndexedDB by lib/store/search-store.ts):
 * structured-clone friendly, typed arrays for the bulk, so a page loads it without tokenising a paper.
 */
import type { Paper } from '../core/paper';
import { encodeCards, type StoredCards } from './cards';
import { F, FIELDS, tokens } from './score';

export interface StoredIndex {
  version: 1;
  /** Per slot: the paper id, its upvotes (tie-break) and its day as days since 1970 (newest first). */
  ids: string[];
  upvotes: Int32Array;
  days: Int32Array;
  /** Field lengths, field-major: `lengths[f * n + slot]`. */
  lengths: Uint16Array;
  totals: number[];
  /** Every term, sorted, joined by "\n" (one string clones and splits far faster than 200,000). */
  terms: string;
  /** Postings of term `t` in field `f` are `slots/counts[offsets[t * F + f] .. offsets[t * F + f + 1]]`. */
  offsets: Uint32Array;
  slots: Uint32Array;
  counts: Uint8Array;
  /** Each slot's display copy (./cards.ts); absent in an index stored before it was kept. */
  cards?: StoredCards;
}

/**
 * `base`: the index as built (`index`, without its display copies); `cards`: the base's display
 * copies, apart so a page searches before they have loaded; `head`: the ids written or removed since (`changed`).
 */
export interface SearchIndexRecord {
  key: 'base' | 'head' | 'cards';
  generation: number;
  /** On the head: the format of the base it goes with (CARDS_FORMAT once the base holds display copies). */
  format?: number;
  index?: StoredIndex;
  changed?: string[];
  cards?: StoredCards;
}

/** The stored format whose base holds each paper's display copy; a base written before is built again. */
export const CARDS_FORMAT = 2;

export function dayNumber(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? 0 : Math.round(ms / 86_400_000);
}

/** Every term's postings, per field, as [slot, count, slot, count…], and the field lengths and totals. */
function collect(papers: readonly Paper[]) {
  const n = papers.length;
  const lengths = new Uint16Array(F * n);
  const totals = FIELDS.map(() => 0);
  const postings = new Map<string, number[][]>();
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
  return { lengths, totals, postings };
}

/** Builds the stored form over `papers` (the last copy of a duplicate id wins). */
export function buildStoredIndex(input: readonly Paper[]): StoredIndex {
  const byId = new Map<string, Paper>();
  for (const p of input) {
    byId.delete(p.id);
    byId.set(p.id, p);
  }
  const papers = [...byId.values()];
  const { lengths, totals, postings } = collect(papers);
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
    cards: encodeCards(papers),
  };
}
