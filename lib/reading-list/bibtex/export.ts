/**
 * The reading list as BibTeX: one arXiv-style `@misc` entry per paper, the way arxiv.org exports
 * them (eprint, archivePrefix, primaryClass, url), so reference managers recognise the preprint.
 *
 * Text is written as UTF-8 and left as is ("Gómez", "Łukasz"): biblatex/biber and every modern
 * reference manager read it, and converting to LaTeX accents loses characters that have none.
 * Only LaTeX's special characters are escaped, and braces are always left balanced, so no title
 * can end an entry early or swallow the next one. Private notes are never exported.
 */
import type { Paper } from '../../core/paper';
import type { SavedPaper } from '../../core/saved';
import { citationUrl, isArxivId } from '../../core/arxiv-id';
import { paperYear } from '../../core/paper';
import { ARXIV_CLASS_RE } from '../../core/paper-id';

/** Title words a citation key skips, as Google Scholar does ("The Attention …" → "attention"). */
const STOPWORDS = new Set(
  (
    'a an the and or but nor of on in at to for from by with without via into onto over under ' +
    'about as is are was were be been do does can could should would will we our you your it its ' +
    'this that these those how what when where which why who not no towards toward beyond using'
  ).split(' '),
);
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
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

/** `<lastname><year><titleword>` before collisions are resolved; "anon" when no author name has Latin letters. */
export function baseKey(paper: Pick<Paper, 'id' | 'title' | 'authors' | 'publishedAt' | 'day'>): string {
  const first = paper.authors[0];
  return `${(first && lastName(first)) || 'anon'}${paperYear(paper) ?? ''}${titleWord(paper.title)}`;
}

/** 0 → "a", 25 → "z", 26 → "aa", … */
function suffix(n: number): string {
  let s = '';
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(97 + ((i - 1) % 26)) + s;
  return s;
}

/**
 * Citation keys by paper id. Papers sharing a base key all get a suffix (a, b, …) in id order, so
 * the keys depend only on which papers are in the list, never on their order.
 */
export function bibtexKeys(list: readonly SavedPaper[]): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const s of list) {
    const base = baseKey(s.paper);
    const ids = groups.get(base);
    if (!ids) groups.set(base, [s.id]);
    else if (!ids.includes(s.id)) ids.push(s.id);
  }
  const keys = new Map<string, string>();
  const taken = new Set<string>();
  for (const [base, ids] of groups) {
    if (ids.length === 1) {
      keys.set(ids[0]!, base);
      taken.add(base);
    }
  }
  // A suffixed key may equal another paper's base key ("smith2024deep" + "a" vs "smith2024deepa"): skip it.
  for (const base of [...groups.keys()].sort()) {
    const ids = groups.get(base)!;
    if (ids.length === 1) continue;
    let n = 0;
    for (const id of [...ids].sort()) {
      let key: string;
      do key = base + suffix(n++);
      while (taken.has(key));
      taken.add(key);
      keys.set(id, key);
    }
  }
  return keys;
}

const ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
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
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\%&$#_~^{}]/g, (c) => ESCAPES[c] ?? braces[c] ?? c);
}

/** One author for `author = {A and B}`: names BibTeX would split or reorder are protected by braces. */
function escapeAuthor(name: string): string {
  const escaped = escapeBibtex(name);
  return /,|\band\b|^others$/i.test(escaped) ? `{${escaped}}` : escaped;
}

/** The arXiv category: an old-style id names it (`hep-th/9901001`); otherwise the page it was saved from. */
function primaryClass(id: string, paper: Paper): string | undefined {
  if (paper.primaryClass && ARXIV_CLASS_RE.test(paper.primaryClass)) return paper.primaryClass;
  return /^([a-z-]+(?:\.[A-Z]{2})?)\/\d{7}$/.exec(id)?.[1];
}

function entry(saved: SavedPaper, key: string): string {
  const { paper } = saved;
  const arxiv = isArxivId(saved.id);
  const year = paperYear(paper);
  const authors = paper.authors.map((a) => escapeAuthor(a)).filter(Boolean);
  const tags = saved.tags.map((t) => escapeBibtex(t)).filter(Boolean);
  const fields: [string, string | undefined][] = [
    ['title', `{${escapeBibtex(paper.title)}}`],
    ['author', authors.length ? authors.join(' and ') : undefined],
    ['year', year],
    ['eprint', arxiv ? saved.id : undefined],
    ['archivePrefix', arxiv ? 'arXiv' : undefined],
    ['primaryClass', arxiv ? primaryClass(saved.id, paper) : undefined],
    ['url', citationUrl(saved.id)],
    ['keywords', tags.length ? tags.join(', ') : undefined],
  ];
  const body = fields.flatMap(([name, value]) => (value === undefined ? [] : [`  ${name} = {${value}}`]));
  return `@misc{${key},\n${body.join(',\n')}\n}\n`;
}

/** The list as a .bib file, in list order; a paper listed twice is exported once. */
export function toBibtex(list: readonly SavedPaper[]): string {
  const keys = bibtexKeys(list);
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const saved of list) {
    if (seen.has(saved.id)) continue;
    seen.add(saved.id);
    entries.push(entry(saved, keys.get(saved.id)!));
  }
  return entries.join('\n');
}
