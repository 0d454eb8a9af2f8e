/**
 * One home for the text of single-line fields (titles, author names, tags) from every untrusted
 * source: the feed, a paper page, a backup, a BibTeX file, the sync area. Line breaks and other
 * whitespace become one space, so no exported line can start a Markdown block or a CSV record;
 * bidirectional embedding, override and isolate controls are removed, so no title can flip the
 * direction of what follows it ("Trojan Source" spoofing). Linear time on any input.
 */

/** U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Whitespace as JavaScript knows it, plus the C0/C1 controls (NEL included) that some readers break lines at. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SPACES = /[\s\0-\x1F\x7F-\x9F]+/g;

/**
 * `text` on one line: bidi controls removed, whitespace and control runs collapsed to one space,
 * trimmed; with `max`, cut to at most `max` UTF-16 units without splitting a surrogate pair.
 */
export function singleLine(text: string, max?: number): string {
  // Cut first, so that a huge input costs no more than a long one: collapsing whitespace shrinks
  // text, so keep twice what is wanted and some.
  const keep = max === undefined ? Infinity : 2 * max + 1024;
  let s = text.length > keep ? text.slice(0, /[\uD800-\uDBFF]/.test(text.charAt(keep - 1)) ? keep - 1 : keep) : text;
  s = s.replace(BIDI_CONTROLS, '').replace(SPACES, ' ').trim();
  if (max !== undefined && s.length > max) {
    const cut = /[\uD800-\uDBFF]/.test(s.charAt(max - 1)) ? max - 1 : max;
    s = s.slice(0, cut).trimEnd();
  }
  return s;
}
