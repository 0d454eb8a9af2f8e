/**
 * arXiv identifiers and the paper URLs that carry them (Hugging Face and arXiv pages).
 * Pure: used by the background, content scripts, the popup and the tests alike.
 */
import { arxivAbsUrl, arxivPdfUrl, hfPaperUrl } from './paper-links';
import { canonicalPaperId } from './paper-id';

export interface PaperRef {
  /**
   * The canonical key, without version: `2404.12345`, `0704.0001`, `hep-th/9901001`; an old-style
   * id's subject class is left out (`math.DG/0211159` is `math/0211159`).
   */
  id: string;
  version?: number;
  oldStyle: boolean;
}

// Version numbers start at 1; three digits is far beyond any real paper and keeps `Number` exact.
const VERSION = String.raw`(?:v([1-9]\d{0,2}))?`;
// New style (April 2007 on): YYMM.NNNN until 2014, YYMM.NNNNN from 2015.
const NEW_STYLE = new RegExp(String.raw`^((\d\d)(0[1-9]|1[0-2])\.(\d{4,5}))${VERSION}$`);
// Old style (1991 to March 2007): archive, optional subject class (math.GT, cs.AI), YYMMNNN.
const OLD_STYLE = new RegExp(String.raw`^([a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?/\d\d(?:0[1-9]|1[0-2])\d{3})${VERSION}$`);

/** A bare id (no prefix, no whitespace), or undefined. */
function parseBareId(text: string): PaperRef | undefined {
  const newStyle = NEW_STYLE.exec(text);
  if (newStyle) {
    const [, id = '', yy = '', mm = '', number = '', version] = newStyle;
    // Each id has exactly one spelling, so `2404.1234` is not a second key for a 2024 paper.
    if (number.length !== (Number(yy) >= 15 ? 5 : 4)) return undefined;
    if (Number(yy + mm) < 704) return undefined;
    return withVersion({ id, oldStyle: false }, version);
  }
  const oldStyle = OLD_STYLE.exec(text);
  if (oldStyle) return withVersion({ id: canonicalPaperId(oldStyle[1] ?? ''), oldStyle: true }, oldStyle[2]);
  return undefined;
}

function withVersion(ref: PaperRef, version: string | undefined): PaperRef {
  return version === undefined ? ref : { ...ref, version: Number(version) };
}

/** `2404.12345`, `2404.12345v2`, `arXiv:2404.12345`, `hep-th/9901001v1`, … (surrounding whitespace ignored). */
export function parseArxivId(text: string): PaperRef | undefined {
  // Callers pass untrusted message payloads and clipboard text: never throw.
  if (typeof text !== 'string') return undefined;
  return parseBareId(text.trim().replace(/^arxiv:\s*/i, ''));
}

const HF_HOST = 'huggingface.co';
const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);
// Listings (`/papers/date/…`, `/papers/trending`) fail here simply because they are not ids.
const HF_PATH = /^\/papers\/([^/]+)(?:\/.*)?$/;
// Old-style ids contain a slash, so they span two segments; `.pdf` belongs to the PDF route only.
const ARXIV_PATH = /^\/(abs|pdf|html)\/((?:[a-z-]+(?:\.[A-Z]{2})?\/)?[^/]+?)(\.pdf)?(?:\/.*)?$/;

/** The paper a page URL shows, or undefined when it is not a paper page on Hugging Face or arXiv. */
export function paperRefFromUrl(url: string): PaperRef | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  // `host`, not `hostname`: a non-default port is some other server, not the site.
  const { host, pathname } = parsed;
  if (host === HF_HOST) {
    const id = HF_PATH.exec(pathname)?.[1];
    const ref = id === undefined ? undefined : parseBareId(id);
    // Hugging Face only has pages for new-style ids.
    return ref?.oldStyle ? undefined : ref;
  }
  if (ARXIV_HOSTS.has(host)) {
    const match = ARXIV_PATH.exec(pathname);
    if (!match || (match[3] !== undefined && match[1] !== 'pdf')) return undefined;
    return parseBareId(match[2] ?? '');
  }
  return undefined;
}

export function isPaperUrl(url: string): boolean {
  return paperRefFromUrl(url) !== undefined;
}

/** True for bare arXiv ids (`2404.12345`, `hep-th/9901001`); Hugging Face also has other slugs. */
export function isArxivId(id: string): boolean {
  const ref = parseArxivId(id);
  // An old-style id written with its subject class is an arXiv id too (its key leaves the class out).
  return ref !== undefined && ref.id === canonicalPaperId(id);
}

/** The link a citation carries: its arXiv abstract page, or its Hugging Face page for non-arXiv ids. */
export function citationUrl(id: string): string {
  return isArxivId(id) ? arxivAbsUrl(id) : hfPaperUrl(id);
}

/**
 * Where a paper lives, without version (the latest). Hugging Face only indexes new-style ids:
 * for an old-style id `hf` is still built but that page will 404, so link to `abs` instead.
 */
export function canonicalUrls(ref: PaperRef): { hf: string; abs: string; pdf: string } {
  return {
    hf: hfPaperUrl(ref.id),
    abs: arxivAbsUrl(ref.id),
    pdf: arxivPdfUrl(ref.id),
  };
}

/**
 * Pages that show a paper as HTML: where content scripts run. They must still check
 * `paperRefFromUrl`, and again on each location change: `/papers/*` also matches the listings, and
 * Hugging Face changes page client-side (a visit that starts on the `/papers` listing, which is
 * not matched here, reaches a paper without loading a page).
 */
export const PAPER_URL_PATTERNS: string[] = [
  'https://huggingface.co/papers/*',
  'https://arxiv.org/abs/*',
  'https://www.arxiv.org/abs/*',
  'https://arxiv.org/html/*',
  'https://www.arxiv.org/html/*',
];

/**
 * Every URL that names a paper, PDFs and the export mirror included: for context menus on links
 * and the popup's "Save this paper" (no content script runs in the PDF viewer).
 */
export const PAPER_LINK_PATTERNS: string[] = [
  ...PAPER_URL_PATTERNS,
  'https://arxiv.org/pdf/*',
  'https://www.arxiv.org/pdf/*',
  'https://export.arxiv.org/abs/*',
  'https://export.arxiv.org/pdf/*',
  'https://export.arxiv.org/html/*',
];
