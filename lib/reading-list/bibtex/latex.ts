/** LaTeX in BibTeX values (accents, symbols, braces) decoded to plain text, in linear time. */
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
export function closingBrace(s: string, open: number): number {
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
export function skipSpaces(s: string, k: number): number {
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
