/**
 * The shapes a save request and its reply share between pages, content scripts and the background.
 * Kept apart from `hf/save-paper.ts` so that the pages' message contract does not pull the saving
 * code (and the Hugging Face client behind it) into every page's bundle.
 */
import * as v from 'valibot';
import type { Paper } from './paper';
import { ARXIV_CLASS_RE } from './paper-id';
import { singleLine } from './single-line';

/** A title or name as the page sent it, on one line once accepted. */
const line = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max),
    v.transform((s) => singleLine(s)),
  );

/** What a paper page says about itself (arXiv's citation_* tags, the HF title): untrusted. */
export const PageMetaSchema = v.strictObject({
  title: v.optional(line(1000)),
  authors: v.optional(v.pipe(v.array(line(300)), v.maxLength(1000))),
  publishedAt: v.optional(v.pipe(v.string(), v.maxLength(40))),
  abstract: v.optional(v.pipe(v.string(), v.maxLength(20_000))),
  primaryClass: v.optional(v.pipe(v.string(), v.maxLength(40), v.regex(ARXIV_CLASS_RE))),
});
export type PageMeta = v.InferOutput<typeof PageMetaSchema>;

export interface SaveReply {
  ok: boolean;
  saved: boolean;
  message: string;
}

const clean = (s: string | undefined) => s?.replace(/\s+/g, ' ').trim() || undefined;

/** A paper record from page metadata alone. */
export function paperFromPage(id: string, page: PageMeta | undefined, now: number): Paper {
  const published = page?.publishedAt ? Date.parse(page.publishedAt.replace(/\//g, '-')) : NaN;
  return {
    id,
    title: clean(page?.title) ?? `arXiv:${id}`,
    summary: clean(page?.abstract) ?? '',
    authors: (page?.authors ?? []).map((a) => clean(a)).filter((a): a is string => !!a),
    ...(Number.isNaN(published) ? {} : { publishedAt: new Date(published).toISOString() }),
    ...(page?.primaryClass ? { primaryClass: page.primaryClass } : {}),
    day: '',
    upvotes: 0,
    numComments: 0,
    aiKeywords: [],
    fetchedAt: now,
  };
}
