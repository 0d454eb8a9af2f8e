/**
 * A reference read from a reference manager's file (RIS, CSL-JSON): what the reading list takes
 * from it. Like BibTeX, such a file only adds papers; what it says is untrusted and cut to the
 * lengths a page's save may send (lib/core/save-request.ts).
 */
import { parseArxivId } from '../../core/arxiv-id';
import { ARXIV_CLASS_RE } from '../../core/paper-id';
import type { PageMeta } from '../../core/save-request';
import { singleLine } from '../../core/single-line';

export interface ReferencePaper {
  id: string;
  meta: PageMeta;
}

export type ReferenceImport = { ok: true; items: ReferencePaper[]; skipped: number } | { ok: false; error: string };

const ID = String.raw`(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}|[a-z-]+(?:\.[A-Za-z]{2})?\/\d{7})(?:v\d+)?(?!\d)`;
/** arXiv numbers, DOIs and links as reference managers write them. */
const ID_IN = [
  new RegExp(String.raw`^\s*(?:arxiv:\s*)?${ID}\s*(?:\[[^\]]*\])?\s*$`, 'i'),
  new RegExp(String.raw`\barxiv:\s*${ID}`, 'i'),
  new RegExp(String.raw`10\.48550\/arxiv\.${ID}`, 'i'),
  new RegExp(String.raw`arxiv\.org\/(?:abs|pdf|html)\/${ID}`, 'i'),
  new RegExp(String.raw`huggingface\.co\/papers\/${ID}`, 'i'),
];

/** The first arXiv id any of `texts` names, in canonical form. */
export function arxivIdIn(texts: (string | undefined)[]): string | undefined {
  for (const text of texts) {
    if (!text) continue;
    for (const re of ID_IN) {
      const m = re.exec(text.slice(0, 2000));
      const ref =
        m?.[1] &&
        parseArxivId(
          m[1].replace(
            /^([a-z-]+)(?:\.([a-z]{2}))?\//i,
            (_, a: string, sc?: string) => `${a.toLowerCase()}${sc ? `.${sc.toUpperCase()}` : ''}/`,
          ),
        );
      if (ref) return ref.id;
    }
  }
  return undefined;
}

/** The primary category of an arXiv reference line ("arXiv:2404.12345 [cs.CL]"). */
export function primaryClassIn(text: string | undefined): string | undefined {
  const cls = /\[([a-z-]+(?:\.[A-Za-z-]+)?)\]\s*$/.exec(text?.slice(0, 2000) ?? '')?.[1];
  return cls && ARXIV_CLASS_RE.test(cls) ? cls : undefined;
}

/** Page metadata from a reference's fields, within the limits a page's save has. */
export function toMeta(fields: {
  title?: string;
  authors: string[];
  date?: string;
  abstract?: string;
  primaryClass?: string;
}): PageMeta {
  const meta: PageMeta = {};
  const title = singleLine(fields.title ?? '', 1000);
  if (title) meta.title = title;
  const authors = fields.authors
    .slice(0, 1000)
    .map((a) => singleLine(a, 300))
    .filter(Boolean);
  if (authors.length) meta.authors = authors;
  if (fields.date && /^\d{4}-\d\d-\d\d$/.test(fields.date)) meta.publishedAt = fields.date;
  const abstract = fields.abstract?.trim().slice(0, 20_000);
  if (abstract) meta.abstract = abstract;
  if (fields.primaryClass) meta.primaryClass = fields.primaryClass;
  return meta;
}
