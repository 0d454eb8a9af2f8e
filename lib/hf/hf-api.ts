/** The Hugging Face Papers API client: every response is validated (see hf-schema.ts). */
import type { Paper } from '../core/paper';
import { featuredDay, parseDailyItems, parsePaper, PAPER_ID_RE } from './hf-schema';
import { t } from '../core/i18n';
import { retryAfterMs } from './rate-limit';

export const HF_ORIGIN = 'https://huggingface.co';
export const REQUEST_TIMEOUT_MS = 15_000;
const PAGE_SIZE = 100;
/** A day has had at most a few dozen papers; months a few hundred. Bounds a misbehaving server. */
const MAX_PAGES = 30;

/** `wrong-paper`: asked for one paper by id, the answer was another. */
export type FetchFailureKind = 'http' | 'rate-limited' | 'timeout' | 'network' | 'malformed' | 'wrong-paper';

export class FetchFailure extends Error {
  constructor(
    readonly kind: FetchFailureKind,
    message: string,
    readonly status?: number,
    /** For 429: how long the server asked us to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'FetchFailure';
  }
}

export interface ApiOptions {
  fetch?: typeof fetch;
  /** Hugging Face's own order (`sort=trending`) instead of its default. */
  sort?: 'trending';
  timeoutMs?: number;
  now?: () => number;
}

export type FeedQuery = { date: string } | { week: string } | { month: string };

/** GETs JSON from Hugging Face (failures as `FetchFailure`); `onHeaders` sees a good answer's headers (paging links). */
export async function getJson(url: string, opts: ApiOptions, onHeaders?: (headers: Headers) => void): Promise<unknown> {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const now = opts.now ?? Date.now;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? REQUEST_TIMEOUT_MS);
  try {
    let res: Response;
    try {
      res = await doFetch(url, {
        signal: controller.signal,
        credentials: 'omit',
        headers: { accept: 'application/json' },
      });
    } catch (err) {
      if (controller.signal.aborted) throw new FetchFailure('timeout', t('errTimeout'));
      throw new FetchFailure('network', t('errNetwork', (err as Error).message || t('errNetworkUnknown')));
    }
    if (res.status === 429) {
      throw new FetchFailure('rate-limited', t('errRateLimited'), 429, retryAfterMs(res.headers, now()));
    }
    if (!res.ok) throw new FetchFailure('http', t('errHttp', res.status), res.status);
    onHeaders?.(res.headers);
    let body: string;
    try {
      body = await res.text();
    } catch {
      if (controller.signal.aborted) throw new FetchFailure('timeout', t('errTimeout'));
      throw new FetchFailure('network', t('errBrokeOff'));
    }
    try {
      return JSON.parse(body) as unknown;
    } catch {
      throw new FetchFailure('malformed', t('errMalformed'));
    }
  } finally {
    clearTimeout(timer);
  }
}

export interface FeedResult {
  papers: Paper[];
  dropped: number;
  /** Papers of a week's or month's listing whose day is only a guess (see `Parsed.undated`). */
  undated: string[];
}

/** All papers of a day, week or month, paging with `p`/`limit` until a short page. */
export async function fetchDailyPapers(query: FeedQuery, opts: ApiOptions = {}): Promise<FeedResult> {
  const now = opts.now ?? Date.now;
  const byId = new Map<string, Paper>();
  const undated = new Set<string>();
  let dropped = 0;
  for (let p = 0; p < MAX_PAGES; p++) {
    const params = new URLSearchParams({ ...query, p: String(p), limit: String(PAGE_SIZE) });
    if (opts.sort) params.set('sort', opts.sort);
    const json = await getJson(`${HF_ORIGIN}/api/daily_papers?${params}`, opts);
    let parsed;
    try {
      parsed = parseDailyItems(json, 'date' in query ? query.date : featuredDay, now());
    } catch {
      throw new FetchFailure('malformed', t('errMalformed'));
    }
    dropped += parsed.dropped;
    for (const id of parsed.undated) if (!byId.has(id)) undated.add(id);
    for (const paper of parsed.items) if (!byId.has(paper.id)) byId.set(paper.id, paper);
    if ((json as unknown[]).length < PAGE_SIZE) break;
  }
  return { papers: [...byId.values()], dropped, undated: [...undated] };
}

export interface FeedPage extends FeedResult {
  /** How many entries the page held before validation: fewer than asked for ends the listing. */
  entries: number;
}

/** One page of a day's, week's or month's listing (`p`, `limit`), validated as the feed is. */
export async function fetchDailyPage(
  query: FeedQuery,
  page: number,
  limit: number,
  opts: ApiOptions = {},
): Promise<FeedPage> {
  const params = new URLSearchParams({ ...query, p: String(page), limit: String(limit) });
  const json = await getJson(`${HF_ORIGIN}/api/daily_papers?${params}`, opts);
  try {
    const parsed = parseDailyItems(json, 'date' in query ? query.date : featuredDay, (opts.now ?? Date.now)());
    const { items: papers, dropped, undated } = parsed;
    return { papers, dropped, undated, entries: (json as unknown[]).length };
  } catch {
    throw new FetchFailure('malformed', t('errMalformed'));
  }
}

/**
 * One paper by arXiv id; undefined when Hugging Face does not know it (404). The answer must be
 * that paper: one with another id (a redirect to a newer record, a server bug) is a failure,
 * never a paper to save under the id asked for, or under its own.
 */
export async function fetchPaper(id: string, opts: ApiOptions = {}): Promise<Paper | undefined> {
  if (!PAPER_ID_RE.test(id)) return undefined;
  try {
    const json = await getJson(`${HF_ORIGIN}/api/papers/${encodeURIComponent(id)}`, opts);
    const paper = parsePaper(json, (opts.now ?? Date.now)());
    if (!paper) throw new FetchFailure('malformed', t('errMalformedPaper'));
    if (paper.id !== id) throw new FetchFailure('wrong-paper', t('errWrongPaper', id));
    return paper;
  } catch (err) {
    if (err instanceof FetchFailure && err.status === 404) return undefined;
    throw err;
  }
}

/** Full-text search on Hugging Face (`q` is cut to the API's 250 characters). */
export async function searchPapers(q: string, limit = 50, opts: ApiOptions = {}): Promise<FeedResult> {
  // Never cut between the two halves of an emoji: a lone surrogate would go out as U+FFFD.
  const cut = /[\uD800-\uDBFF]$/.test(q.slice(0, 250)) ? q.slice(0, 249) : q.slice(0, 250);
  // The API takes a whole number in 1..120; NaN or 7.9 would go out as-is.
  const n = Number.isNaN(limit) ? 50 : Math.min(Math.max(Math.trunc(limit), 1), 120);
  const params = new URLSearchParams({ q: cut, limit: String(n) });
  const json = await getJson(`${HF_ORIGIN}/api/papers/search?${params}`, opts);
  try {
    const parsed = parseDailyItems(json, featuredDay, (opts.now ?? Date.now)());
    return { papers: parsed.items, dropped: parsed.dropped, undated: parsed.undated };
  } catch {
    throw new FetchFailure('malformed', t('errMalformed'));
  }
}
