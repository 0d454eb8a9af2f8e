/** One BibTeX entry's fields to a paper: its arXiv id, title, authors and year. */
import { parseArxivId } from '../../core/arxiv-id';
import { singleLine } from '../../core/single-line';
import { decodeLatex } from './latex';

export interface BibtexPaper {
  /** arXiv id without version. */
  id: string;
  title?: string;
  authors: string[];
  year?: string;
}

/** What one paper keeps, as the JSON backup keeps it (lib/reading-list/backup.ts). */
export const MAX_TITLE_CHARS = 1000;
export const MAX_AUTHOR_CHARS = 300;
export const MAX_AUTHORS = 1000;

// --- arXiv ids ----------------------------------------------------------------------------------

// Candidates in free text: new style (YYMM.NNNNN) and old style (archive[.SC]/YYMMNNN), any case,
// optional version. parseArxivId (lib/core/arxiv-id.ts) then decides whether a candidate is a real id.
const ID = String.raw`(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?(?![\d])`;
const EPRINT_RE = new RegExp(String.raw`^(?:arxiv:\s*)?${ID}$`, 'i');
/** arXiv links, arXiv DOIs and "arXiv:<id>" mentions inside free text (url, doi, journal, note). */
const MENTION_RES = [
  new RegExp(String.raw`arxiv\.org\/(?:abs|pdf|html|format)\/${ID}`, 'i'),
  new RegExp(String.raw`10\.48550\/arxiv\.${ID}`, 'i'),
  new RegExp(String.raw`\barxiv:\s*${ID}`, 'i'),
];
const MENTION_FIELDS = ['url', 'doi', 'journal', 'journaltitle', 'note', 'howpublished', 'eprint'];

/** The id in canonical case (old-style archive lower case, subject class upper: "math.GT/0309136"), if real. */
function canonicalId(raw: string): string | undefined {
  const id = raw.replace(
    /^([a-z-]+)(?:\.([a-z]{2}))?\//i,
    (_, archive: string, sc?: string) => `${archive.toLowerCase()}${sc ? `.${sc.toUpperCase()}` : ''}/`,
  );
  return parseArxivId(id)?.id;
}

export function arxivIdOf(fields: Map<string, string>): string | undefined {
  const plain = (name: string) => fields.get(name)?.replace(/[{}]/g, '').trim();
  const eprint = plain('eprint');
  const archive = (plain('archiveprefix') ?? plain('eprinttype'))?.toLowerCase();
  if (eprint && (archive === undefined || archive === 'arxiv')) {
    const m = EPRINT_RE.exec(eprint);
    if (m) return canonicalId(m[1]!);
  }
  for (const name of MENTION_FIELDS) {
    const value = plain(name);
    if (!value) continue;
    for (const re of MENTION_RES) {
      const m = re.exec(value);
      if (m) return canonicalId(m[1]!);
    }
  }
  // DBLP: journal = {CoRR}, volume = {abs/2404.12345}.
  const volume = /^abs\/(.+)$/i.exec(plain('volume') ?? '');
  if (/^corr$/i.test(plain('journal') ?? '') && volume) {
    const m = EPRINT_RE.exec(volume[1]!);
    if (m) return canonicalId(m[1]!);
  }
  return undefined;
}

/** A brace, or "and" with whitespace on both sides: a fixed-length pattern, tried once per position. */
const AND_OR_BRACE = /[{}]|\sand(?=\s)/gi;

/**
 * Splits `A and B and {C and D}` at top-level "and"s, in one pass (a regex trying `\s+and\s+` at
 * every space of a long run of spaces took quadratic time: 27 s for 100,000 spaces).
 */
function splitAuthors(raw: string, limit: number): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  AND_OR_BRACE.lastIndex = 0;
  for (let m = AND_OR_BRACE.exec(raw); m; m = AND_OR_BRACE.exec(raw)) {
    if (m[0] === '{') depth++;
    else if (m[0] === '}') depth--;
    else if (depth === 0) {
      names.push(raw.slice(start, m.index));
      start = m.index + m[0].length;
      if (names.length >= limit) return names;
    }
  }
  names.push(raw.slice(start));
  return names;
}

/** "Last, First" and "Last, Jr, First" become "First Last" and "First Last Jr", as papers are listed. */
function authorName(raw: string): string {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < raw.length; k++) {
    if (raw[k] === '{') depth++;
    else if (raw[k] === '}') depth--;
    else if (raw[k] === ',' && depth === 0) {
      parts.push(raw.slice(start, k));
      start = k + 1;
    }
  }
  parts.push(raw.slice(start));
  const [last = '', second, third] = parts.map((part) => decodeLatex(part));
  const ordered = parts.length === 1 ? [last] : parts.length === 2 ? [second, last] : [third, last, second];
  return ordered
    .filter((x) => x)
    .join(' ')
    .trim();
}

export function toPaper(id: string, fields: Map<string, string>): BibtexPaper {
  // Cut first: no title or name needs more LaTeX than this to write what is kept of it.
  const title = singleLine(decodeLatex((fields.get('title') ?? '').slice(0, 16 * MAX_TITLE_CHARS)), MAX_TITLE_CHARS);
  // "and others" is BibTeX for "et al."; a braced {others} is a name.
  // Twice the names kept: "others" is left out, and the rest is never needed.
  const authors = splitAuthors(fields.get('author') ?? '', 2 * MAX_AUTHORS)
    .filter((raw) => raw.trim().toLowerCase() !== 'others')
    .slice(0, MAX_AUTHORS)
    .map((raw) => singleLine(authorName(raw.slice(0, 16 * MAX_AUTHOR_CHARS)), MAX_AUTHOR_CHARS))
    .filter(Boolean);
  const year = /\d{4}/.exec(fields.get('year') ?? '')?.[0] ?? /^\s*(\d{4})/.exec(fields.get('date') ?? '')?.[1];
  return { id, ...(title ? { title } : {}), authors, ...(year ? { year } : {}) };
}
