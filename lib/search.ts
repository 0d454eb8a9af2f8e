/**
 * The new tab's search over every cached paper: an in-memory MiniSearch index kept in step with the
 * cache, and the splitting of text into highlighted parts. Nothing here produces HTML.
 */
import MiniSearch from 'minisearch';
import type { Paper } from './paper';
import { fold, words } from './text-match';

export { highlightParts, type HighlightPart } from './text-match';

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

type Field = 'title' | 'keywords' | 'authors' | 'organization' | 'summary';
const BOOST: Record<Field, number> = { title: 4, keywords: 2, authors: 2, organization: 2, summary: 1 };
const FIELDS = Object.keys(BOOST) as Field[];

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
