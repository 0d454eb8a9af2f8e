// Who wrote the bench's papers: a large population of authors with a realistic spread, in place of
// the fixture's small pool of names (where any followed name matched nearly every paper).
//
// Real Daily Papers run ~15 papers a day with ~8 authors each (tests' reference payloads), about
// 9,600 papers over 558 days, and most authors appear once or twice. Here an author's number of
// papers follows Lotka's law (the share of authors with n papers falls as n^-2.3, capped at 120),
// so most write one paper and a few write dozens. Names are drawn word by word, each word from a
// Zipf-like list (a few surnames are very common, as Wang, Li or Zhang are in the real feed; given
// names are many more), so
// different authors share name words and, now and then, a whole name. A quarter of the authors have
// a Hub account, the same on each of their papers.

import type { Followed } from '../../lib/core/follows';
import type { Paper } from '../../lib/core/paper';

/** mulberry32: deterministic, so every run measures the same papers. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    let t = (s = (s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks an index in 0..weights.length-1 with probability proportional to its weight. */
function picker(weights: number[], next: () => number): () => number {
  const cum: number[] = [];
  let total = 0;
  for (const w of weights) cum.push((total += w));
  return () => {
    const x = next() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const ONSETS = [
  '',
  'b',
  'ch',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'qi',
  'r',
  's',
  'sh',
  't',
  'w',
  'x',
  'y',
  'z',
  'zh',
];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ao', 'ei', 'ia', 'ie', 'ou', 'ua', 'uo'];
const CODAS = ['', '', 'n', 'ng', 'r', 's', 'l', 'm'];

/**
 * `count` distinct capitalised words of `min` to `max` syllables, shortest first: the most common
 * names are short (Li, Wang), so a name's longest word, which a follow looks papers up by, is its
 * least common, as in the real feed.
 */
function words(count: number, min: number, max: number, next: () => number): string[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const out = new Set<string>();
  while (out.size < count) {
    let w = '';
    const syllables = min + Math.floor(next() * (max - min + 1));
    for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(NUCLEI) + pick(CODAS);
    if (w.length > 1) out.add(w[0]!.toUpperCase() + w.slice(1));
  }
  return [...out].sort((a, b) => a.length - b.length);
}

export interface Author {
  name: string;
  hub?: string;
  papers: number;
}

const MAX_PAPERS = 120;

/** Enough authors to fill `slots` author positions, each with their number of papers. */
export function population(slots: number, seed = 20): Author[] {
  const next = rng(seed);
  // Given names are many and longer (Chunjiang, Zehuan, Yangtian); a few surnames are very common.
  const given = words(20_000, 2, 3, next);
  const family = words(4000, 1, 2, next);
  const pickGiven = picker(
    given.map((_, r) => 1 / (r + 200)),
    next,
  );
  const pickFamily = picker(
    family.map((_, r) => (r + 2) ** -1.05),
    next,
  );
  const pickCount = picker(
    Array.from({ length: MAX_PAPERS }, (_, i) => (i + 1) ** -2.3),
    next,
  );
  const out: Author[] = [];
  for (let filled = 0; filled < slots;) {
    const name = `${given[pickGiven()]!} ${family[pickFamily()]!}`;
    const papers = pickCount() + 1;
    const hub = next() < 0.25 ? `${name.toLowerCase().replace(/\W+/g, '')}${out.length}` : undefined;
    out.push({ name, papers, ...(hub ? { hub } : {}) });
    filled += papers;
  }
  return out;
}

/**
 * The papers with their authors drawn from a population (each paper keeps its number of authors);
 * returns the papers and the population, each author's `papers` being what they wrote here.
 */
export function withPopulation(papers: Paper[], seed = 20): { papers: Paper[]; authors: Author[] } {
  const slots = papers.reduce((n, p) => n + p.authors.length, 0);
  const authors = population(slots, seed);
  const bag = authors.flatMap((a, i) => Array.from({ length: a.papers }, () => i));
  const next = rng(seed + 1);
  for (let i = bag.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [bag[i], bag[j]] = [bag[j]!, bag[i]!];
  }
  let at = 0;
  const written = authors.map(() => 0);
  const out = papers.map((p) => {
    const who = [...new Set(p.authors.map(() => bag[at++]!))];
    for (const i of who) written[i]!++;
    const linked = who.some((i) => authors[i]!.hub);
    return {
      ...p,
      authors: who.map((i) => authors[i]!.name),
      authorUsers: linked ? who.map((i) => authors[i]!.hub ?? '') : undefined,
    };
  });
  return { papers: out, authors: authors.map((a, i) => ({ ...a, papers: written[i]! })) };
}

/**
 * `count` follows as a reader would pick them: authors who wrote papers here, the prolific more
 * likely (a reader follows whom they keep seeing), by Hub account where the author has one; and one
 * organization in five hundred follows (at least one).
 */
export function followsFrom(authors: Author[], orgNames: string[], count: number, seed = 7): Followed[][] {
  const next = rng(seed);
  const withPapers = authors.filter((a) => a.papers > 0);
  const pick = picker(
    withPapers.map((a) => a.papers),
    next,
  );
  const orgs = orgNames.slice(0, Math.max(1, Math.floor(count / 500))).map((name): Followed => ({ name, hub: name }));
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count - orgs.length, withPapers.length)) chosen.add(pick());
  const people = [...chosen].map((i): Followed => {
    const a = withPapers[i]!;
    return a.hub ? { name: a.name, hub: a.hub } : { name: a.name };
  });
  return [people, orgs];
}
