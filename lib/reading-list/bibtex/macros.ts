/**
 * `@string` macros and field values: a value is `{…}`, `"…"`, a number or a macro name, joined by
 * `#`; macros are expanded where used, within the bounds below.
 */
import { closingBrace } from './latex';
import { readName, skipSpace, type Cursor } from './lexer';

/**
 * `@string` macros are expanded where used, and a macro may be built from others: doubling one in
 * each of 30 definitions turns a 600-byte file into gigabytes. The text that macros add to the
 * file's values, all values together, is bounded, and so is how deep definitions nest; a file past
 * either bound is refused (a real bibliography adds a few kilobytes of journal and month names).
 */
export const MAX_MACRO_EXPANSION = 4 * 1024 * 1024;
export const MAX_MACRO_DEPTH = 20;

export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A macro's text and how deeply its definition nests other macros (0 for text and the months). */
export interface Macro {
  value: string;
  depth: number;
}

/** The file's macros and what expanding them may still add (see MAX_MACRO_EXPANSION). */
export interface Macros {
  defs: Map<string, Macro>;
  budget: number;
}

/** Thrown when macros expand past the bounds: the file is refused as a whole. */
export class MacroOverflow extends Error {}

/**
 * A field value: `{…}`, `"…"`, a number or a macro name, joined by `#`, with the depth of the macros
 * it used. Undefined when malformed.
 */
export function readValue(c: Cursor, macros: Macros): Macro | undefined {
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
export function readFields(c: Cursor, macros: Macros, depths?: Map<string, number>): Map<string, string> | undefined {
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
