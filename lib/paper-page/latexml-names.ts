/**
 * The names in one `.ltx_personname` of arXiv's HTML rendering (LaTeXML). It holds one name or
 * several ("Ada Lovelace<sup>1</sup>, Alan Turing<sup><span>1,3</span></sup>"), marks nested at any
 * depth, and line breaks. What follows a break is more names as often as affiliations (a long list
 * wraps: 2501.11120v1 puts its sixth author on a line of his own), so a line is never judged by its
 * place: an affiliation is known by its marks and its own elements (a line opening with a mark,
 * `ltx_role_affiliation`, `ltx_contact`, an e-mail address), and a line after a break is names only
 * when every piece of it looks like a person's name. Page content is untrusted: read as text only.
 */
import { singleLine } from '../core/single-line';

/** Elements inside a name list that are not names: affiliation and footnote marks (`<sup>`, math), notes, contacts. */
const MARK_TAGS = new Set(['sup', 'math']);
const MARK_CLASS =
  /\bltx_(?:note|role_footnote|role_footnotemark|contact|author_notes|role_affiliation|role_address|role_email)\b/;
/** Elements that are an affiliation or an address: the line holding one is not a line of names. */
const AFFILIATION_CLASS = /\bltx_(?:contact|role_affiliation|role_address|role_email)\b/;
export const MAX_AUTHORS = 1000;
const MAX_NAME = 300;
/** Where LaTeXML's output separates names: commas, semicolons, "&", "and", " · ". */
const SEPARATOR = / ?[,;&] ?|(?:^| )and(?: |$)| · /;
/** Wide spaces (`\quad`, `\And`) separate names too; a no-break or thin space may sit inside one. */
const WIDE_SPACES = /[\u2002\u2003\u3000]/g;
const NAME_EDGE = new Set([' ', ',', ';', '∗', '*', '†', '‡', '§', '¶', '⋆']);
const SUFFIX = /^(?:Jr|Sr|II|III|IV)\.?$/;

/** A word of a person's name: "Owain", "Sztyber-Betley", "O'Brien", "McKinney", "Martín", "C.H.", "J". */
const NAME_WORD =
  /^(?:(?:\p{Lu}\.)+|\p{Lu}|\p{Lu}[\p{Ll}\p{M}'’]*(?:\p{Lu}[\p{Ll}\p{M}'’]+)?[\p{Ll}\p{M}]\.?(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*)$/u;
/** The lower-case particles of names: "Ludwig van Beethoven", "Leonardo da Vinci". */
const PARTICLES = new Set('van von de da del della der den di du la le bin ibn al el ter dos das y zu'.split(' '));
/** Words of institutions that are also capitalised words, as names are. */
const INSTITUTION_WORDS = new Set(
  (
    'University Universität Université Universidad Universitat Univ Institute Institut Inst Laboratory Laboratories ' +
    'Lab Labs Ltd Inc Corp Corporation Company College School Department Dept Faculty Center Centre Research ' +
    'Researcher Academy Foundation Hospital Group Technologies Technology Sciences Science Studies Polytechnic ' +
    'Google DeepMind Microsoft Meta OpenAI Anthropic Amazon Apple Alibaba Tencent ByteDance Baidu Huawei Samsung ' +
    'Hugging Face Independent Correspondence Equal'
  ).split(' '),
);

/** `name` cut to its longest allowed length, then stripped of mark characters at both ends (cut first: never scan a huge string). */
function trimName(name: string): string {
  const cut = name.slice(0, MAX_NAME);
  let a = 0;
  let b = cut.length;
  while (a < b && NAME_EDGE.has(cut[a]!)) a++;
  while (b > a && NAME_EDGE.has(cut[b - 1]!)) b--;
  return cut.slice(a, b);
}

/** Two to five words, each a name's word or a particle, none an institution's ("Truthful AI", "UC Berkeley" are not names). */
export function looksLikeName(name: string): boolean {
  const words = name.split(' ');
  if (words.length < 2 || words.length > 5) return false;
  const isWord = (w: string) => PARTICLES.has(w) || (NAME_WORD.test(w) && !INSTITUTION_WORDS.has(w.replace(/\.$/, '')));
  return words.every(isWord) && NAME_WORD.test(words[0]!) && NAME_WORD.test(words[words.length - 1]!);
}

/** One line of a name list: its pieces between marks, and whether something in it says "affiliation". */
interface Line {
  pieces: string[];
  affiliation: boolean;
}

/** The names of one line's pieces (separators split them, a suffix joins the name before it). */
function namesOf(pieces: string[]): string[] {
  const names: string[] = [];
  for (const piece of pieces) {
    for (const part of singleLine(piece.replace(WIDE_SPACES, ',')).split(SEPARATOR)) {
      const name = trimName(part);
      if (SUFFIX.test(name) && names.length) names[names.length - 1] += `, ${name}`;
      else if (name.length > 1 && /\p{L}/u.test(name)) names.push(name);
    }
  }
  return names;
}

/**
 * The lines of the element, split at its line breaks, read in one pass (no recursion: a page can
 * nest deeply); a mark ends a piece as a comma does, and is not read.
 */
function lines(el: Element, budget: { text: number; nodes: number }): Line[] {
  const out: Line[] = [];
  let line: Line = { pieces: [], affiliation: false };
  let text = '';
  const opening = () => line.pieces.every((p) => !p.trim()) && !text.trim();
  let node: Node | null = el.firstChild;
  while (node && budget.text > 0 && budget.nodes-- > 0) {
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data.slice(0, budget.text);
      text += data;
      budget.text -= data.length;
    } else if (node.nodeType === 1) {
      const child = node as Element;
      const cls = child.getAttribute('class') ?? '';
      if (child.localName === 'br' || /\bltx_break\b/.test(cls)) {
        out.push({ ...line, pieces: [...line.pieces, text] });
        line = { pieces: [], affiliation: false };
        text = '';
      } else if (MARK_TAGS.has(child.localName) || MARK_CLASS.test(cls)) {
        // "<sup>1</sup>University of London": a line that opens with a mark lists affiliations.
        if (AFFILIATION_CLASS.test(cls) || (out.length > 0 && opening())) line.affiliation = true;
        line.pieces.push(text);
        text = '';
      } else descend = true;
    }
    if (descend && node.firstChild) node = node.firstChild;
    else {
      while (node && node !== el && !node.nextSibling) node = node.parentNode;
      node = !node || node === el ? null : node.nextSibling;
    }
  }
  out.push({ ...line, pieces: [...line.pieces, text] });
  return out;
}

/**
 * The names in one `.ltx_personname`: all of its first line, and of each later line the names, when
 * nothing marks the line as an affiliation and every piece of it looks like a person's name.
 */
export function personNames(el: Element, budget: { text: number; nodes: number }): string[] {
  const names: string[] = [];
  for (const [i, line] of lines(el, budget).entries()) {
    const found = namesOf(line.pieces);
    const isNames =
      i === 0 ||
      (!line.affiliation && found.length > 0 && !/[@{}\d]/.test(line.pieces.join('')) && found.every(looksLikeName));
    if (isNames) names.push(...found);
    if (names.length >= MAX_AUTHORS) return names.slice(0, MAX_AUTHORS);
  }
  return names;
}
