/**
 * The reading list as CSL-JSON, the data format of citeproc (Zotero, Mendeley, Pandoc, Citation.js):
 * each paper an `article` (CSL's type for preprints) in the arXiv archive, its arXiv number as
 * `number` ("arXiv:2404.12345"), its DataCite `DOI` and its abstract page as `URL`, the way Zotero
 * writes an arXiv preprint. The primary category, when known, is the arXiv reference line in
 * `note` ("arXiv:2404.12345 [cs.CL]"). Each item's `id` is its BibTeX key, stable across exports.
 */
import type { SavedPaper } from '../../core/saved';
import { citationUrl, isArxivId } from '../../core/arxiv-id';
import { paperYear } from '../../core/paper';
import { singleLine } from '../../core/single-line';
import { arxivDoi, arxivPrimaryClass, paperDate, splitName } from '../../core/citation';
import { baseKey, bibtexKeys } from '../bibtex/export';

export interface CslName {
  family: string;
  given?: string;
  suffix?: string;
}

export interface CslItem {
  id: string;
  type: 'article';
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': number[][] };
  abstract?: string;
  archive?: string;
  publisher?: string;
  number?: string;
  note?: string;
  DOI?: string;
  URL: string;
  keyword?: string;
}

function issued(paper: SavedPaper['paper']): CslItem['issued'] {
  const date = paperDate(paper);
  if (date) return { 'date-parts': [date.split('-').map(Number)] };
  const year = paperYear(paper);
  return year ? { 'date-parts': [[Number(year)]] } : undefined;
}

function item(saved: SavedPaper, key: string): CslItem {
  const { id, paper } = saved;
  const arxiv = isArxivId(id);
  const cls = arxiv ? arxivPrimaryClass(id, paper) : undefined;
  const authors = paper.authors.map((a) => splitName(a)).filter((n) => n.family);
  const summary = singleLine(paper.summary);
  const tags = saved.tags.map((t) => singleLine(t)).filter(Boolean);
  const doi = arxivDoi(id);
  const date = issued(paper);
  return {
    id: key,
    type: 'article',
    title: singleLine(paper.title),
    ...(authors.length ? { author: authors } : {}),
    ...(date ? { issued: date } : {}),
    ...(summary ? { abstract: summary } : {}),
    ...(arxiv ? { archive: 'arXiv', publisher: 'arXiv', number: `arXiv:${id}` } : {}),
    ...(cls ? { note: `arXiv:${id} [${cls}]` } : {}),
    ...(doi ? { DOI: doi } : {}),
    URL: citationUrl(id),
    ...(tags.length ? { keyword: tags.join(', ') } : {}),
  };
}

/** The list as a CSL-JSON array, in list order, each paper once; `keys` as for BibTeX (`toBibtex`). */
export function toCslItems(list: readonly SavedPaper[], keys = bibtexKeys(list)): CslItem[] {
  const seen = new Set<string>();
  return list
    .filter((s) => !seen.has(s.id) && !!seen.add(s.id))
    .map((s) => item(s, keys.get(s.id) ?? baseKey(s.paper)));
}

/** The .json file's text. */
export function toCslJson(list: readonly SavedPaper[], keys = bibtexKeys(list)): string {
  return `${JSON.stringify(toCslItems(list, keys), null, 2)}\n`;
}
