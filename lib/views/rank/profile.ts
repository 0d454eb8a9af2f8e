/**
 * What the reading list says a researcher reads, computed on the device from the saved papers
 * (and the papers marked "Not interested"): term weights, authors and organizations. Made again
 * whenever the list changes; nothing here leaves the machine.
 */
import type { Paper } from '../../core/paper';
import type { ReadingStatus, SavedPaper } from '../../core/saved';
import { foldName, paperVector, vocabularySize } from './terms';

/** Read and reading say more about a researcher than a paper put aside for later. */
export const STATUS_WEIGHT: Record<ReadingStatus, number> = { read: 1, reading: 1, 'to-read': 0.5 };
/** A save loses half its pull over this many days (down to RECENCY_FLOOR): tastes move. */
export const HALF_LIFE_DAYS = 120;
const RECENCY_FLOOR = 0.3;
const DAY_MS = 86_400_000;

export interface SavedDoc {
  id: string;
  title: string;
  weight: number;
}

export interface Profile {
  /** No saved paper: "For you" falls back to upvotes. */
  empty: boolean;
  /** By term id: the weighted mean of the saved papers' term directions. */
  pos: Float64Array;
  /** By term id: the mean of the not-interested papers' term directions. */
  neg: Float64Array;
  /** Folded author name → the summed weight of the saved papers they wrote. */
  authors: Map<string, number>;
  orgs: Map<string, number>;
  docs: SavedDoc[];
  /**
   * By term id: the saved papers (indexes into docs) that use it, and what the term weighs in each
   * (its share of the paper's direction, times the paper's weight): for the reasons.
   */
  postings: Postings;
  /** Ids of papers marked "Not interested". */
  hidden: Set<string>;
}

/**
 * Term → saved papers, flat: the papers using term t are `docs[start[t]]` … `docs[start[t + 1] - 1]`,
 * with the term's weight in each (its share of the paper's direction, times the paper's weight).
 */
export interface Postings {
  start: Uint32Array;
  docs: Uint32Array;
  weights: Float64Array;
}

export function saveWeight(rec: Pick<SavedPaper, 'status' | 'savedAt'>, now: number): number {
  const ageDays = Math.max(0, now - rec.savedAt) / DAY_MS;
  const recency = RECENCY_FLOOR + (1 - RECENCY_FLOOR) * 0.5 ** (ageDays / HALF_LIFE_DAYS);
  return (STATUS_WEIGHT[rec.status] ?? STATUS_WEIGHT['to-read']) * recency;
}

function addTo(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

export function buildProfile(saved: readonly SavedPaper[], notInterested: readonly Paper[], now: number): Profile {
  const hidden = new Set(notInterested.map((p) => p.id));
  const kept = saved.filter((rec) => !hidden.has(rec.id));
  const savedVecs = kept.map((rec) => paperVector(rec.paper));
  const negVecs = notInterested.map((p) => paperVector(p));
  // Made after the vectors: every term they use has its id by now.
  const size = vocabularySize();
  const pos = new Float64Array(size);
  const neg = new Float64Array(size);
  const authors = new Map<string, number>();
  const orgs = new Map<string, number>();
  const docs: SavedDoc[] = [];
  let total = 0;
  // Postings in two passes over flat arrays: how many papers use each term, then where they go.
  const start = new Uint32Array(size + 1);
  for (const vec of savedVecs) for (const term of vec.ids) start[term + 1]!++;
  for (let t = 0; t < size; t++) start[t + 1]! += start[t]!;
  const fill = start.slice(0, size);
  const postings: Postings = {
    start,
    docs: new Uint32Array(start[size]!),
    weights: new Float64Array(start[size]!),
  };
  kept.forEach((rec, index) => {
    const weight = saveWeight(rec, now);
    const vec = savedVecs[index]!;
    docs.push({ id: rec.id, title: rec.paper.title, weight });
    total += weight;
    const scale = weight * vec.inv;
    for (let i = 0; i < vec.ids.length; i++) {
      const term = vec.ids[i]!;
      const w = vec.counts[i]! * scale;
      pos[term]! += w;
      const at = fill[term]!++;
      postings.docs[at] = index;
      postings.weights[at] = w;
    }
    for (const a of rec.paper.authors) addTo(authors, foldName(a), weight);
    const org = rec.paper.organization;
    if (org) addTo(orgs, foldName(org.name), weight);
  });
  if (total > 0) for (let i = 0; i < size; i++) pos[i]! /= total;
  for (const vec of negVecs) {
    const scale = vec.inv / negVecs.length;
    for (let i = 0; i < vec.ids.length; i++) neg[vec.ids[i]!]! += vec.counts[i]! * scale;
  }
  return { empty: docs.length === 0, pos, neg, authors, orgs, docs, postings, hidden };
}
