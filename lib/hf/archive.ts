/**
 * The offline archive: every month since 2023-05, one `month=` page per step, newest month first.
 * Newest first because a partial archive is then the most useful one: the recent months are what a
 * researcher searches most, and they are complete within the first minutes. A month whose listing
 * names no featured day per paper (before 2025-03) is read day by day instead (`date=`, one day's
 * page per step, days a `date=` answer already stored skipped), so every paper sits on its day.
 *
 * Each step is idempotent and resumable: the cursor (month, page) is stored with the page's papers
 * in one transaction, the request budget (150 in any 5 minutes) is persisted before each request,
 * every request goes through the one gate (a 429 binds everything), and other faults back off as
 * the refresh does. Running it again re-fetches at most the page it was on, and merges what it has.
 */
import { ARCHIVE_FIRST_MONTH, ARCHIVE_PAGE_SIZE, type ArchiveCursor, type ArchiveState } from '../core/archive';
import { addDays, monthDays, utcDay } from '../core/dates';
import { t } from '../core/i18n';
import {
  ensureArchive,
  getArchive,
  newPass,
  storeArchivePage,
  type ArchivePage,
  takeRequestSlot,
  updateArchive,
} from '../store/archive-store';
import { backoffDelayMs } from './backoff';
import { askHf, getStatus, type HfRequestDeps } from './gate';
import { fetchDailyPage, FetchFailure, type FeedPage } from './hf-api';

/** A month has had a few hundred papers: more pages than this means a server that never ends a listing. */
const MAX_PAGES_PER_MONTH = 40;
/** Once complete, the recent months are listed again at most this often (the refresh covers 8 days). */
const TOP_UP_EVERY_MS = 24 * 60 * 60_000;

export interface ArchiveDeps extends HfRequestDeps {
  random?: () => number;
}

export type StepResult = { kind: 'stored'; state: ArchiveState } | { kind: 'wait'; until: number } | { kind: 'idle' };

/** Fetches and stores the page under the cursor, unless the archive is paused, done, or must wait. */
export async function archiveStep(deps: ArchiveDeps): Promise<StepResult> {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const state = await getArchive(db);
  if (!state || state.status !== 'running' || !state.cursor) return { kind: 'idle' };
  if (state.nextAttemptAt && state.nextAttemptAt > now()) return { kind: 'wait', until: state.nextAttemptAt };
  const cursor = state.cursor;
  // A 429's wait is checked before a budget slot is taken, so the budget counts requests actually sent.
  const { rateLimitedUntil } = await getStatus(db);
  if (rateLimitedUntil && rateLimitedUntil > now()) return { kind: 'wait', until: rateLimitedUntil };
  const slot = await takeRequestSlot(db, now());
  if (!slot.ok) return { kind: 'wait', until: slot.until };
  try {
    const query = cursor.day ? { date: cursor.day } : { month: cursor.month };
    const asked = await askHf(deps, () =>
      fetchDailyPage(query, cursor.page, ARCHIVE_PAGE_SIZE, { fetch: deps.fetch, now }),
    );
    if (!asked.ok) return { kind: 'wait', until: asked.until };
    const page = asked.value;
    if (page.papers.length === 0 && page.dropped > 0) {
      throw new FetchFailure('malformed', t('errNoneReadable', page.dropped, cursor.day ?? cursor.month));
    }
    const end = page.entries < ARCHIVE_PAGE_SIZE || cursor.page + 1 >= MAX_PAGES_PER_MONTH;
    const next = await storeArchivePage(db, cursor, monthPage(cursor, page, end), now());
    return next ? { kind: 'stored', state: next } : { kind: 'idle' };
  } catch (err) {
    // A full disk is said as such (not as a network fault): the user can free room.
    const full = isDiskFull(err);
    const failure = err instanceof FetchFailure ? err : new FetchFailure('network', String(err));
    const lastError = full
      ? { kind: 'disk-full', message: t('archiveDiskFull'), at: now() }
      : { kind: failure.kind, message: failure.message, at: now() };
    const until = lastError.at + backoffDelayMs(state.failures + 1, deps.random);
    // When even the record of the fault cannot be written (the disk is full), come back all the same.
    const failed = await updateArchive(db, (s) => ({
      ...s,
      failures: s.failures + 1,
      nextAttemptAt: lastError.at + backoffDelayMs(s.failures + 1, deps.random),
      lastError,
    })).catch(() => undefined);
    return { kind: 'wait', until: failed?.nextAttemptAt ?? until };
  }
}

/** IndexedDB's answer when the disk (or the browser's share of it) is full, as Dexie passes it on. */
export function isDiskFull(err: unknown): boolean {
  for (let e = err as { name?: unknown; inner?: unknown } | undefined, i = 0; e && i < 4; e = e.inner as typeof e, i++)
    if (e.name === 'QuotaExceededError') return true;
  return false;
}

/**
 * What a fetched page stores. A day's papers sit on that day. A month's listing names no day per
 * paper, only timestamps: each paper's day is kept inside its month, and a listing whose papers
 * lack their featured day (before 2025-03) is left for the month's days, read one by one.
 */
function monthPage(cursor: ArchiveCursor, page: FeedPage, end: boolean): ArchivePage {
  if (cursor.day) return { papers: page.papers, dropped: page.dropped, last: end };
  const [first, last] = monthDays(cursor.month);
  const undated = new Set(page.undated);
  const papers = page.papers
    .filter((p) => !undated.has(p.id))
    .map((p) => ({ ...p, day: p.day < first ? first : p.day > last ? last : p.day }));
  if (undated.size) return { papers, dropped: page.dropped, last: true, byDays: true };
  return { papers, dropped: page.dropped, last: end };
}

/**
 * Once the whole archive is listed, a daily pass lists the months since the last pass began (less
 * the refresh's 8 days), so days missed while the browser was closed for over a week are filled in.
 */
async function maybeTopUp(deps: ArchiveDeps, state: ArchiveState): Promise<void> {
  const now = (deps.now ?? Date.now)();
  if (state.status !== 'done' || now - (state.completedAt ?? 0) < TOP_UP_EVERY_MS) return;
  const from = addDays(utcDay(state.startedAt), -8).slice(0, 7);
  const stopAt = from < ARCHIVE_FIRST_MONTH ? ARCHIVE_FIRST_MONTH : from;
  await updateArchive(deps.db, (s) =>
    s.status === 'done' ? newPass(utcDay(now).slice(0, 7), stopAt, now, s) : undefined,
  );
}

export interface RunOptions {
  /** Stop stepping after this long and come back by alarm (a worker's event should not run for ever). */
  maxMs?: number;
  /** Asked before each step: false (the archive was switched off meanwhile) stops the run. */
  enabled?: () => Promise<boolean>;
}

/**
 * Steps while there is work and budget; returns when to come back (undefined: nothing to do until
 * the user resumes, or the daily top-up, which the caller's periodic alarm covers).
 */
export async function runArchive(deps: ArchiveDeps, opts: RunOptions = {}): Promise<number | undefined> {
  const now = deps.now ?? Date.now;
  const started = now();
  const state = await ensureArchive(deps.db, utcDay(started).slice(0, 7), started);
  await maybeTopUp(deps, state);
  for (;;) {
    if (opts.enabled && !(await opts.enabled())) return undefined;
    const step = await archiveStep(deps);
    if (step.kind === 'idle') {
      const s = await getArchive(deps.db);
      return s?.status === 'done' ? (s.completedAt ?? started) + TOP_UP_EVERY_MS : undefined;
    }
    if (step.kind === 'wait') return step.until;
    if (now() - started >= (opts.maxMs ?? 60_000)) return now();
  }
}
