/**
 * The BibTeX entry the Copy button beside Save puts on the clipboard: built from what the page
 * says (arXiv's citation_* tags, the Hugging Face title), for a paper saved or not. The content
 * script holds no reading list, so the key is the paper's own (`baseKey`): the key every export
 * gives it unless an earlier-saved paper shares it.
 */
import type { Paper } from '../core/paper';
import type { PageMeta } from '../core/save-request';
import { baseKey, bibtexEntry } from '../core/citation';
import { singleLine } from '../core/single-line';

export function pageBibtex(id: string, meta: PageMeta): string {
  const date = meta.publishedAt ? Date.parse(meta.publishedAt.replace(/\//g, '-')) : NaN;
  const paper: Paper = {
    id,
    // The page's words are untrusted: each field on one line, bidi controls gone, like stored text.
    title: singleLine(meta.title ?? '') || `arXiv:${id}`,
    summary: '',
    authors: (meta.authors ?? []).map((a) => singleLine(a)).filter(Boolean),
    ...(Number.isNaN(date) ? {} : { publishedAt: new Date(date).toISOString() }),
    ...(meta.primaryClass ? { primaryClass: meta.primaryClass } : {}),
    day: '',
    upvotes: 0,
    numComments: 0,
    aiKeywords: [],
    fetchedAt: 0,
  };
  return bibtexEntry({ id, paper }, baseKey(paper));
}

/**
 * What reaches the clipboard: every line through the single-line cleaning (no bidi control, no
 * stray control character, whatever the page put in its tags), the lines kept apart.
 */
export function clipboardText(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^[ \t]*/.exec(line)![0];
      return indent + singleLine(line.slice(indent.length));
    })
    .join('\n');
}

/**
 * Writes `text` with the click's user activation. A page whose Permissions-Policy blocks the
 * async clipboard still lets a selection be copied: that is the fallback.
 */
export async function writeClipboard(doc: Document, raw: string, host: ShadowRoot): Promise<boolean> {
  const text = clipboardText(raw);
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
    host.append(area);
    area.select();
    try {
      return doc.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
