/**
 * The stored index's terms, read where they lie: the one sorted, "\n"-joined string the index is
 * stored with, and where each term starts. Splitting it made a string per term (about 200,000 at
 * 30,000 papers) that every major garbage collection then walked; a query makes strings only for
 * the terms it matches.
 */

export interface Vocabulary {
  text: string;
  /** Term `t` is `text[at[t] .. at[t + 1] - 1]` (the "\n" after it left out); `at.length` is the count + 1. */
  at: Uint32Array;
  /** Term indexes grouped by length, each group sorted: length `n` is `order[from[n] .. from[n + 1]]`. */
  byLength?: { order: Uint32Array; from: Uint32Array };
}

export function vocabulary(text: string): Vocabulary {
  let count = text ? 1 : 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  const at = new Uint32Array(count + 1);
  let t = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) at[t++] = i + 1;
  at[count] = text.length + 1;
  return { text, at };
}

export const termCount = (v: Vocabulary): number => v.at.length - 1;
const startOf = (v: Vocabulary, t: number) => v.at[t]!;
const lengthOf = (v: Vocabulary, t: number) => v.at[t + 1]! - 1 - v.at[t]!;

export const termAt = (v: Vocabulary, t: number): string => v.text.slice(startOf(v, t), v.at[t + 1]! - 1);

/** Term `t` compared with `x` as strings compare (by UTF-16 code units): negative, 0 or positive. */
function compare(v: Vocabulary, t: number, x: string): number {
  const from = startOf(v, t);
  const length = lengthOf(v, t);
  const n = Math.min(length, x.length);
  for (let k = 0; k < n; k++) {
    const d = v.text.charCodeAt(from + k) - x.charCodeAt(k);
    if (d !== 0) return d;
  }
  return length - x.length;
}

/** The first term >= `x`. */
export function lowerBoundTerm(v: Vocabulary, x: string): number {
  let lo = 0;
  let hi = termCount(v);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(v, mid, x) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of term `x`, or -1. */
export function findTerm(v: Vocabulary, x: string): number {
  const t = lowerBoundTerm(v, x);
  return t < termCount(v) && compare(v, t, x) === 0 ? t : -1;
}

export function termStartsWith(v: Vocabulary, t: number, prefix: string): boolean {
  if (lengthOf(v, t) < prefix.length) return false;
  const from = startOf(v, t);
  for (let k = 0; k < prefix.length; k++) if (v.text.charCodeAt(from + k) !== prefix.charCodeAt(k)) return false;
  return true;
}

/** The terms `length` long, in order (built at the first typo looked for). */
export function termsOfLength(v: Vocabulary, length: number): Uint32Array {
  if (!v.byLength) {
    const count = termCount(v);
    let longest = 0;
    for (let t = 0; t < count; t++) longest = Math.max(longest, lengthOf(v, t));
    const from = new Uint32Array(longest + 2);
    for (let t = 0; t < count; t++) from[lengthOf(v, t) + 1] = from[lengthOf(v, t) + 1]! + 1;
    for (let n = 1; n < from.length; n++) from[n] = from[n]! + from[n - 1]!;
    const next = from.slice();
    const order = new Uint32Array(count);
    for (let t = 0; t < count; t++) {
      const n = lengthOf(v, t);
      order[next[n]!] = t;
      next[n] = next[n]! + 1;
    }
    v.byLength = { order, from };
  }
  const { order, from } = v.byLength;
  if (length < 0 || length + 1 >= from.length) return new Uint32Array(0);
  return order.subarray(from[length]!, from[length + 1]!);
}

/** Whether term `t` is at most one edit from `word` (see terms.ts `withinOneEdit`), read in place. */
export function termWithinOneEdit(v: Vocabulary, t: number, word: string): boolean {
  const from = startOf(v, t);
  const lb = lengthOf(v, t);
  const la = word.length;
  if (Math.abs(la - lb) > 1) return false;
  const { text } = v;
  let i = 0;
  while (i < la && i < lb && word.charCodeAt(i) === text.charCodeAt(from + i)) i++;
  let a = i + (la >= lb ? 1 : 0);
  let b = i + (lb >= la ? 1 : 0);
  if (la - a !== lb - b) return false;
  for (; a < la; a++, b++) if (word.charCodeAt(a) !== text.charCodeAt(from + b)) return false;
  return true;
}
