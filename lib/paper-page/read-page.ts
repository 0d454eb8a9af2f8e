/**
 * Reading a paper page (huggingface.co/papers/…, arxiv.org/abs|html/…) from a content script:
 * where the Save button goes and what the page says about the paper. Page content is untrusted:
 * it is only ever read as text.
 */
import { paperRefFromUrl, parseArxivId } from '../core/arxiv-id';
import { ARXIV_CLASS_RE } from '../core/paper-id';
import type { PageMeta } from '../core/save-request';
import { singleLine } from '../core/single-line';
import { MAX_AUTHORS, personNames } from './latexml-names';

export type Placement = { where: 'after' | 'append'; anchor: Element } | { where: 'floating' };

/**
 * The first element matching the first selector that matches anything: selectors in order of
 * preference (a selector list would pick whichever comes first in the document, such as arXiv's
 * subject heading before the title).
 */
function preferred(doc: Document, ...selectors: string[]): Element | null {
  for (const selector of selectors) {
    const el = doc.querySelector(selector);
    if (el) return el;
  }
  return null;
}

const hfTitle = (doc: Document) => preferred(doc, 'main h1', 'h1');

/** Beside HF's h1; in arXiv's "Access Paper" list, else beside h1.title; else floating. */
export function findPlacement(doc: Document, url: URL): Placement {
  if (url.hostname === 'huggingface.co') {
    const h1 = hfTitle(doc);
    return h1 ? { where: 'after', anchor: h1 } : { where: 'floating' };
  }
  const list = doc.querySelector('.extra-services .full-text ul');
  if (list) return { where: 'append', anchor: list };
  const title = preferred(doc, 'h1.title', 'h1.ltx_title', 'h1');
  return title ? { where: 'after', anchor: title } : { where: 'floating' };
}

/** An element's text on one line, cut first (no field here keeps more than 20,000 characters). */
const text = (el: Element | null | undefined) =>
  el?.textContent?.slice(0, 50_000).replace(/\s+/g, ' ').trim() || undefined;
const meta = (doc: Document, name: string) =>
  [...doc.querySelectorAll(`meta[name="${name}"]`)].map((m) => m.getAttribute('content')?.trim() ?? '').filter(Boolean);

/** arXiv writes citation authors "Last, First": turned back into "First Last". */
function citationName(name: string): string {
  const [last, first] = name.split(',').map((s) => s.trim());
  return first ? `${first} ${last}` : name;
}

/**
 * What the names of one page may take to read: more text or elements than a thousand authors need
 * is not a list of names, and the rest is not read.
 */
const MAX_NAMES_TEXT = 100_000;
const MAX_NAMES_NODES = 20_000;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "arXiv:2401.12345v2 [cs.CL] 23 Jan 2024", as arXiv's HTML pages show in the corner. */
const ID_LINE = /arXiv:(\S{1,40}) \[([^\]\s]{1,40})\] (\d{1,2}) ([A-Z][a-z]{2}) (\d{4})/;

/** The primary category and date of the page's arXiv id line, when it names this page's paper. */
function idLine(doc: Document, url: URL): { primaryClass?: string; date?: string } {
  const ours = paperRefFromUrl(url.href)?.id;
  for (const el of [doc.getElementById('watermark-tr'), doc.querySelector('.ltx_page_header')]) {
    const m = ID_LINE.exec(singleLine(el?.textContent?.slice(0, 2000) ?? ''));
    if (!m || !ours || parseArxivId(m[1]!)?.id !== ours) continue;
    const month = MONTHS.indexOf(m[4]!) + 1;
    const day = Number(m[3]);
    const date = month && day >= 1 && day <= 31 ? `${m[5]}-${pad(month)}-${pad(day)}` : undefined;
    return { ...(ARXIV_CLASS_RE.test(m[2]!) ? { primaryClass: m[2] } : {}), ...(date ? { date } : {}) };
  }
  return {};
}
const pad = (n: number) => String(n).padStart(2, '0');

/** arXiv's HTML rendering (`/html/<id>`), which has no citation tags: what its LaTeXML markup says. */
function readArxivHtml(doc: Document, url: URL, m: PageMeta): void {
  m.title ??= text(doc.querySelector('h1.ltx_title'));
  if (!m.authors) {
    const authors: string[] = [];
    const budget = { text: MAX_NAMES_TEXT, nodes: MAX_NAMES_NODES };
    for (const el of doc.querySelectorAll('.ltx_authors .ltx_personname')) {
      // Only authors: LaTeXML marks editors and others with other roles.
      const creator = el.closest('.ltx_creator');
      if (creator && !creator.classList.contains('ltx_role_author')) continue;
      authors.push(...personNames(el, budget));
      if (authors.length >= MAX_AUTHORS || budget.text <= 0 || budget.nodes <= 0) break;
    }
    if (authors.length) m.authors = authors;
  }
  if (!m.abstract) {
    const paragraphs = [...doc.querySelectorAll('.ltx_abstract p')].map(text).filter(Boolean);
    if (paragraphs.length) m.abstract = paragraphs.join('\n\n');
  }
  const line = idLine(doc, url);
  m.primaryClass ??= line.primaryClass;
  m.publishedAt ??= line.date;
  if (!m.primaryClass) delete m.primaryClass;
  if (!m.publishedAt) delete m.publishedAt;
}

export function readPageMeta(doc: Document, url: URL): PageMeta {
  const m: PageMeta = {};
  if (url.hostname === 'huggingface.co') {
    m.title = text(hfTitle(doc));
    const abstract = text(doc.querySelector('main p'));
    if (abstract) m.abstract = abstract;
  } else {
    m.title = meta(doc, 'citation_title')[0] ?? text(doc.querySelector('h1.title'))?.replace(/^Title:\s*/, '');
    const authors = meta(doc, 'citation_author').map(citationName);
    if (authors.length) m.authors = authors;
    const date = meta(doc, 'citation_date')[0] ?? meta(doc, 'citation_online_date')[0];
    if (date) m.publishedAt = date;
    const abstract =
      meta(doc, 'citation_abstract')[0] ?? text(doc.querySelector('blockquote.abstract'))?.replace(/^Abstract:\s*/, '');
    if (abstract) m.abstract = abstract;
    // "Computation and Language (cs.CL)": the primary category, for BibTeX's primaryClass.
    const subject = /\(([a-z-]+(?:\.[A-Za-z-]+)?)\)\s*$/.exec(
      text(doc.querySelector('.primary-subject'))?.slice(-200) ?? '',
    );
    if (subject) m.primaryClass = subject[1];
    if (url.pathname.startsWith('/html/')) readArxivHtml(doc, url, m);
  }
  // Keep within what the background accepts.
  if (m.title) m.title = m.title.slice(0, 1000);
  if (m.abstract) m.abstract = m.abstract.slice(0, 20_000);
  if (m.authors) m.authors = m.authors.slice(0, 1000).map((a) => a.slice(0, 300));
  if (m.publishedAt) m.publishedAt = m.publishedAt.slice(0, 40);
  if (!m.title) delete m.title;
  return m;
}
