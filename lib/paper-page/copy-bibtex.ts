/**
 * The BibTeX entry the Copy button beside Save puts on the clipboard: built from what the page
 * says (arXiv's citation_* tags, the Hugging Face title), for a paper saved or not. The content
 * script holds no reading list, so the key is the paper's own (`baseKey`): the key every export
 * gives it unless an earlier-saved paper shares it.
 */
import type { Paper } from '../core/paper';
import type { PageMeta } from '../core/save-request';
import { baseKey, bibtexEntry } from '../core/citation';

export function pageBibtex(id: string, meta: PageMeta): string {
  const date = meta.publishedAt ? Date.parse(meta.publishedAt.replace(/\//g, '-')) : NaN;
  const paper: Paper = {
    id,
    title: meta.title?.replace(/\s+/g, ' ').trim() || `arXiv:${id}`,
    summary: '',
    authors: (meta.authors ?? []).map((a) => a.replace(/\s+/g, ' ').trim()).filter(Boolean),
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
 * Writes `text` with the click's user activation. A page whose Permissions-Policy blocks the
 * async clipboard still lets a selection be copied: that is the fallback.
 */
export async function writeClipboard(doc: Document, text: string, host: ShadowRoot): Promise<boolean> {
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
