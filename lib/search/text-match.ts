/**
 * Word splitting and case/accent folding shared by the search index and the highlighter, and the
 * highlighter itself: small enough for the new tab's first load (the index loads on demand).
 */
export interface HighlightPart {
  text: string;
  match: boolean;
}

/**
 * A word is letters, digits and combining marks; trailing `+`/`#` stay part of it (C++, C#, F#) unless
 * more word follows (`a+b`). Markup and LaTeX in abstracts (`<b>`, `$\alpha$`) thus index as plain words.
 */
const WORD_RE = /[\p{L}\p{N}\p{M}]+(?:[+#]+(?![\p{L}\p{N}+#]))?/gu;

export function words(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

/**
 * Case- and accent-insensitive form. Only the Latin/Greek/Cyrillic diacritics block is stripped: other
 * combining marks (Devanagari vowel signs, kana voicing) change the word, not its accent. Final sigma
 * is folded by hand because `toLowerCase` picks ς or σ from context, and highlighting folds letter by letter.
 */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ς/g, 'σ');
}
const NON_ASCII = /[^\0-\x7f]/;

interface TermSet {
  folded: Set<string>;
  /** The distinct lengths of the terms, longest first: the only prefixes worth looking up. */
  lengths: number[];
  /** First letters of the terms: most words are ruled out by this alone. */
  firsts: Set<string>;
}

// Every card highlights with the same `terms` array: fold it once per search, not once per card.
const termSets = new WeakMap<readonly string[], TermSet>();

function termSet(terms: readonly string[]): TermSet {
  let set = termSets.get(terms);
  if (!set) {
    const folded = new Set(terms.flatMap((term) => words(term).map(fold)).filter(Boolean));
    const lengths = [...new Set([...folded].map((f) => f.length))].sort((a, b) => b - a);
    set = { folded, lengths, firsts: new Set([...folded].map((f) => f.charAt(0))) };
    termSets.set(terms, set);
  }
  return set;
}

/** Length in `word` (UTF-16 units) of its longest start that folds to one of the terms; 0 if none. */
function matchLength(word: string, { folded, lengths, firsts }: TermSet): number {
  const f = fold(word);
  if (!firsts.has(f.charAt(0))) return 0;
  const n = lengths.find((length) => length <= f.length && folded.has(f.slice(0, length))) ?? 0;
  if (n === 0 || n === f.length) return n && word.length;
  // A prefix: walk the original letters until they fold to n units, then take any accents that follow.
  let foldedLength = 0;
  let end = 0;
  for (const ch of word) {
    const add = fold(ch).length;
    if (foldedLength >= n && add > 0) break;
    foldedLength += add;
    end += ch.length;
  }
  return end;
}

/**
 * Splits `text` into runs, marking each word that starts with one of `terms` (its matching start only,
 * in the text's own characters). Matching ignores case and accents; terms are words, not patterns.
 */
export function highlightParts(text: string, terms: readonly string[]): HighlightPart[] {
  const set = termSet(terms);
  const parts: HighlightPart[] = [];
  let done = 0;
  if (set.folded.size > 0)
    for (const m of text.matchAll(WORD_RE)) {
      const length = matchLength(m[0], set);
      if (!length) continue;
      if (m.index > done) parts.push({ text: text.slice(done, m.index), match: false });
      parts.push({ text: text.slice(m.index, m.index + length), match: true });
      done = m.index + length;
    }
  if (done < text.length) parts.push({ text: text.slice(done), match: false });
  return parts;
}
