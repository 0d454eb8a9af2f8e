/**
 * The offline archive of every Daily Papers month: its state as stored (the cursor the background
 * resumes from), the months it spans, and the size estimate the options page shows before it starts.
 */
import { addMonths, daysBetween, utcDay } from './dates';

/** The first month with Daily Papers (the first `date=` with papers is 2023-05-04). */
export const ARCHIVE_FIRST_MONTH = '2023-05';
export const ARCHIVE_FIRST_DAY = '2023-05-04';
/**
 * The first month whose listings name each paper's featured day (`paper.submittedOnDailyAt`). The
 * archive reads older months day by day (`date=`): their listings only say when a paper entered the
 * feed, often a day or more before Daily Papers featured it. (The archive decides by what a listing
 * holds; this month is what the estimate counts with.)
 */
export const ARCHIVE_DATED_FROM = '2025-03';
/** Papers per `month=` page asked for (the API's maximum). */
export const ARCHIVE_PAGE_SIZE = 100;
/** The archive's own request budget: at most this many requests in any window of this length. */
export const ARCHIVE_BUDGET = 150;
export const ARCHIVE_WINDOW_MS = 5 * 60_000;
/** Real archives hold about 15 papers per calendar day (17 per weekday-equivalent). */
export const PAPERS_PER_DAY = 15;
/** A stored paper (about 2.6 KB of text: abstract, authors, keywords) with its share of the search index and IndexedDB's overhead. */
export const BYTES_PER_PAPER = 4 * 1024;

export interface ArchiveCursor {
  /** The month (YYYY-MM) and page (from 0) the next request asks for. */
  month: string;
  page: number;
  /** A month read day by day: the day (YYYY-MM-DD) whose `date=` listing `page` belongs to. */
  day?: string;
}

export interface ArchiveState {
  /** `running`: fetching; `paused` by the user; `done`: every month listed (the refresh keeps it current). */
  status: 'running' | 'paused' | 'done';
  /** The next page to fetch; absent once done. */
  cursor?: ArchiveCursor;
  /** The oldest month this pass lists (the whole archive: ARCHIVE_FIRST_MONTH; a top-up: a recent month). */
  stopAt: string;
  /** Months in this pass, and how many are fully listed. */
  monthsTotal: number;
  monthsDone: number;
  /** Papers received so far (all passes), pages fetched, items dropped by validation. */
  papers: number;
  pages: number;
  dropped: number;
  startedAt: number;
  /** When the last page was stored (for the time-left estimate) and when the whole archive was listed. */
  lastPageAt?: number;
  completedAt?: number;
  /** Consecutive failures (drive the backoff) and when the next try may be. */
  failures: number;
  nextAttemptAt?: number;
  lastError?: { kind: string; message: string; at: number };
}

/** The months from `newest` back to `oldest`, newest first. */
export function monthsBack(newest: string, oldest: string): string[] {
  const out: string[] = [];
  for (let m = newest; m >= oldest; m = addMonths(m, -1)) out.push(m);
  return out;
}

export interface ArchiveEstimate {
  papers: number;
  bytes: number;
  requests: number;
  /** Minutes of fetching at the archive's budget (ARCHIVE_BUDGET requests per ARCHIVE_WINDOW_MS). */
  minutes: number;
}

/** How big the whole archive is expected to be at `nowMs`, before anything is fetched. */
export function estimateArchive(nowMs: number): ArchiveEstimate {
  const today = utcDay(nowMs);
  const days = Math.max(1, daysBetween(ARCHIVE_FIRST_DAY, today) + 1);
  const papers = Math.round((days * PAPERS_PER_DAY) / 100) * 100;
  const months = monthsBack(today.slice(0, 7), ARCHIVE_FIRST_MONTH).length;
  // A month read day by day takes one request a day (a day has had well under 100 papers), after the
  // one listing page that shows it undated; the others their papers / 100 pages, plus the short page.
  const datedFrom = `${ARCHIVE_DATED_FROM}-01`;
  const byDays = today < datedFrom ? days : daysBetween(ARCHIVE_FIRST_DAY, datedFrom);
  const datedPapers = Math.max(0, papers - byDays * PAPERS_PER_DAY);
  const requests = Math.ceil(datedPapers / ARCHIVE_PAGE_SIZE) + months + byDays;
  return { papers, bytes: papers * BYTES_PER_PAPER, requests, minutes: budgetMinutes(requests) };
}

/** A request's round trip, about (a 100-paper page is about half a megabyte). */
const SECONDS_PER_REQUEST = 0.6;

/**
 * Minutes needed for `requests` at the budget: each full budget spent waits for its window to pass,
 * and the requests themselves take their round trips.
 */
export function budgetMinutes(requests: number): number {
  const windows = Math.floor(Math.max(0, requests - 1) / ARCHIVE_BUDGET);
  return Math.ceil(windows * (ARCHIVE_WINDOW_MS / 60_000) + (requests * SECONDS_PER_REQUEST) / 60);
}

/**
 * Time left, from what this pass has done: the pages still to come (each month left as many as the
 * average month so far), paced by the budget or by the rate seen so far, whichever is slower.
 */
export function archiveTimeLeftMs(state: ArchiveState, nowMs: number): number | undefined {
  if (state.status === 'done' || state.monthsDone === 0) return undefined;
  const pagesPerMonth = state.pages / Math.max(1, state.monthsDone);
  const left = Math.max(0, (state.monthsTotal - state.monthsDone) * pagesPerMonth);
  const elapsed = Math.max(1, (state.lastPageAt ?? nowMs) - state.startedAt);
  const seenRate = state.pages / elapsed; // pages per ms
  const budgetRate = ARCHIVE_BUDGET / ARCHIVE_WINDOW_MS;
  return Math.round(left / Math.min(seenRate, budgetRate));
}
