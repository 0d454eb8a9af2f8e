/** Reading a BibTeX file's tokens: names, where an entry ends, which line a position is on. */
import { skipSpaces } from './latex';

export interface Cursor {
  s: string;
  p: number;
}

const NAME_RE = /[^\s=,{}()"#]+/y;

export function skipSpace(c: Cursor): void {
  c.p = skipSpaces(c.s, c.p);
}

export function readName(c: Cursor): string | undefined {
  NAME_RE.lastIndex = c.p;
  const m = NAME_RE.exec(c.s);
  if (!m) return undefined;
  c.p += m[0].length;
  return m[0];
}

/** Index of the `}` or `)` that closes the entry opened at `open`, or -1 when it never closes. */
export function entryEnd(s: string, open: number): number {
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

export function lineOf(s: string, index: number): number {
  let line = 1;
  for (let k = s.indexOf('\n'); k >= 0 && k < index; k = s.indexOf('\n', k + 1)) line++;
  return line;
}
