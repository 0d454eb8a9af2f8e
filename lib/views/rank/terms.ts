/**
 * A paper as the ranker sees it: weighted term counts from its title, AI keywords and abstracts.
 * Plain lower-case ASCII words, stop words out, a light plural fold ("models" → "model"); each AI
 * keyword also counts whole, as a phrase ("diffusion models"), so a shared keyword weighs more
 * than two shared words.
 *
 * Speed: a month of abstracts is 1.5 MB of text. Each distinct word is looked at once per page
 * (stop word? stem?) and given a number; a paper's terms are then numbers counted in a scratch
 * array, and the vector is kept per paper version, so ranking again costs only arithmetic.
 */
import type { Paper } from '../../core/paper';

/** A paper's terms: ids (see `termText`) with weighted counts, and 1 / the vector's length. */
export interface TermVector {
  ids: Uint32Array;
  counts: Float64Array;
  inv: number;
}

// Words every machine-learning abstract uses: they tell papers apart no better than "the".
const STOP = new Set(
  (
    'a an and are as at be been but by can do does for from has have how in into is it its may more most ' +
    'new no not of on or our over such than that the their them then there these they this those through ' +
    'to two up via was we were what when where which while who why will with within without yet also both ' +
    'each further however here using use used show shows shown propose proposed paper approach method ' +
    'methods result results work task tasks based existing across well high large one first only ' +
    'other all any can could should would between among significantly significant achieve achieves ' +
    'performance state art various different present introduce novel demonstrate extensive experiments ' +
    'experiment improve improves improved outperform outperforms available code release model free full ' +
    'train trained training fine tuned tuning keep keeping make making lower higher better faster small ' +
    'stay stays gain gains find study same under per need needs'
  ).split(' '),
);

/** How much each field counts: titles and keywords say what a paper is about more than an abstract. */
const TITLE = 3;
const KEYWORD = 2;
const KEYWORD_PHRASE = 2;
const ABSTRACT = 1;

export function stem(word: string): string {
  const n = word.length;
  if (n > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (n > 3 && word.charCodeAt(n - 1) === 115 /* s */) {
    const prev = word.charCodeAt(n - 2);
    // "loss", "analysis", "focus" keep their s.
    if (prev !== 115 && prev !== 117 /* u */ && prev !== 105 /* i */) return word.slice(0, -1);
  }
  return word;
}

/** A keyword phrase as one term, written the way it is shown ("k:diffusion model"). */
export const PHRASE = 'k:';
const SPLIT = /[^a-z0-9]+/;
const DIGITS = /^\d+$/;

/** Term text by id, and id by term text: shared by every vector this page makes. */
const texts: string[] = [];
const ids = new Map<string, number>();
/** A raw word → its term id, or -1 for words that are no term (stop words, numbers, too short). */
const words = new Map<string, number>();

function intern(term: string): number {
  let id = ids.get(term);
  if (id === undefined) {
    id = texts.push(term) - 1;
    ids.set(term, id);
  }
  return id;
}

function wordId(raw: string): number {
  let id = words.get(raw);
  if (id === undefined) {
    id = raw.length < 3 || STOP.has(raw) || DIGITS.test(raw) ? -1 : intern(stem(raw));
    words.set(raw, id);
  }
  return id;
}

export function termText(id: number): string {
  return texts[id] ?? '';
}
export function termId(term: string): number | undefined {
  return ids.get(term);
}
/** How many distinct terms this page has seen: the length arrays indexed by term id need. */
export function vocabularySize(): number {
  return texts.length;
}

let scratch = new Float64Array(4096);
const touched: number[] = [];

function bump(id: number, weight: number): void {
  if (id >= scratch.length) {
    const bigger = new Float64Array(Math.max(id + 1, scratch.length * 2));
    bigger.set(scratch);
    scratch = bigger;
  }
  if (scratch[id] === 0) touched.push(id);
  scratch[id]! += weight;
}

function addText(text: string, weight: number): void {
  for (const raw of text.toLowerCase().split(SPLIT)) {
    if (raw.length < 3) continue;
    const id = wordId(raw);
    if (id >= 0) bump(id, weight);
  }
}

export function phraseTerm(keyword: string): string {
  return PHRASE + keyword.toLowerCase().split(SPLIT).filter(Boolean).map(stem).join(' ');
}

type Text = Pick<Paper, 'title' | 'summary' | 'aiSummary' | 'aiKeywords'>;

function build(paper: Text): TermVector {
  addText(paper.title, TITLE);
  for (const k of paper.aiKeywords) {
    addText(k, KEYWORD);
    const phrase = phraseTerm(k);
    if (phrase.length > PHRASE.length) bump(intern(phrase), KEYWORD_PHRASE);
  }
  addText(paper.summary, ABSTRACT);
  if (paper.aiSummary) addText(paper.aiSummary, ABSTRACT);
  const n = touched.length;
  const out: TermVector = { ids: new Uint32Array(n), counts: new Float64Array(n), inv: 0 };
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const id = touched[i]!;
    const c = scratch[id]!;
    out.ids[i] = id;
    out.counts[i] = c;
    sq += c * c;
    scratch[id] = 0;
  }
  touched.length = 0;
  out.inv = sq ? 1 / Math.sqrt(sq) : 0;
  return out;
}

/** Vectors by paper version (id, fetch time, title): a refresh that changed the paper makes a new one. */
const cache = new Map<string, TermVector>();
const CACHE_MAX = 20_000;

export function paperVector(paper: Text & Partial<Pick<Paper, 'id' | 'fetchedAt'>>): TermVector {
  if (paper.id === undefined) return build(paper);
  const key = `${paper.id}\u0000${paper.fetchedAt ?? ''}\u0000${paper.title}\u0000${paper.summary.length}`;
  let vec = cache.get(key);
  if (!vec) {
    vec = build(paper);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(key, vec);
  }
  return vec;
}

/** Forgets the vectors (the bench measures a first ranking, with none known). */
export function forgetVectors(): void {
  cache.clear();
}

/** The terms as text with their counts (tests, and reading what the ranker sees). */
export function paperTerms(paper: Text): Map<string, number> {
  const v = build(paper);
  return new Map([...v.ids].map((id, i) => [termText(id), v.counts[i]!]));
}

/** A term as a person reads it: the phrase without its marker. */
export function showTerm(term: string): string {
  return term.startsWith(PHRASE) ? term.slice(PHRASE.length) : term;
}

/** Names compared without case, accents or extra spaces ("José  García" = "jose garcia"). */
export function foldName(name: string): string {
  let folded = names.get(name);
  if (folded === undefined) {
    folded = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
    if (names.size >= CACHE_MAX) names.clear();
    names.set(name, folded);
  }
  return folded;
}
const names = new Map<string, string>();
