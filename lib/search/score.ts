/**
 * The one scoring core: which fields count and how much, BM25 with the weights of inexact matches,
 * and how a paper's text becomes terms. The stored index (compact.ts) ranks with it; the tests'
 * reference index (tests/support/search-reference.ts) is written apart to check it.
 */
import type { Paper } from '../core/paper';
import { fieldText, indexTerm, type Field } from './terms';
import { words } from './text-match';

const BOOST: Record<Field, number> = { title: 4, keywords: 2, authors: 2, organization: 2, summary: 1 };
export const FIELDS = Object.keys(BOOST) as Field[];
export const F = FIELDS.length;
export const FIELD_BOOST = FIELDS.map((f) => BOOST[f]);
/** BM25 parameters (as MiniSearch's defaults) and the weights of inexact matches. */
const K = 1.2;
const B = 0.7;
const D = 0.5;
export const PREFIX_WEIGHT = 0.375;
export const FUZZY_WEIGHT = 0.45;

/** How rare a term is among `live` papers when `df` hold it. */
export function idf(live: number, df: number): number {
  return Math.log(1 + (live - df + 0.5) / (df + 0.5));
}

/** One field's score for a term found `tf` times in a field `len` words long (the field averages `avg`). */
export function fieldScore(factor: number, tf: number, len: number, avg: number): number {
  return factor * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * len) / avg)));
}

/** Weight of a term the query word starts (`distance` letters longer). */
export const prefixWeight = (term: string, distance: number): number =>
  (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance);

/** Weight of a term one edit away from the query word. */
export const fuzzyWeight = (term: string): number => (FUZZY_WEIGHT * term.length) / (term.length + 1);

/** The distinct terms of a query, folded, stop words dropped. */
export function queryTerms(query: string): string[] {
  return [
    ...new Set(
      words(query)
        .map(indexTerm)
        .filter((w): w is string => !!w),
    ),
  ];
}

/** A paper's terms per field, with counts, and each field's length in terms. */
export function tokens(paper: Paper): { counts: Map<string, number>; length: number }[] {
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

/** First index in sorted `xs` whose value is >= `x`. */
export function lowerBound(xs: readonly string[], x: string): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
