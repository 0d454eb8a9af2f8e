/** What the search index reads of a paper: its fields' text, the terms kept, and how close two terms are. */
import type { Paper } from '../core/paper';
import { fold } from './text-match';

export type Field = 'title' | 'keywords' | 'authors' | 'organization' | 'summary';

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

export function indexTerm(term: string): string | null {
  const folded = fold(term);
  return folded && !STOP_WORDS.has(folded) ? folded : null;
}

export function fieldText(paper: Paper, field: Field): string {
  switch (field) {
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
  }
}

/** Whether the text `fieldText` reads is unchanged: checked on every cache update, for every paper. */
export function sameText(a: Paper, b: Paper): boolean {
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

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether `a` and `b` are at most one edit apart (insertion, deletion or substitution). Allocates nothing. */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // After the first difference, the rest must be equal: a substitution skips it in both, an insertion in the longer.
  const skipA = la >= lb ? 1 : 0;
  const skipB = lb >= la ? 1 : 0;
  return sameFrom(a, i + skipA, b, i + skipB);
}

/** Whether `a` from `i` on equals `b` from `j` on. */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}
