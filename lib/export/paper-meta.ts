/** What the export formats say about a paper beyond its stored fields: its year, links and arXiv id. */
import type { Paper } from '../paper';

const NEW_STYLE = /^\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}$/;
const OLD_STYLE = /^[a-z-]+(?:\.[A-Z]{2})?\/(\d{2})(?:0[1-9]|1[0-2])\d{3}$/;

/** True for arXiv ids (new style `2404.12345`, old style `hep-th/9901001`); Hugging Face also has other slugs. */
export function isArxivId(id: string): boolean {
  return NEW_STYLE.test(id) || OLD_STYLE.test(id);
}

/** The publication year: from arXiv's date when known, else the featured day, else the id's YYMM. */
export function paperYear(paper: Pick<Paper, 'id' | 'publishedAt' | 'day'>): string | undefined {
  const fromDate = /^\d{4}/.exec(paper.publishedAt ?? '')?.[0] ?? /^\d{4}/.exec(paper.day)?.[0];
  if (fromDate) return fromDate;
  // arXiv started in 1991: two-digit years from 91 on are 19xx.
  const yy = NEW_STYLE.test(paper.id) ? paper.id.slice(0, 2) : OLD_STYLE.exec(paper.id)?.[1];
  if (yy === undefined) return undefined;
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
