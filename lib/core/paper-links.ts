/** What the export formats say about a paper beyond its stored fields: its year, links and arXiv id. */
import { parseArxivId } from './arxiv-id';
import type { Paper } from './paper';

/** True for bare arXiv ids (`2404.12345`, `hep-th/9901001`); Hugging Face also has other slugs. */
export function isArxivId(id: string): boolean {
  const ref = parseArxivId(id);
  return ref !== undefined && ref.id === id;
}

/** The publication year: from arXiv's date when known, else the featured day, else the id's YYMM. */
export function paperYear(paper: Pick<Paper, 'id' | 'publishedAt' | 'day'>): string | undefined {
  const fromDate = /^\d{4}/.exec(paper.publishedAt ?? '')?.[0] ?? /^\d{4}/.exec(paper.day)?.[0];
  if (fromDate) return fromDate;
  if (!isArxivId(paper.id)) return undefined;
  // The id starts (new style) or its number starts (old style) with YYMM; arXiv began in 1991.
  const yy = paper.id.slice(paper.id.indexOf('/') + 1, paper.id.indexOf('/') + 3);
  return `${Number(yy) >= 91 ? '19' : '20'}${yy}`;
}

/** The paper's Hugging Face page. */
export function hfPaperUrl(id: string): string {
  return `https://huggingface.co/papers/${id.split('/').map(encodeURIComponent).join('/')}`;
}

/** The paper's canonical link: its arXiv abstract page, or its Hugging Face page for non-arXiv ids. */
export function paperUrl(id: string): string {
  return isArxivId(id) ? `https://arxiv.org/abs/${id}` : hfPaperUrl(id);
}
