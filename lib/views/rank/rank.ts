/**
 * The "For you" order: the view's papers ranked by likeness to the reading list (TF-IDF over the
 * view's own papers, so words every paper of the day uses count for little), plus authors and
 * organizations the list holds, minus likeness to papers marked "Not interested". Each paper can
 * say why it ranks where it does, in words a researcher can check.
 */
import type { Paper } from '../../core/paper';
import type { Profile } from './profile';
import { foldName, paperVector, showTerm, termText, vocabularySize, PHRASE, type TermVector } from './terms';

/** How hard likeness to not-interested papers pushes down, against likeness to the list. */
export const NOT_INTERESTED_PULL = 1.5;
/** One recent read paper by an author adds this much (a close text match scores about 0.3). */
export const AUTHOR_BONUS = 0.25;
export const ORG_BONUS = 0.05;
/**
 * A text match earns a reason only when it is not faint: above this, and above this share of the
 * best score of the view. Every pair of ML abstracts shares a word or two.
 */
export const REASON_MIN = 0.05;
export const REASON_SHARE = 0.2;

export interface Reason {
  /** Saved papers this one is most like (titles, the closest first) and how many there are. */
  like?: { count: number; titles: string[] };
  /** Authors of this paper who wrote saved papers (as this paper spells them). */
  authors: string[];
  org?: string;
  /** The words (or keyword phrases) that weigh most in the match. */
  terms: string[];
}

export interface Ranked {
  papers: Paper[];
  /** True when the list is empty: the order is upvotes. */
  fallback: boolean;
  score(id: string): number | undefined;
  explain(paper: Paper): Reason | undefined;
}

const byUpvotes = (a: Paper, b: Paper) => b.upvotes - a.upvotes || a.title.localeCompare(b.title);

interface Scored {
  paper: Paper;
  score: number;
  vec: TermVector;
  authors: string[];
  org?: string;
}

export function rankForYou(papers: readonly Paper[], profile: Profile): Ranked {
  if (profile.empty) {
    const sorted = [...papers].sort(byUpvotes);
    return { papers: sorted, fallback: true, score: () => undefined, explain: () => undefined };
  }
  const vecs = papers.map((p) => paperVector(p));
  const size = vocabularySize();
  const df = new Uint32Array(size);
  const seen: number[] = [];
  for (const v of vecs) for (const term of v.ids) if (df[term]!++ === 0) seen.push(term);
  const n = papers.length + 1;
  const idf = new Float64Array(size);
  for (const term of seen) idf[term] = Math.log(n / (df[term]! + 0.5));
  const { pos, neg } = profile;

  const scored: Scored[] = papers.map((paper, i) => {
    const vec = vecs[i]!;
    let dot = 0;
    let away = 0;
    let sq = 0;
    for (let j = 0; j < vec.ids.length; j++) {
      const term = vec.ids[j]!;
      const w = idf[term]!;
      const cw = vec.counts[j]! * w;
      sq += cw * cw;
      if (term < pos.length) {
        dot += cw * w * pos[term]!;
        away += cw * w * neg[term]!;
      }
    }
    let score = sq ? (dot - NOT_INTERESTED_PULL * away) / Math.sqrt(sq) : 0;
    const authors: string[] = [];
    let authorWeight = 0;
    if (profile.authors.size)
      for (const a of paper.authors) {
        const w = profile.authors.get(foldName(a));
        if (w) {
          authors.push(a);
          authorWeight += w;
        }
      }
    score += AUTHOR_BONUS * Math.min(1, authorWeight);
    const orgWeight = paper.organization ? profile.orgs.get(foldName(paper.organization.name)) : undefined;
    if (orgWeight) score += ORG_BONUS * Math.min(1, orgWeight);
    const org = orgWeight ? (paper.organization!.fullname ?? paper.organization!.name) : undefined;
    return { paper, score, vec, authors, org };
  });
  scored.sort((a, b) => b.score - a.score || byUpvotes(a.paper, b.paper));
  const byId = new Map(scored.map((s) => [s.paper.id, s]));
  const bar = Math.max(REASON_MIN, REASON_SHARE * (scored[0]?.score ?? 0));
  return {
    papers: scored.map((s) => s.paper),
    fallback: false,
    score: (id) => byId.get(id)?.score,
    explain: (paper) => {
      const s = byId.get(paper.id);
      if (!s || s.score <= 0) return undefined;
      return explain(s, idf, profile, s.score >= bar);
    },
  };
}

/** How many of a paper's strongest matching terms the reasons look at. */
const TOP_TERMS = 8;

function explain(s: Scored, idf: Float64Array, profile: Profile, textCounts: boolean): Reason | undefined {
  const reason: Reason = { authors: s.authors, terms: [] };
  if (s.org) reason.org = s.org;
  if (!textCounts) return reason.authors.length || reason.org ? reason : undefined;
  const contributions: [number, number, number][] = [];
  const { ids, counts } = s.vec;
  for (let j = 0; j < ids.length; j++) {
    const term = ids[j]!;
    const p = profile.pos[term] ?? 0;
    const w = idf[term]!;
    if (p > 0 && w > 0) contributions.push([term, counts[j]! * w * w * p, counts[j]! * w * w]);
  }
  contributions.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const top = contributions.slice(0, TOP_TERMS);
  // The saved papers sharing the strongest terms, by how much of this paper's match they carry.
  const n = profile.docs.length;
  const sum = new Float64Array(n);
  const shared = new Uint8Array(n);
  const { start, docs, weights } = profile.postings;
  for (const [term, , mine] of top) {
    if (term + 1 >= start.length) continue;
    for (let k = start[term]!; k < start[term + 1]!; k++) {
      const d = docs[k]!;
      sum[d]! += mine * weights[k]!;
      shared[d]!++;
    }
  }
  let best = 0;
  for (let d = 0; d < n; d++) if (shared[d]! >= 2 && sum[d]! > best) best = sum[d]!;
  const alike: number[] = [];
  for (let d = 0; d < n; d++) if (shared[d]! >= 2 && best > 0 && sum[d]! >= best * 0.4) alike.push(d);
  alike.sort((a, b) => sum[b]! - sum[a]! || a - b);
  reason.terms = readableTerms(top.map(([t]) => termText(t)));
  if (alike.length) reason.like = { count: alike.length, titles: alike.slice(0, 2).map((d) => profile.docs[d]!.title) };
  if (!reason.like && !reason.authors.length && !reason.org && !reason.terms.length) return undefined;
  return reason;
}

/** Up to three terms, phrases first, a word dropped when a shown phrase already says it. */
function readableTerms(terms: string[]): string[] {
  const phrases = terms.filter((t) => t.startsWith(PHRASE)).map(showTerm);
  const words = terms.filter((t) => !t.startsWith(PHRASE) && !phrases.some((p) => p.split(' ').includes(t)));
  return [...phrases, ...words].slice(0, 3);
}
