/**
 * The slots of a loaded index: the stored papers (slots below `base`), then the overlay of papers
 * written since (from `base` on), and how a query word finds its terms among both.
 */
import type { Paper } from '../core/paper';
import { FIELDS, fuzzyWeight, lowerBound, prefixWeight } from './score';
import {
  findTerm,
  lowerBoundTerm,
  termAt,
  termCount,
  termStartsWith,
  termsOfLength,
  termWithinOneEdit,
  type Vocabulary,
} from './vocabulary';
import type { StoredIndex } from './stored';
import type { StoredCards } from './cards';
import { withinOneEdit } from './terms';

/** One list of postings: slots (global) and counts, `slots[from .. to]` (a range of the stored arrays, no copy). */
export interface Run {
  slots: ArrayLike<number>;
  counts: ArrayLike<number>;
  from: number;
  to: number;
}

/** The overlay's postings of a term in a field: grown in place as papers are written. */
export interface OverlayRun extends Run {
  slots: number[];
  counts: number[];
}

export interface Slots {
  stored: StoredIndex;
  /** The stored slots' display copies, once loaded. */
  cards?: StoredCards;
  base: number;
  /** The stored terms, in place (./vocabulary.ts). */
  baseTerms: Vocabulary;
  /** Stored slots replaced or removed since. */
  dead: Uint8Array;
  slotOf: Map<string, number>;
  live: number;
  totals: number[];
  /** The overlay, from slot `base` on ('' for a replaced or removed one). */
  ids: string[];
  upvotes: number[];
  days: number[];
  /** The overlay's papers as written (their cards need no stored copy). */
  papers: Paper[];
  lengths: number[][];
  overlay: Map<string, OverlayRun[]>;
  overlaySorted?: string[];
  /** The overlay's terms by length, sorted. */
  byLength?: Map<number, string[]>;
}

export const isDead = (s: Slots, slot: number): boolean =>
  slot < s.base ? s.dead[slot] === 1 : s.ids[slot - s.base] === '';

export const lengthOf = (s: Slots, f: number, slot: number): number =>
  slot < s.base ? s.stored.lengths[f * s.base + slot]! : s.lengths[f]![slot - s.base]!;

function baseRuns(s: Slots, term: string): Run[] | undefined {
  const t = findTerm(s.baseTerms, term);
  if (t < 0) return undefined;
  const { offsets, slots, counts } = s.stored;
  const F = FIELDS.length;
  return FIELDS.map((_, f) => ({ slots, counts, from: offsets[t * F + f]!, to: offsets[t * F + f + 1]! }));
}

/** A term's postings: per source (stored, overlay), per field. */
export function runsOf(s: Slots, term: string): Run[][] {
  const out: Run[][] = [];
  const b = baseRuns(s, term);
  if (b) out.push(b);
  const o = s.overlay.get(term);
  if (o) out.push(o);
  return out;
}

/** Whether a live paper holds the word (a removed or replaced paper's words no longer count). */
function has(s: Slots, term: string): boolean {
  const sources = runsOf(s, term);
  for (let r = 0; r < sources.length; r++)
    for (let f = 0; f < FIELDS.length; f++) {
      const { slots, from, to } = sources[r]![f]!;
      for (let i = from; i < to; i++) if (!isDead(s, slots[i]!)) return true;
    }
  return false;
}

function sortedOverlay(s: Slots): string[] {
  s.overlaySorted ??= [...s.overlay.keys()].sort();
  return s.overlaySorted;
}

function overlayByLength(s: Slots): Map<number, string[]> {
  if (!s.byLength) {
    const byLength = new Map<number, string[]>();
    for (const term of sortedOverlay(s)) {
      const list = byLength.get(term.length);
      if (list) list.push(term);
      else byLength.set(term.length, [term]);
    }
    s.byLength = byLength;
  }
  return s.byLength;
}

/** The terms one edit from `word`, stored or written since, by length then in order, each once. */
function nearMisses(s: Slots, word: string): string[] {
  const out: string[] = [];
  for (const length of [word.length - 1, word.length, word.length + 1]) {
    const found: string[] = [];
    for (const t of termsOfLength(s.baseTerms, length))
      if (termWithinOneEdit(s.baseTerms, t, word)) found.push(termAt(s.baseTerms, t));
    for (const term of overlayByLength(s).get(length) ?? []) if (withinOneEdit(word, term)) found.push(term);
    found.sort();
    for (let i = 0; i < found.length; i++) if (found[i] !== found[i - 1]) out.push(found[i]!);
  }
  return out;
}

/** The terms a query word matches, with their weights: itself, the words it starts, then near misses. */
export function expand(s: Slots, word: string): Map<string, number> {
  const out = new Map<string, number>();
  const exact = has(s, word);
  if (exact) out.set(word, 1);
  if (word.length < 3) return out;
  const prefixed = new Set<string>();
  const base = s.baseTerms;
  for (let t = lowerBoundTerm(base, word); t < termCount(base) && termStartsWith(base, t, word); t++) {
    const term = termAt(base, t);
    if (term !== word) prefixed.add(term);
  }
  const overlay = sortedOverlay(s);
  for (let i = lowerBound(overlay, word); i < overlay.length && overlay[i]!.startsWith(word); i++)
    if (overlay[i] !== word) prefixed.add(overlay[i]!);
  for (const term of [...prefixed].sort()) out.set(term, prefixWeight(term, term.length - word.length));
  if (word.length >= 5 && !exact) {
    for (const term of nearMisses(s, word)) if (!out.has(term)) out.set(term, fuzzyWeight(term));
  }
  return out;
}
