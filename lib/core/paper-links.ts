/**
 * Every link to a paper is built here: the Hugging Face page, arXiv's abstract and PDF; the
 * link a citation carries (`arxiv-id.ts`, from these). An id is encoded per path segment, so an old-style id
 * (`hep-th/9901001`) gets the same link from every view and export.
 */
const path = (id: string) => id.split('/').map(encodeURIComponent).join('/');

/** The paper's Hugging Face page. */
export function hfPaperUrl(id: string): string {
  return `https://huggingface.co/papers/${path(id)}`;
}

/** The paper's arXiv abstract page. */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${path(id)}`;
}

/** The paper's PDF on arXiv (the latest version). */
export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${path(id)}`;
}
