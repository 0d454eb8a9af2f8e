/**
 * Schemas for Hugging Face's Papers JSON. Responses are untrusted: required fields are checked,
 * optional fields that are malformed are dropped (the paper is still useful without them), and
 * unknown fields are stripped. Everything ends up as one `Paper` shape.
 */
import * as v from 'valibot';
import type { Organization, Paper, Person } from '../core/paper';
import { codeRepoLink, safeHfImageUrl, safeHttpUrl } from '../core/safe-url';
import { singleLine } from '../core/single-line';

const HF_ORIGIN = 'https://huggingface.co';

import { PAPER_ID_RE } from '../core/paper-id';
import { dropUndefined } from '../core/drop-undefined';
import { HF_USERNAME_RE } from '../core/follows';

export { PAPER_ID_RE };

/** The feed's text on one line (its summaries too, as always), cut to `max`. */
const text = (max: number) =>
  v.pipe(
    v.string(),
    v.transform((s) => singleLine(s, max)),
  );
/** Optional field: absent, null or malformed all become undefined. */
const opt = <T extends v.GenericSchema>(schema: T) =>
  v.pipe(
    v.fallback(v.nullish(schema), undefined),
    v.transform((x) => (x ?? undefined) as v.InferOutput<T> | undefined),
  );
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** An array whose malformed entries are dropped one by one instead of failing the whole array. */
function lenientArray<T extends v.GenericSchema>(item: T, max: number) {
  return v.pipe(
    v.fallback(v.array(v.unknown()), []),
    v.transform((arr: unknown[]) =>
      arr
        .flatMap((x) => {
          const r = v.safeParse(item, x);
          return r.success ? [r.output as v.InferOutput<T>] : [];
        })
        .slice(0, max),
    ),
  );
}

/** A Hub username where one is expected: anything else is dropped, never put in a link or a match. */
const hubName = v.pipe(v.string(), v.regex(HF_USERNAME_RE));

/**
 * A Hub user. From March 2025 to March 2026 `paper.submittedOnDailyBy` carries `user` and
 * `fullname` but no `name`: the account name (`user`) stands in, else the full name.
 */
const PersonSchema = v.pipe(
  v.object({
    name: opt(v.pipe(text(200), v.minLength(1))),
    user: opt(v.pipe(text(200), v.minLength(1))),
    fullname: opt(text(200)),
    avatarUrl: opt(v.string()),
  }),
  v.check((p) => !!(p.name ?? p.user ?? p.fullname)),
  v.transform(({ name, user, fullname, avatarUrl }) => ({
    name: (name ?? user ?? fullname)!,
    fullname,
    avatarUrl,
  })),
);

const OrganizationSchema = v.object({
  name: v.pipe(text(200), v.minLength(1)),
  fullname: opt(text(200)),
  avatar: opt(v.string()),
});

const AuthorSchema = v.object({
  name: v.pipe(text(300), v.minLength(1)),
  /** The author's Hub account, when linked. */
  user: opt(v.object({ user: hubName })),
});

const IsoDate = v.pipe(
  v.string(),
  v.check((s) => !Number.isNaN(Date.parse(s))),
  v.transform((s) => new Date(s).toISOString()),
);

export const PaperSchema = v.object({
  id: v.pipe(v.string(), v.trim(), v.regex(PAPER_ID_RE)),
  title: opt(v.pipe(text(1000), v.minLength(1))),
  summary: v.fallback(text(20_000), ''),
  authors: lenientArray(AuthorSchema, 1000),
  publishedAt: opt(IsoDate),
  submittedOnDailyAt: opt(IsoDate),
  submittedOnDailyBy: opt(PersonSchema),
  upvotes: v.fallback(count, 0),
  numComments: opt(count),
  ai_summary: opt(text(2000)),
  ai_keywords: lenientArray(v.pipe(text(100), v.minLength(1)), 30),
  githubRepo: opt(v.string()),
  githubStars: opt(count),
  projectPage: opt(v.string()),
  organization: opt(OrganizationSchema),
});

export const DailyItemSchema = v.object({
  paper: PaperSchema,
  /** When the item entered the feed. */
  publishedAt: opt(IsoDate),
  title: opt(text(1000)),
  summary: opt(text(20_000)),
  thumbnail: opt(v.string()),
  /** The thumbnail's older name (items of 2024-05-27 to 2024-06-11). */
  mediaUrl: opt(v.string()),
  numComments: opt(count),
  submittedBy: opt(PersonSchema),
  organization: opt(OrganizationSchema),
  /** The organization's older place (items of 2025-09-29 to 2025-10-02): the submitter's. */
  submitterOrganization: opt(OrganizationSchema),
});

type RawPaper = v.InferOutput<typeof PaperSchema>;
type RawItem = v.InferOutput<typeof DailyItemSchema>;
type RawPerson = v.InferOutput<typeof PersonSchema>;
type RawOrganization = v.InferOutput<typeof OrganizationSchema>;

/** Avatars are sometimes site-relative ("/avatars/…"): resolve against huggingface.co, then keep only http(s). */
function avatarUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return safeHfImageUrl(new URL(value, HF_ORIGIN).href);
  } catch {
    return undefined;
  }
}

function person(p: RawPerson | undefined): Person | undefined {
  if (!p) return undefined;
  return dropUndefined({ name: p.name, fullname: p.fullname, avatarUrl: avatarUrl(p.avatarUrl) });
}

function organization(o: RawOrganization | undefined): Organization | undefined {
  if (!o) return undefined;
  return dropUndefined({ name: o.name, fullname: o.fullname, avatar: avatarUrl(o.avatar) });
}

function fromRawPaper(p: RawPaper & { title: string }, day: string, fetchedAt: number): Paper {
  return dropUndefined<Paper>({
    id: p.id,
    title: p.title,
    summary: p.summary,
    authors: p.authors.map((a) => a.name),
    authorUsers: p.authors.some((a) => a.user) ? p.authors.map((a) => a.user?.user ?? '') : undefined,
    publishedAt: p.publishedAt,
    day,
    upvotes: p.upvotes,
    numComments: p.numComments ?? 0,
    aiSummary: p.ai_summary,
    aiKeywords: p.ai_keywords,
    githubRepo: codeRepoLink(p.githubRepo)?.href,
    githubStars: p.githubStars,
    projectPage: safeHttpUrl(p.projectPage),
    organization: organization(p.organization),
    submittedBy: person(p.submittedOnDailyBy),
    fetchedAt,
  });
}

function fromRawItem(item: RawItem & { paper: { title: string } }, day: string, fetchedAt: number): Paper {
  const paper = fromRawPaper(item.paper, day, fetchedAt);
  return dropUndefined<Paper>({
    ...paper,
    summary: paper.summary || item.summary || '',
    numComments: item.numComments ?? paper.numComments,
    // Each name is checked on its own: a bad `thumbnail` must not hide a good `mediaUrl`.
    thumbnail: safeHfImageUrl(item.thumbnail) ?? safeHfImageUrl(item.mediaUrl),
    organization: paper.organization ?? organization(item.organization) ?? organization(item.submitterOrganization),
    submittedBy: person(item.submittedBy) ?? paper.submittedBy,
  });
}

const TEX = /[$\\]/;

/**
 * The paper's own title, else the item's: a paper with neither is of no use. Where the item's
 * title keeps TeX the paper's lost (`$\nabla^2$DFT` beside `DFT`, `\textsc{…}` beside `…`), the
 * item's is the true one.
 */
export function pickTitle(paperTitle: string | undefined, itemTitle: string | undefined): string | undefined {
  if (paperTitle && itemTitle && TEX.test(itemTitle) && !TEX.test(paperTitle)) return itemTitle;
  return paperTitle ?? itemTitle;
}

export interface Parsed<T> {
  items: T[];
  /** Entries that failed validation and were left out. */
  dropped: number;
  /**
   * Ids whose day is only a guess: a listing's item without `paper.submittedOnDailyAt` (before
   * 2025-03) names no featured day, and the day it entered the feed is often another.
   */
  undated: string[];
}

/** Validates a Daily Papers list response. Throws when the response is not an array at all. */
export function parseDailyItems(
  json: unknown,
  day: string | ((item: RawItem) => string),
  fetchedAt: number,
): Parsed<Paper> {
  if (!Array.isArray(json)) throw new TypeError('Expected a JSON array of papers');
  const items: Paper[] = [];
  const undated: string[] = [];
  let dropped = 0;
  for (const entry of json) {
    const r = v.safeParse(DailyItemSchema, entry);
    const title = r.success ? pickTitle(r.output.paper.title, r.output.title) : undefined;
    if (!r.success || !title) {
      dropped++;
      continue;
    }
    const item = { ...r.output, paper: { ...r.output.paper, title } };
    items.push(fromRawItem(item, typeof day === 'string' ? day : day(item), fetchedAt));
    if (typeof day !== 'string' && !item.paper.submittedOnDailyAt) undated.push(item.paper.id);
  }
  return { items, dropped, undated };
}

/**
 * The featured day of an item from a week or month listing, where the request does not name it.
 * Items before March 2025 have no `paper.submittedOnDailyAt`: the day the item entered the feed
 * (its own `publishedAt`) stands in as a guess, and the item is listed as `undated` for callers
 * to settle (hf/featured-days.ts): that guess is a day early or more for about one in six.
 */
export function featuredDay(item: RawItem): string {
  return (item.paper.submittedOnDailyAt ?? item.publishedAt)?.slice(0, 10) ?? '';
}

/** Validates one flat paper (`/api/papers/<id>`). Returns undefined when it is not a usable paper. */
export function parsePaper(json: unknown, fetchedAt: number): Paper | undefined {
  const r = v.safeParse(PaperSchema, json);
  if (!r.success || !r.output.title) return undefined;
  return fromRawPaper(
    { ...r.output, title: r.output.title },
    r.output.submittedOnDailyAt?.slice(0, 10) ?? '',
    fetchedAt,
  );
}
