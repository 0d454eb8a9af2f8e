/**
 * Reading a paper page (huggingface.co/papers/…, arxiv.org/abs|html/…) from a content script:
 * where the Save button goes and what the page says about the paper. Page content is untrusted:
 * it is only ever read as text.
 */
import type { PageMeta } from './save-paper';

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

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
const meta = (doc: Document, name: string) =>
  [...doc.querySelectorAll(`meta[name="${name}"]`)].map((m) => m.getAttribute('content')?.trim() ?? '').filter(Boolean);

/** arXiv writes citation authors "Last, First": turned back into "First Last". */
function citationName(name: string): string {
  const [last, first] = name.split(',').map((s) => s.trim());
  return first ? `${first} ${last}` : name;
}

/**
 * A name in arXiv's HTML rendering (LaTeXML): `.ltx_personname` holds the name, then, after a line
 * break, affiliations and e-mail; footnote marks are elements of their own. The name is the text
 * before the first break.
 */
function personName(el: Element): string | undefined {
  let out = '';
  for (const node of el.childNodes) {
    if (node.nodeType === 1) {
      const child = node as Element;
      if (child.localName === 'br' || child.classList.contains('ltx_break')) break;
      if (child.matches('sup, .ltx_note, .ltx_role_footnote, .ltx_contact')) continue;
    }
    out += node.textContent ?? '';
  }
  return (
    out
      .replace(/\s+/g, ' ')
      .replace(/[\s,;∗*†‡§¶]+$/u, '')
      .trim() || undefined
  );
}

/** arXiv's HTML rendering (`/html/<id>`), which has no citation tags: what its LaTeXML markup says. */
function readArxivHtml(doc: Document, m: PageMeta): void {
  m.title ??= text(doc.querySelector('h1.ltx_title'));
  if (!m.authors) {
    const names = [...doc.querySelectorAll('.ltx_authors .ltx_personname')].map(personName).filter(Boolean);
    // One element often holds several names joined by commas or "and".
    const authors = names.flatMap((n) => n!.split(/\s*(?:,|\band\b)\s*/)).filter((n) => n.length > 1);
    if (authors.length) m.authors = authors;
  }
  if (!m.abstract) {
    const paragraphs = [...doc.querySelectorAll('.ltx_abstract p')].map(text).filter(Boolean);
    if (paragraphs.length) m.abstract = paragraphs.join('\n\n');
  }
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
    const subject = /\(([a-z-]+(?:\.[A-Za-z-]+)?)\)\s*$/.exec(text(doc.querySelector('.primary-subject')) ?? '');
    if (subject) m.primaryClass = subject[1];
    if (url.pathname.startsWith('/html/')) readArxivHtml(doc, m);
  }
  // Keep within what the background accepts.
  if (m.title) m.title = m.title.slice(0, 1000);
  if (m.abstract) m.abstract = m.abstract.slice(0, 20_000);
  if (m.authors) m.authors = m.authors.slice(0, 1000).map((a) => a.slice(0, 300));
  if (m.publishedAt) m.publishedAt = m.publishedAt.slice(0, 40);
  if (!m.title) delete m.title;
  return m;
}
