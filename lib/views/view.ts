/**
 * What the new tab shows: the latest day, a chosen day, a week or a month; read from the cache in
 * one transaction so one liveQuery drives the page. The view lives in the URL hash, so Back and
 * bookmarks work.
 */
import { addDays, addMonths, addWeeks, isDay, isoWeek, isWeek, MONTH_RE, utcDay } from '../core/dates';
import type { PapertabDB } from '../store/db';
import { rangeBounds, rangeCachedIn, type FeedRange } from '../store/ranges';
import { dexieReads, type StoreReads } from '../store/reads';
import type { RefreshStatus } from '../store/meta-table';
import type { DayRecord, Paper } from '../core/paper';
import { orderByTrending } from '../store/trending';

export type View =
  | { kind: 'latest' }
  | { kind: 'day'; day: string }
  | { kind: 'week'; week: string }
  | { kind: 'month'; month: string }
  /** The papers of everyone followed, across the whole cache (lib/views/following.ts). */
  | { kind: 'following' };

/**
 * `trending` is Hugging Face's order (lib/store/trending.ts); papers it does not rank follow by upvotes.
 * "For you" orders by likeness to the reading list (lib/views/rank/); until ranked, by upvotes.
 */
export type Sort = 'upvotes' | 'newest' | 'trending' | 'foryou';

export function parseHash(hash: string): View {
  const [kind, value = ''] = hash.replace(/^#\/?/, '').split('/');
  if (kind === 'day' && isDay(value)) return { kind: 'day', day: value };
  if (kind === 'week' && isWeek(value)) return { kind: 'week', week: value };
  if (kind === 'month' && MONTH_RE.test(value)) return { kind: 'month', month: value };
  if (kind === 'following' && !value) return { kind: 'following' };
  return { kind: 'latest' };
}

export function viewHash(view: View): string {
  switch (view.kind) {
    case 'latest':
      return '';
    case 'day':
      return `#/day/${view.day}`;
    case 'week':
      return `#/week/${view.week}`;
    case 'month':
      return `#/month/${view.month}`;
    case 'following':
      return '#/following';
  }
}

/** The view one step before (-1) or after (+1); the latest view steps from the day it shows. */
export function stepView(view: View, shownDay: string | undefined, delta: number, today: string): View {
  let next: View;
  if (view.kind === 'following') return view;
  if (view.kind === 'week') next = { kind: 'week', week: addWeeks(view.week, delta) };
  else if (view.kind === 'month') next = { kind: 'month', month: addMonths(view.month, delta) };
  else next = { kind: 'day', day: addDays(view.kind === 'day' ? view.day : (shownDay ?? today), delta) };
  return canShow(next, today) ? next : view;
}

/** Views wholly in the future have nothing to show. */
export function canShow(view: View, today: string): boolean {
  if (view.kind === 'latest' || view.kind === 'following') return true;
  return rangeBounds(toRange(view, today))[0] <= today;
}

/** Switch between day, week and month around the day in focus. */
export function switchKind(kind: 'day' | 'week' | 'month', focusDay: string): View {
  if (kind === 'week') return { kind, week: isoWeek(focusDay) };
  if (kind === 'month') return { kind, month: focusDay.slice(0, 7) };
  return { kind: 'day', day: focusDay };
}

export function toRange(view: View, latestDay: string): FeedRange {
  switch (view.kind) {
    case 'latest':
    case 'following':
      return { date: latestDay };
    case 'day':
      return { date: view.day };
    case 'week':
      return { week: view.week };
    case 'month':
      return { month: view.month };
  }
}

export interface ViewData {
  view: View;
  /** First and last day shown. */
  bounds: [string, string];
  papers: Paper[];
  /** For day views: the day's record (undefined when never fetched). */
  day?: DayRecord;
  /** The most recent day with papers in the whole cache. */
  latest?: DayRecord;
  /** For an empty day: the nearest earlier day with papers. */
  earlierWithPapers?: DayRecord;
  /** Whether the cache answers for the view, or it must be fetched. */
  cached: boolean;
  status: RefreshStatus;
}

export function loadView(db: PapertabDB, view: View, nowMs: number): Promise<ViewData> {
  return readView(dexieReads(db), view, nowMs);
}

/** `loadView`, over either way of reading the store (lib/store/reads.ts): the new tab reads without Dexie. */
export function readView(reads: StoreReads, view: View, nowMs: number): Promise<ViewData> {
  return reads.read(async () => {
    const [latest, status] = await Promise.all([reads.latestDayWithPapers(), reads.meta('refreshStatus')]);
    const today = utcDay(nowMs);
    // The Following view reads its own papers (lib/views/following.ts): here only what frames it.
    if (view.kind === 'following')
      return { view, bounds: [today, today], papers: [], latest, cached: true, status: status ?? { failures: 0 } };
    const range = toRange(view, latest?.date ?? today);
    const bounds = rangeBounds(range);
    const papers = await reads.papersOfDays(bounds[0], bounds[1]);
    const data: ViewData = { view, bounds, papers, latest, cached: true, status: status ?? { failures: 0 } };
    if ('date' in range) {
      data.day = await reads.day(range.date);
      if (!papers.length) data.earlierWithPapers = await reads.latestDayWithPapers(range.date);
    }
    data.cached = view.kind === 'latest' ? true : await rangeCachedIn(reads, range, nowMs);
    return data;
  });
}

export function sortPapers(papers: Paper[], sort: Sort): Paper[] {
  const byTitle = (a: Paper, b: Paper) => a.title.localeCompare(b.title);
  return [...papers].sort(
    sort === 'newest'
      ? (a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.upvotes - a.upvotes || byTitle(a, b)
      : (a, b) => b.upvotes - a.upvotes || byTitle(a, b),
  );
}

/** What decides which papers a view shows, and in what order. */
export interface ShowRules {
  sort: Sort;
  /** "For you": the ranked order once known. */
  forYou?: Paper[];
  /** "Trending": Hugging Face's order once known (ids). */
  trendingIds?: readonly string[];
  minUpvotes: number;
  /** "Show all" under the minimum's notice. */
  showBelowMin?: boolean;
  /** Mutes and "Not interested" (lib/views/rank/mute.ts `compileHider`). */
  hider?: { empty: boolean; hides: (p: Paper) => boolean };
  /** "Show all" under the hidden-by-you notice. */
  showHidden?: boolean;
  withCode?: boolean;
}

export interface Shown {
  /** In the view's order. */
  ordered: Paper[];
  papers: Paper[];
  /** Left out for being under the minimum upvotes. */
  belowMin: number;
  /** Left out by mutes and "Not interested". */
  hiddenByYou: number;
  /** Papers shown were it not for "With code". */
  beforeCode: number;
}

/**
 * The one rule for which papers a view shows (new tab and popup; the first paint keeps a tiny copy
 * of its order and minimum, lib/views/first-paint.ts): ordered, then the minimum upvotes, then
 * mutes and "Not interested", then "With code".
 */
export function shownPapers(all: Paper[], r: ShowRules): Shown {
  let ordered: Paper[];
  if (r.sort === 'foryou' && r.forYou) ordered = r.forYou;
  else if (r.sort === 'trending' && r.trendingIds) ordered = orderByTrending(sortPapers(all, 'upvotes'), r.trendingIds);
  else ordered = sortPapers(all, r.sort);
  const upvoted = r.showBelowMin || !r.minUpvotes ? ordered : ordered.filter((p) => p.upvotes >= r.minUpvotes);
  const hider = r.hider;
  const kept = r.showHidden || !hider || hider.empty ? upvoted : upvoted.filter((p) => !hider.hides(p));
  const papers = r.withCode ? kept.filter((p) => p.githubRepo) : kept;
  return {
    ordered,
    papers,
    belowMin: ordered.length - upvoted.length,
    hiddenByYou: upvoted.length - kept.length,
    beforeCode: kept.length,
  };
}
