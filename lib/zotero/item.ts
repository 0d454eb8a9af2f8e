/**
 * A paper as Zotero's own arXiv translator (zotero/translators `arXiv.org.js`) saves it: a
 * `preprint` with every author, the arXiv DOI, archive id and repository. Pure.
 */
import type { Paper } from '../core/paper';
import { arxivPdfUrl } from '../core/paper-links';

export interface ZoteroCreator {
  firstName?: string;
  lastName?: string;
  name?: string;
  creatorType: 'author';
}

export interface ZoteroAttachment {
  title: string;
  url: string;
  mimeType: string;
}

export interface ZoteroItem {
  id: string;
  itemType: 'preprint';
  title: string;
  creators: ZoteroCreator[];
  date?: string;
  abstractNote?: string;
  url: string;
  DOI: string;
  archiveID: string;
  repository: 'arXiv';
  extra: string;
  libraryCatalog: 'arXiv.org';
  attachments: ZoteroAttachment[];
}

/** "Ada Lovelace" → first and last name on the last space; one word stays a single-field name. */
export function creator(author: string): ZoteroCreator {
  const name = author.replace(/\s+/g, ' ').trim();
  const cut = name.lastIndexOf(' ');
  if (cut <= 0) return { name, creatorType: 'author' };
  return { firstName: name.slice(0, cut), lastName: name.slice(cut + 1), creatorType: 'author' };
}

export const arxivDoi = (id: string) => `10.48550/arXiv.${id}`;
/** The translator's URL: the abstract page without version, over http (what existing libraries hold). */
export const translatorUrl = (id: string) => `http://arxiv.org/abs/${id}`;
export const PDF_TITLE = 'Preprint PDF';

/**
 * The item for saveItems. `listPdf` lists the PDF for Zotero to fetch itself (7.0.0–7.0.15 and 6);
 * later Zotero fetches nothing listed, and the PDF is uploaded to saveAttachment instead.
 */
export function preprintItem(paper: Paper, key: string, listPdf: boolean): ZoteroItem {
  const date = paper.publishedAt?.slice(0, 10);
  return {
    id: key,
    itemType: 'preprint',
    title: paper.title,
    creators: paper.authors.filter((a) => a.trim()).map(creator),
    ...(date ? { date } : {}),
    ...(paper.summary ? { abstractNote: paper.summary } : {}),
    url: translatorUrl(paper.id),
    DOI: arxivDoi(paper.id),
    archiveID: `arXiv:${paper.id}`,
    repository: 'arXiv',
    // Old-style ids carry their archive in the id already, so no category (as the translator does).
    extra:
      paper.primaryClass && !paper.id.includes('/') ? `arXiv:${paper.id} [${paper.primaryClass}]` : `arXiv:${paper.id}`,
    libraryCatalog: 'arXiv.org',
    attachments: listPdf ? [{ title: PDF_TITLE, url: arxivPdfUrl(paper.id), mimeType: 'application/pdf' }] : [],
  };
}

const KEY_CHARS = '23456789ABCDEFGHIJKLMNPQRSTUVWXYZ';
/** A key in Zotero's own alphabet (8 characters), for an item or attachment within a save. */
export function newKey(random: () => number = Math.random): string {
  let key = '';
  for (let i = 0; i < 8; i++) key += KEY_CHARS[Math.floor(random() * KEY_CHARS.length)];
  return key;
}

/** The note as the Connector sends what the user types: HTML text, newlines as <br>. */
export function noteHtml(note: string): string {
  const escaped = note.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return escaped.replace(/\r?\n/g, '<br>');
}
