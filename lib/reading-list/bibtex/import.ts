/**
 * Reads arXiv papers out of a BibTeX file (ours, arxiv.org's, Google Scholar's, DBLP's, a
 * reference manager's). A small tolerant parser: entries it cannot make sense of, or that name no
 * arXiv paper, are counted as skipped rather than failing the file; only a file with no entries at
 * all or with braces that never close is refused. It never throws: the file is untrusted input.
 */
import { parseArxivId } from '../../core/arxiv-id';
import { t } from '../../core/i18n';
import { singleLine } from '../../core/single-line';

export interface BibtexPaper {
  /** arXiv id without version. */
  id: string;
  title?: string;
  authors: string[];
  year?: string;
}

export type BibtexImport = { ok: true; items: BibtexPaper[]; skipped: number } | { ok: false; error: string };

export const MAX_BIBTEX_CHARS = 50 * 1024 * 1024;
/**
 * `@string` macros are expanded where used, and a macro may be built from others: doubling one in
 * each of 30 definitions turns a 600-byte file into gigabytes. The text that macros add to the
 * file's values, all values together, is bounded, and so is how deep definitions nest; a file past
 * either bound is refused (a real bibliography adds a few kilobytes of journal and month names).
 */
export const MAX_MACRO_EXPANSION = 4 * 1024 * 1024;
export const MAX_MACRO_DEPTH = 20;
/** What one paper keeps, as the JSON backup keeps it (lib/export/backup.ts). */
export const MAX_TITLE_CHARS = 1000;
export const MAX_AUTHOR_CHARS = 300;
export const MAX_AUTHORS = 1000;

// --- arXiv ids ----------------------------------------------------------------------------------

// Candidates in free text: new style (YYMM.NNNNN) and old style (archive[.SC]/YYMMNNN), any case,
// optional version. parseArxivId (lib/arxiv-id.ts) then decides whether a candidate is a real id.
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

function arxivIdOf(fields: Map<string, string>): string | undefined {
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

// --- LaTeX to text --------------------------------------------------------------------------------

const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
  r: '\u030A',
  d: '\u0323',
  b: '\u0331',
  t: '\u0361',
};
const SYMBOLS: Record<string, string> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  textbackslash: '\\',
  textasciitilde: '~',
  textasciicircum: '^',
  textbraceleft: '{',
  textbraceright: '}',
  textunderscore: '_',
  textbar: '|',
  textless: '<',
  textgreater: '>',
  textendash: '–',
  textemdash: '—',
  textquoteleft: '‘',
  textquoteright: '’',
  textquotedblleft: '“',
  textquotedblright: '”',
  ldots: '…',
  dots: '…',
  textellipsis: '…',
  S: '§',
  P: '¶',
  copyright: '©',
  textregistered: '®',
  texttrademark: '™',
  euro: '€',
  pounds: '£',
};
const LITERALS = new Set(['%', '&', '$', '#', '_', '{', '}']);

/** Index just past the `}` that closes the `{` at `open`, or -1. */
function closingBrace(s: string, open: number): number {
  let depth = 0;
  for (let k = open; k < s.length; k++) {
    if (s[k] === '{') depth++;
    else if (s[k] === '}' && --depth === 0) return k + 1;
  }
  return -1;
}

function applyAccent(arg: string, mark: string): string {
  const [first = '', ...rest] = arg;
  // An accent over a dotless i or j is an accented i or j.
  const base = first === 'ı' ? 'i' : first === 'ȷ' ? 'j' : first;
  return (base + mark).normalize('NFC') + rest.join('');
}

const SPECIAL = /[\\~{}$]/g;
const SPACE_RUN = /\s*/y;

/** Index of the first non-space character at or after `k`. */
function skipSpaces(s: string, k: number): number {
  SPACE_RUN.lastIndex = k;
  SPACE_RUN.exec(s);
  return SPACE_RUN.lastIndex;
}

/** Accents nest this deep at most (`\'{\'{e}}`); deeper groups are read as plain text, keeping the work linear. */
const MAX_ACCENT_NESTING = 4;

/**
 * LaTeX as BibTeX files write it, to plain Unicode text: accents (`{\'e}`, `\"{o}`, `\c{c}`), special
 * letters (`\ss`, `\o`), escaped characters (`\%`, `\{`), protection braces and `$` removed, unknown
 * commands (`\emph`, `\textbf`) dropped with their argument kept. Whitespace is collapsed.
 */
export function decodeLatex(latex: string, nesting = 0): string {
  if (nesting > MAX_ACCENT_NESTING)
    return latex
      .replace(/[{}\\$]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  let out = '';
  let k = 0;
  /** The argument of an accent: a braced group, a command such as `\i`, or one character. */
  const readArg = (): string => {
    k = skipSpaces(latex, k);
    if (latex[k] === '{') {
      const end = closingBrace(latex, k);
      const inner = latex.slice(k + 1, end < 0 ? latex.length : end - 1);
      k = end < 0 ? latex.length : end;
      return decodeLatex(inner, nesting + 1);
    }
    if (latex[k] === '\\') {
      const m = /^\\(?:[A-Za-z]+|.)/s.exec(latex.slice(k, k + 40));
      k += m ? m[0].length : 1;
      return decodeLatex(m ? m[0] : '', nesting + 1);
    }
    const [c = ''] = latex.slice(k, k + 2);
    k += c.length;
    return c;
  };
  while (k < latex.length) {
    // Plain text up to the next character that means something is copied in one go.
    SPECIAL.lastIndex = k;
    const next = SPECIAL.exec(latex)?.index ?? latex.length;
    if (next > k) {
      out += latex.slice(k, next);
      k = next;
      continue;
    }
    const c = latex[k]!;
    if (c === '\\') {
      const word = /^[A-Za-z]+/.exec(latex.slice(k + 1, k + 41))?.[0];
      if (word) {
        k += 1 + word.length;
        const mark = ACCENTS[word];
        if (mark) {
          out += applyAccent(readArg(), mark);
          continue;
        }
        // A control word ends at "{}" or swallows the spaces after it, as in LaTeX.
        if (latex.startsWith('{}', k)) k += 2;
        else k = skipSpaces(latex, k);
        out += SYMBOLS[word] ?? '';
        continue;
      }
      const next = latex[k + 1];
      k += 2;
      if (next === undefined) break;
      const mark = ACCENTS[next];
      if (mark) {
        const arg = readArg();
        out += arg ? applyAccent(arg, mark) : next;
      } else if (LITERALS.has(next)) out += next;
      else if (/[\s\\,;:]/.test(next)) out += ' ';
      else if (next !== '-' && next !== '!' && next !== '/') out += next;
    } else if (c === '~') {
      out += ' ';
      k++;
    } else {
      if (c !== '{' && c !== '}' && c !== '$') out += c;
      k++;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

// --- BibTeX syntax --------------------------------------------------------------------------------

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface Cursor {
  s: string;
  p: number;
}

const NAME_RE = /[^\s=,{}()"#]+/y;

function skipSpace(c: Cursor): void {
  c.p = skipSpaces(c.s, c.p);
}

function readName(c: Cursor): string | undefined {
  NAME_RE.lastIndex = c.p;
  const m = NAME_RE.exec(c.s);
  if (!m) return undefined;
  c.p += m[0].length;
  return m[0];
}

/** A macro's text and how deeply its definition nests other macros (0 for text and the months). */
interface Macro {
  value: string;
  depth: number;
}

/** The file's macros and what expanding them may still add (see MAX_MACRO_EXPANSION). */
interface Macros {
  defs: Map<string, Macro>;
  budget: number;
}

/** Thrown when macros expand past the bounds: the file is refused as a whole. */
class MacroOverflow extends Error {}

/**
 * A field value: `{…}`, `"…"`, a number or a macro name, joined by `#`, with the depth of the macros
 * it used. Undefined when malformed.
 */
function readValue(c: Cursor, macros: Macros): Macro | undefined {
  let value = '';
  let depth = 0;
  for (;;) {
    skipSpace(c);
    const ch = c.s[c.p];
    if (ch === '{') {
      const end = closingBrace(c.s, c.p);
      if (end < 0) return undefined;
      value += c.s.slice(c.p + 1, end - 1);
      c.p = end;
    } else if (ch === '"') {
      let braces = 0;
      let k = c.p + 1;
      for (; k < c.s.length && !(c.s[k] === '"' && braces === 0); k++) {
        if (c.s[k] === '{') braces++;
        else if (c.s[k] === '}') braces--;
      }
      if (k >= c.s.length) return undefined;
      value += c.s.slice(c.p + 1, k);
      c.p = k + 1;
    } else {
      const name = readName(c);
      if (name === undefined) return undefined;
      const macro = macros.defs.get(name.toLowerCase());
      // An undefined macro (BibTeX would warn and use nothing) is kept as written: `eprint = 2404.12345`.
      if (!macro) value += name;
      else {
        macros.budget -= macro.value.length;
        if (macros.budget < 0) throw new MacroOverflow();
        value += macro.value;
        depth = Math.max(depth, macro.depth);
      }
    }
    skipSpace(c);
    if (c.s[c.p] !== '#') return { value, depth };
    c.p++;
  }
}

/**
 * `name = value, …` up to the end of the body; the first value of a repeated field wins, as in
 * BibTeX. With `depths`, how deep each value's macros nest is recorded there.
 */
function readFields(c: Cursor, macros: Macros, depths?: Map<string, number>): Map<string, string> | undefined {
  const fields = new Map<string, string>();
  for (;;) {
    while (/[\s,]/.test(c.s[c.p] ?? '')) c.p++;
    if (c.p >= c.s.length) return fields;
    const name = readName(c);
    skipSpace(c);
    if (name === undefined || c.s[c.p] !== '=') return undefined;
    c.p++;
    const value = readValue(c, macros);
    if (value === undefined) return undefined;
    if (!fields.has(name.toLowerCase())) {
      fields.set(name.toLowerCase(), value.value);
      depths?.set(name.toLowerCase(), value.depth);
    }
    if (c.p < c.s.length && c.s[c.p] !== ',') return undefined;
  }
}

/** Index of the `}` or `)` that closes the entry opened at `open`, or -1 when it never closes. */
function entryEnd(s: string, open: number): number {
  const paren = s[open] === '(';
  let depth = 0;
  let quoted = false;
  for (let k = open + 1; k < s.length; k++) {
    const ch = s[k];
    if (ch === '{') depth++;
    else if (ch === '}') {
      if (depth === 0 && !paren) return k;
      depth--;
    } else if (paren && depth === 0) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ')' && !quoted) return k;
    }
  }
  return -1;
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

function lineOf(s: string, index: number): number {
  let line = 1;
  for (let k = s.indexOf('\n'); k >= 0 && k < index; k = s.indexOf('\n', k + 1)) line++;
  return line;
}

function toPaper(id: string, fields: Map<string, string>): BibtexPaper {
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

/** The arXiv papers of a BibTeX file, each id once (first entry wins), in file order. Never throws. */
export function parseBibtex(text: string): BibtexImport {
  try {
    if (typeof text !== 'string') return { ok: false, error: t('bibtexNoEntries') };
    if (text.length > MAX_BIBTEX_CHARS) return { ok: false, error: t('bibtexTooLarge') };
    const macros: Macros = {
      defs: new Map(MONTHS.map((m, i) => [m, { value: String(i + 1), depth: 0 }])),
      budget: MAX_MACRO_EXPANSION,
    };
    const items: BibtexPaper[] = [];
    const seen = new Set<string>();
    let entries = 0;
    let skipped = 0;
    const HEAD = /@\s*([A-Za-z][\w-]*)\s*([{(])/y;
    for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      // Text between entries is a comment in BibTeX, "@" included (an e-mail address, say).
      HEAD.lastIndex = at;
      const head = HEAD.exec(text);
      if (!head) continue;
      const open = HEAD.lastIndex - 1;
      const end = entryEnd(text, open);
      const type = head[1]!.toLowerCase();
      if (end < 0) {
        const what = /^[^,\s]{1,60}/.exec(text.slice(open + 1))?.[0];
        return {
          ok: false,
          error: t('bibtexUnbalanced', `@${type}${what ? `{${what}` : ''}`, lineOf(text, at)),
        };
      }
      const body = text.slice(open + 1, end);
      at = end;
      if (type === 'comment' || type === 'preamble') continue;
      if (type === 'string') {
        const depths = new Map<string, number>();
        const defs = readFields({ s: body, p: 0 }, macros, depths);
        for (const [name, value] of defs ?? []) {
          const depth = (depths.get(name) ?? 0) + 1;
          if (depth > MAX_MACRO_DEPTH) throw new MacroOverflow();
          macros.defs.set(name, { value, depth });
        }
        continue;
      }
      entries++;
      // The citation key runs to the first comma; a body without one holds no fields.
      const comma = body.indexOf(',');
      const fields = comma < 0 ? undefined : readFields({ s: body, p: comma + 1 }, macros);
      const id = fields && arxivIdOf(fields);
      if (!fields || !id) skipped++;
      else if (!seen.has(id)) {
        seen.add(id);
        items.push(toPaper(id, fields));
      }
    }
    if (entries === 0) return { ok: false, error: t('bibtexNoEntries') };
    return { ok: true, items, skipped };
  } catch (e) {
    if (e instanceof MacroOverflow) return { ok: false, error: t('bibtexMacrosTooLarge') };
    return { ok: false, error: t('bibtexUnreadable', e instanceof Error ? e.message : String(e)) };
  }
}
