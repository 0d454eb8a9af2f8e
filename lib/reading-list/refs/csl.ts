/**
 * Reads arXiv papers out of CSL-JSON (ours, Zotero's, Pandoc's, Citation.js'): a list of items,
 * each an object with a `type`. A file that is not such a list, or with an item whose fields have
 * the wrong shape, is refused whole; an item naming no arXiv paper is skipped and counted.
 * Never throws: the file is untrusted input.
 */
import * as v from 'valibot';
import { t } from '../../core/i18n';
import { MAX_IMPORT_ENTRIES } from '../../core/saved';
import { arxivIdIn, primaryClassIn, toMeta, type ReferenceImport, type ReferencePaper } from './reference';

const MAX_ITEMS = MAX_IMPORT_ENTRIES;
/** Any length: an over-long field is cut where the paper is made (`reference.ts`), as RIS and BibTeX cut it. */
const Text = v.string();
const Name = v.object({
  family: v.optional(Text),
  given: v.optional(Text),
  suffix: v.optional(Text),
  literal: v.optional(Text),
  'dropping-particle': v.optional(Text),
  'non-dropping-particle': v.optional(Text),
});
const DatePart = v.union([v.number(), v.pipe(v.string(), v.maxLength(10))]);
const CslDate = v.object({
  'date-parts': v.optional(v.array(v.array(DatePart))),
  raw: v.optional(Text),
});
const Item = v.object({
  type: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  title: v.optional(Text),
  author: v.optional(v.pipe(v.array(Name), v.maxLength(100_000))),
  issued: v.optional(CslDate),
  abstract: v.optional(Text),
  number: v.optional(v.union([Text, v.number()])),
  note: v.optional(Text),
  DOI: v.optional(Text),
  URL: v.optional(Text),
  archive_location: v.optional(Text),
  id: v.optional(v.union([Text, v.number()])),
});
type CslItem = v.InferOutput<typeof Item>;

function nameOf(n: v.InferOutput<typeof Name>): string {
  if (n.literal) return n.literal;
  return [n.given, n['dropping-particle'], n['non-dropping-particle'], n.family, n.suffix].filter(Boolean).join(' ');
}

function dateOf(issued: CslItem['issued']): string | undefined {
  const parts = issued?.['date-parts']?.[0]?.map(Number);
  if (parts?.length === 3 && parts.every(Number.isInteger)) {
    const [y, m, d] = parts as [number, number, number];
    const date = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return Number.isNaN(Date.parse(date)) ? undefined : date;
  }
  return /^\d{4}-\d\d-\d\d$/.exec(issued?.raw ?? '')?.[0];
}

function toPaper(item: CslItem): ReferencePaper | undefined {
  const number = item.number === undefined ? undefined : String(item.number);
  const id = arxivIdIn([number, item.DOI, item.URL, item.note, item.archive_location]);
  if (!id) return undefined;
  return {
    id,
    meta: toMeta({
      title: item.title,
      authors: (item.author ?? []).map(nameOf),
      date: dateOf(item.issued),
      abstract: item.abstract,
      primaryClass: primaryClassIn(item.note) ?? primaryClassIn(number),
    }),
  };
}

const isItem = (x: unknown) => typeof x === 'object' && x !== null && !('format' in x) && 'type' in x;

/** Whether parsed JSON is CSL-JSON rather than a Papertab backup: items with a `type`, listed or alone. */
export function isCslJson(json: unknown): boolean {
  return Array.isArray(json) ? json.length > 0 && isItem(json[0]) : isItem(json);
}

/** The arXiv papers of CSL-JSON, each id once (first item wins), in file order. Never throws. */
export function parseCslJson(json: unknown): ReferenceImport {
  const list = Array.isArray(json) ? json : [json];
  if (list.length === 0) return { ok: false, error: t('cslNotList') };
  if (list.length > MAX_ITEMS) return { ok: false, error: t('importTooManyEntries', list.length, MAX_ITEMS) };
  const items: ReferencePaper[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const [index, raw] of list.entries()) {
    const r = v.safeParse(Item, raw);
    if (!r.success) {
      const path = v.getDotPath(r.issues[0]) ?? '';
      return { ok: false, error: t('cslBadItem', index + 1, path || r.issues[0].message) };
    }
    const paper = toPaper(r.output);
    if (!paper) skipped++;
    else if (!seen.has(paper.id)) {
      seen.add(paper.id);
      items.push(paper);
    }
  }
  return { ok: true, items, skipped };
}
