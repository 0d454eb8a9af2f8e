/** HF ids are arXiv ids (new style, version-less); we also accept old-style ids and other short slugs, but nothing that could be a path trick. */
export const PAPER_ID_RE = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7}|[A-Za-z0-9][A-Za-z0-9._-]{0,63})$/;

/** An arXiv category: an archive, optionally with its subject class ("hep-th", "cs.CL", "math.AG"). */
export const ARXIV_CLASS_RE = /^[a-z-]+(?:\.[A-Za-z-]+)?$/;

/**
 * The one key of a paper. arXiv writes an old-style id with or without its subject class
 * (`math.DG/0211159`, `math/0211159`: one paper), so the class is left out of the key, as arXiv's
 * own canonical form does. Any other id is its own key.
 */
export function canonicalPaperId(id: string): string {
  return id.replace(/^([a-z-]+)\.[A-Z]{2}(\/\d{7})$/, '$1$2');
}
