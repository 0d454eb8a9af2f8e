/**
 * The new tab's search over every cached paper: an in-memory MiniSearch index kept in step with the
 * cache, and the splitting of text into highlighted parts. Nothing here produces HTML.
 */
import MiniSearch from 'minisearch';
import type { Paper } from './paper';

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

export interface HighlightPart {
  text: string;
  match: boolean;
}

type Field = 'title' | 'keywords' | 'authors' | 'organization' | 'summary';
const BOOST: Record<Field, number> = { title: 4, keywords: 2, authors: 2, organization: 2, summary: 1 };
const FIELDS = Object.keys(BOOST) as Field[];

/**
 * A word is letters, digits and combining marks; trailing `+`/`#` stay part of it (C++, C#, F#) unless
 * more word follows (`a+b`). Markup and LaTeX in abstracts (`<b>`, `$\alpha$`) thus index as plain words.
 */
const WORD_RE = /[\p{L}\p{N}\p{M}]+(?:[+#]+(?![\p{L}\p{N}+#]))?/gu;

function words(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

/**
 * Case- and accent-insensitive form. Only the Latin/Greek/Cyrillic diacritics block is stripped: other
 * combining marks (Devanagari vowel signs, kana voicing) change the word, not its accent. Final sigma
 * is folded by hand because `toLowerCase` picks ς or σ from context, and highlighting folds letter by letter.
 */
function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ς/g, 'σ');
}
const NON_ASCII = /[^\0-\x7f]/;

/**
 * Words in nearly every abstract: indexing them costs build time and memory, and matching them makes
 * the slowest queries (every paper) while narrowing nothing. They are dropped from queries too.
 */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can do does for from has have how in into is it its of on or our ' +
    'than that the their them these this those to via was we were what when which while who why with'
  ).split(' '),
);

function indexTerm(term: string): string | null {
  const folded = fold(term);
  return folded && !STOP_WORDS.has(folded) ? folded : null;
}

function fieldText(paper: Paper, field: string): string {
  switch (field) {
    case 'id':
      return paper.id;
    case 'title':
      return paper.title;
    case 'summary':
      return paper.summary;
    case 'authors':
      return paper.authors.join(' ');
    case 'keywords':
      return paper.aiKeywords.join(' ');
    case 'organization':
      return paper.organization ? `${paper.organization.name} ${paper.organization.fullname ?? ''}` : '';
    default:
      return '';
  }
}

/** Whether the text `fieldText` reads is unchanged: checked on every cache update, for every paper. */
function sameText(a: Paper, b: Paper): boolean {
  return (
    a === b ||
    (a.title === b.title &&
      a.summary === b.summary &&
      sameList(a.authors, b.authors) &&
      sameList(a.aiKeywords, b.aiKeywords) &&
      a.organization?.name === b.organization?.name &&
      a.organization?.fullname === b.organization?.fullname)
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function createSearchIndex(papers: readonly Paper[]): SearchIndex {
  const byId = new Map<string, Paper>();
  // Every word ever indexed (never pruned: a stale word only means one typo not forgiven).
  const vocabulary = new Set<string>();
  const mini = new MiniSearch<Paper>({
    fields: FIELDS,
    storeFields: [],
    extractField: fieldText,
    tokenize: words,
    processTerm: (term) => {
      const folded = indexTerm(term);
      if (folded) vocabulary.add(folded);
      return folded;
    },
    searchOptions: {
      processTerm: indexTerm,
      combineWith: 'AND',
      // One or two letters as a prefix match nearly every paper (slow, and no help); as whole words
      // they are acronyms and names worth finding: RL, QA, 3D, Li, Wu.
      prefix: (term) => term.length >= 3,
      // Typos only: a word that is in the index is meant as typed ("models" should not also bring "modes").
      fuzzy: (term) => (term.length >= 5 && !vocabulary.has(term) ? 1 : false),
      boost: BOOST,
    },
  });

  const index: SearchIndex = {
    upsert(list) {
      for (const paper of list) {
        const old = byId.get(paper.id);
        // Upvotes and other unindexed fields only need the map: ranking reads them at query time.
        byId.set(paper.id, paper);
        if (!old) mini.add(paper);
        else if (!sameText(old, paper)) mini.replace(paper);
      }
    },
    remove(ids) {
      for (const id of ids) if (byId.delete(id)) mini.discard(id);
    },
    search(query) {
      const hits: { paper: Paper; score: number }[] = [];
      const terms = new Set<string>();
      for (const result of mini.search(query)) {
        const paper = byId.get(result.id as string);
        if (!paper) continue;
        hits.push({ paper, score: result.score });
        for (const term of result.terms) terms.add(term);
      }
      // MiniSearch already orders by score; this (stable, run-aware) sort mostly just orders ties by upvotes.
      hits.sort((a, b) => b.score - a.score || b.paper.upvotes - a.paper.upvotes);
      return { papers: hits.map((h) => h.paper), terms: [...terms] };
    },
    get size() {
      return byId.size;
    },
  };
  index.upsert(papers);
  return index;
}

interface TermSet {
  folded: Set<string>;
  /** The distinct lengths of the terms, longest first: the only prefixes worth looking up. */
  lengths: number[];
  /** First letters of the terms: most words are ruled out by this alone. */
  firsts: Set<string>;
}

// Every card highlights with the same `terms` array: fold it once per search, not once per card.
const termSets = new WeakMap<readonly string[], TermSet>();

function termSet(terms: readonly string[]): TermSet {
  let set = termSets.get(terms);
  if (!set) {
    const folded = new Set(terms.flatMap((term) => words(term).map(fold)).filter(Boolean));
    const lengths = [...new Set([...folded].map((f) => f.length))].sort((a, b) => b - a);
    set = { folded, lengths, firsts: new Set([...folded].map((f) => f.charAt(0))) };
    termSets.set(terms, set);
  }
  return set;
}

/** Length in `word` (UTF-16 units) of its longest start that folds to one of the terms; 0 if none. */
function matchLength(word: string, { folded, lengths, firsts }: TermSet): number {
  const f = fold(word);
  if (!firsts.has(f.charAt(0))) return 0;
  const n = lengths.find((length) => length <= f.length && folded.has(f.slice(0, length))) ?? 0;
  if (n === 0 || n === f.length) return n && word.length;
  // A prefix: walk the original letters until they fold to n units, then take any accents that follow.
  let foldedLength = 0;
  let end = 0;
  for (const ch of word) {
    const add = fold(ch).length;
    if (foldedLength >= n && add > 0) break;
    foldedLength += add;
    end += ch.length;
  }
  return end;
}

/**
 * Splits `text` into runs, marking each word that starts with one of `terms` (its matching start only,
 * in the text's own characters). Matching ignores case and accents; terms are words, not patterns.
 */
export function highlightParts(text: string, terms: readonly string[]): HighlightPart[] {
  const set = termSet(terms);
  const parts: HighlightPart[] = [];
  let done = 0;
  if (set.folded.size > 0)
    for (const m of text.matchAll(WORD_RE)) {
      const length = matchLength(m[0], set);
      if (!length) continue;
      if (m.index > done) parts.push({ text: text.slice(done, m.index), match: false });
      parts.push({ text: text.slice(m.index, m.index + length), match: true });
      done = m.index + length;
    }
  if (done < text.length) parts.push({ text: text.slice(done), match: false });
  return parts;
}
