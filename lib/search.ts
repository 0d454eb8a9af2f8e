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
  /** Every word must match; each word also matches as a prefix, and words of 5+ letters fuzzily. */
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

function sameText(a: Paper, b: Paper): boolean {
  return a === b || FIELDS.every((field) => fieldText(a, field) === fieldText(b, field));
}

export function createSearchIndex(papers: readonly Paper[]): SearchIndex {
  const byId = new Map<string, Paper>();
  const mini = new MiniSearch<Paper>({
    fields: FIELDS,
    storeFields: [],
    extractField: fieldText,
    tokenize: words,
    processTerm: indexTerm,
    searchOptions: {
      combineWith: 'AND',
      // A one-letter prefix matches nearly every paper: slow, and no narrower than the list itself.
      prefix: (term) => term.length > 1,
      fuzzy: (term) => (term.length >= 5 ? 1 : false),
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
      const T0 = performance.now(); const rs = mini.search(query); const T1 = performance.now();
      for (const result of rs) {
        const paper = byId.get(result.id as string);
        if (!paper) continue;
        hits.push({ paper, score: result.score });
        for (const term of result.terms) terms.add(term);
      }
      // Already in score order, so this sort only walks the runs of equal scores.
      const T2 = performance.now(); let ties = 0; for (let i = 1; i < hits.length; i++) if (hits[i]!.score === hits[i-1]!.score) ties++;
      const T3 = performance.now();
      hits.sort((a, b) => b.score - a.score || b.paper.upvotes - a.paper.upvotes);
      const T4 = performance.now(); (globalThis as any).T ??= [0,0,0,0]; const T = (globalThis as any).T; T[0]+=T1-T0; T[1]+=T2-T1; T[2]+=T4-T3; T[3]+=ties;
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
  longest: number;
}

// Every card highlights with the same `terms` array: fold it once per search, not once per card.
const termSets = new WeakMap<readonly string[], TermSet>();

function termSet(terms: readonly string[]): TermSet {
  let set = termSets.get(terms);
  if (!set) {
    set = { folded: new Set(), longest: 0 };
    for (const term of terms)
      for (const word of words(term)) {
        const f = fold(word);
        if (!f) continue;
        set.folded.add(f);
        set.longest = Math.max(set.longest, f.length);
      }
    termSets.set(terms, set);
  }
  return set;
}

/** Length in `word` (UTF-16 units) of its longest start that folds to one of the terms; 0 if none. */
function matchLength(word: string, { folded, longest }: TermSet): number {
  const f = fold(word);
  let n = Math.min(longest, f.length);
  while (n > 0 && !folded.has(f.slice(0, n))) n--;
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
  if (set.longest > 0)
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
