/**
 * One paper as a citation, the pieces every format shares: its DOI, its citation key, its BibTeX
 * entry, a plain-text reference and a Markdown link. Pure and small: the reading list's exports,
 * the copy menus of extension pages and the content script's Copy button all build from here, so a
 * paper copied from a page and the same paper exported from the list carry the same key and fields.
 *
 * BibTeX text is written as UTF-8 and left as is ("Gómez", "Łukasz"): biblatex/biber and every
 * modern reference manager read it. Only LaTeX's special characters are escaped, and braces are
 * always left balanced, so no title can end an entry early or swallow the next one.
 */
import type { Paper } from './paper';
import { paperYear } from './paper';
import { citationUrl, isArxivId } from './arxiv-id';
import { ARXIV_CLASS_RE } from './paper-id';
import { escapeMarkdown } from './markdown-escape';
import { singleLine } from './single-line';

/** arXiv registers a DataCite DOI for every paper, old-style ids included. */
export function arxivDoi(id: string): string | undefined {
  return isArxivId(id) ? `10.48550/arXiv.${id}` : undefined;
}

/** The arXiv category: the page it was saved from said so, or an old-style id names it (`hep-th/9901001`). */
export function arxivPrimaryClass(id: string, paper: Pick<Paper, 'primaryClass'>): string | undefined {
  if (paper.primaryClass && ARXIV_CLASS_RE.test(paper.primaryClass)) return paper.primaryClass;
  return /^([a-z-]+(?:\.[A-Z]{2})?)\/\d{7}$/.exec(id)?.[1];
}

/** The publication date (YYYY-MM-DD) when arXiv's date is known. */
export function paperDate(paper: Pick<Paper, 'publishedAt'>): string | undefined {
  return /^\d{4}-\d\d-\d\d/.exec(paper.publishedAt ?? '')?.[0];
}

// --- citation keys ---------------------------------------------------------------------------------

/** Title words a citation key skips, as Google Scholar does ("The Attention …" → "attention"). */
const STOPWORDS = new Set(
  (
    'a an the and or but nor of on in at to for from by with without via into onto over under ' +
    'about as is are was were be been do does can could should would will we our you your it its ' +
    'this that these those how what when where which why who not no towards toward beyond using'
  ).split(' '),
);
export const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Letters that Unicode decomposition leaves alone. */
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Lower-case ASCII letters and digits only: "Gómez" → "gomez", "Łukasz" → "lukasz", "O'Neil" → "oneil". */
export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => LETTER_FOLDS[c] ?? c)
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

function lastName(author: string): string {
  // "Last, First" (BibTeX order) or "First Last" (Hugging Face order).
  const name = author.includes(',') ? author.slice(0, author.indexOf(',')) : author;
  const words = name
    .split(/\s+/)
    .map(asciiFold)
    .filter((w) => w && !NAME_SUFFIXES.has(w));
  return words[words.length - 1] ?? '';
}

function titleWord(title: string): string {
  const words = title.split(/[\s\-–—:;,./?!()]+/).map(asciiFold);
  return words.find((w) => w && !STOPWORDS.has(w)) ?? words.find((w) => w) ?? '';
}

/**
 * `<lastname><year><titleword>`, from the paper alone; "anon" when no author name has Latin letters.
 * This is a paper's citation key unless an earlier-saved paper on the list has the same one
 * (lib/reading-list/bibtex/export.ts, `bibtexKeys`).
 */
export function baseKey(paper: Pick<Paper, 'id' | 'title' | 'authors' | 'publishedAt' | 'day'>): string {
  const first = paper.authors[0];
  return `${(first && lastName(first)) || 'anon'}${paperYear(paper) ?? ''}${titleWord(paper.title)}`;
}

/** The key of a paper that shares its base key with an earlier-saved one: its id makes it unique. */
export function disambiguatedKey(paper: Pick<Paper, 'id' | 'title' | 'authors' | 'publishedAt' | 'day'>): string {
  return `${baseKey(paper)}${asciiFold(paper.id)}`;
}

// --- names -------------------------------------------------------------------------------------------

/** A person's name split for formats that want family and given names (RIS, CSL): last word is the family name. */
export interface SplitName {
  family: string;
  given?: string;
  suffix?: string;
}

/** "Ada Lovelace" → Lovelace / Ada; "Martin Luther King Jr." → King / Martin Luther / Jr.; "Plato" → Plato. */
export function splitName(name: string): SplitName {
  const words = singleLine(name).split(' ').filter(Boolean);
  let suffix: string | undefined;
  if (words.length > 2 && NAME_SUFFIXES.has(asciiFold(words[words.length - 1]!))) suffix = words.pop();
  const family = words.pop() ?? '';
  const given = words.join(' ');
  return { family, ...(given ? { given } : {}), ...(suffix ? { suffix } : {}) };
}

// --- BibTeX ------------------------------------------------------------------------------------------

const ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In LaTeX's default (OT1) text font `<` and `>` print as "¡" and "¿".
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** Whether every `}` closes an earlier `{`: BibTeX counts braces even after a backslash. */
function bracesNest(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** Escapes text for a braced BibTeX value; whitespace (newlines included) becomes single spaces. */
export function escapeBibtex(text: string): string {
  const braces: Record<string, string> = bracesNest(text)
    ? { '{': '\\{', '}': '\\}' }
    : { '{': '\\textbraceleft{}', '}': '\\textbraceright{}' };
  return (
    text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[\\%&$#_~^{}<>]/g, (c) => ESCAPES[c] ?? braces[c] ?? c)
      // TeX ligatures would turn '' into ”, -- into –, !` into ¡: an empty group keeps the characters.
      .replace(/(['`,-])(?=\1)|([!?])(?=`)/g, '$1$2{}')
  );
}

/** One author for `author = {A and B}`: names BibTeX would split or reorder are protected by braces. */
function escapeAuthor(name: string): string {
  const escaped = escapeBibtex(name);
  return /,|\band\b|^others$/i.test(escaped) ? `{${escaped}}` : escaped;
}

export interface CitedPaper {
  id: string;
  paper: Paper;
  tags?: readonly string[];
}

/**
 * One arXiv-style `@misc` entry, the way arxiv.org exports them (eprint, archivePrefix,
 * primaryClass, url) plus the DOI and, for files, the abstract. Private notes are never part of it.
 */
export function bibtexEntry(cited: CitedPaper, key: string, options: { abstract?: boolean } = {}): string {
  const { id, paper } = cited;
  const arxiv = isArxivId(id);
  const authors = paper.authors.map((a) => escapeAuthor(a)).filter(Boolean);
  const tags = (cited.tags ?? []).map((t) => escapeBibtex(t)).filter(Boolean);
  const abstract = options.abstract ? escapeBibtex(paper.summary) : '';
  const fields: [string, string | undefined][] = [
    ['title', `{${escapeBibtex(paper.title)}}`],
    ['author', authors.length ? authors.join(' and ') : undefined],
    ['year', paperYear(paper)],
    ['date', paperDate(paper)],
    ['eprint', arxiv ? id : undefined],
    ['archivePrefix', arxiv ? 'arXiv' : undefined],
    ['primaryClass', arxiv ? arxivPrimaryClass(id, paper) : undefined],
    ['doi', arxivDoi(id)],
    ['url', citationUrl(id)],
    ['abstract', abstract || undefined],
    ['keywords', tags.length ? tags.join(', ') : undefined],
  ];
  const body = fields.flatMap(([name, value]) => (value === undefined ? [] : [`  ${name} = {${value}}`]));
  return `@misc{${key},\n${body.join(',\n')}\n}\n`;
}

// --- plain text and Markdown ---------------------------------------------------------------------------

/** Long author lists (some papers have hundreds) are cut in references meant for reading. */
const MAX_AUTHORS = 10;

function authorLine(authors: readonly string[]): string {
  const names = authors.map((a) => singleLine(a)).filter(Boolean);
  const shown = names.slice(0, MAX_AUTHORS).join(', ');
  return names.length > MAX_AUTHORS ? `${shown} et al.` : shown;
}

/** "Ada Lovelace, Alan Turing (2024). Sparse Attention. arXiv:2404.12345. https://doi.org/10.48550/arXiv.2404.12345" */
export function plainReference(cited: CitedPaper): string {
  const { id, paper } = cited;
  const parts: string[] = [];
  const by = authorLine(paper.authors);
  const year = paperYear(paper);
  const head = [by, year ? `(${year})` : ''].filter(Boolean).join(' ');
  if (head) parts.push(`${head}.`);
  parts.push(`${singleLine(paper.title).replace(/[.\s]+$/, '')}.`);
  const doi = arxivDoi(id);
  if (isArxivId(id)) parts.push(`arXiv:${id}.`);
  parts.push(doi ? `https://doi.org/${doi}` : citationUrl(id));
  return parts.join(' ');
}

/** `[Title](https://arxiv.org/abs/…)`, the title escaped so it stays literal text. */
export function markdownLink(cited: CitedPaper): string {
  return `[${escapeMarkdown(singleLine(cited.paper.title))}](${citationUrl(cited.id)})`;
}
