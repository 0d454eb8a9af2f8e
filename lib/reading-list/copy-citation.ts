/**
 * The text the copy actions put on the clipboard, for a paper saved or not: its BibTeX entry
 * (with the key it has, or will have once saved, in the reading list's exports), a plain-text
 * reference, or a Markdown link. Loaded by pages only when a copy is asked for (or about to be).
 */
import type { Paper } from '../core/paper';
import { bibtexEntry, markdownLink, plainReference } from '../core/citation';
import { db } from '../store/db';
import { citationKeyFor } from './bibtex/export';

export type CitationFormat = 'bibtex' | 'plain' | 'markdown';

export async function citationText(format: CitationFormat, paper: Paper): Promise<string> {
  const cited = { id: paper.id, paper };
  if (format === 'plain') return plainReference(cited);
  if (format === 'markdown') return markdownLink(cited);
  // The reading list decides the key only when another saved paper shares it: read it then.
  let key: string;
  try {
    const list = await db().saved.toArray();
    key = citationKeyFor(paper, list);
  } catch {
    key = citationKeyFor(paper, []);
  }
  return bibtexEntry(cited, key);
}
