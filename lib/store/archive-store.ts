/**
 * The archive's records in the database: its state (cursor and progress), its persisted request
 * budget, a page stored with the cursor's advance in one transaction, and dropping what it fetched.
 */
import {
  ARCHIVE_BUDGET,
  ARCHIVE_FIRST_MONTH,
  ARCHIVE_WINDOW_MS,
  monthsBack,
  type ArchiveCursor,
  type ArchiveState,
} from '../core/archive';
import { addDays, monthDays, utcDay } from '../core/dates';
import type { Paper } from '../core/paper';
import type { PapertabDB } from './db';
import { getMeta, setMeta } from './meta-table';
import { storePapers } from './papers';
import { rangeKey } from './ranges';
import { removeFromSearchIndex } from './search-store';
import { deleteFollowKeys } from './follow-keys';

export function getArchive(db: PapertabDB): Promise<ArchiveState | undefined> {
  return getMeta(db, 'archive');
}

/** A new pass from `newest` back to `stopAt`, keeping the totals of earlier passes. */
export function newPass(newest: string, stopAt: string, nowMs: number, before?: ArchiveState): ArchiveState {
  return {
    status: 'running',
    cursor: { month: newest, page: 0 },
    stopAt,
    monthsTotal: monthsBack(newest, stopAt).length,
    monthsDone: 0,
    papers: before?.papers ?? 0,
    pages: 0,
    dropped: before?.dropped ?? 0,
    startedAt: nowMs,
    completedAt: before?.completedAt,
    failures: 0,
  };
}

/** Starts the whole archive unless it has a state already (then it resumes from its cursor). Idempotent. */
export async function ensureArchive(db: PapertabDB, currentMonth: string, nowMs: number): Promise<ArchiveState> {
  return db.transaction('rw', db.meta, async () => {
    const state = await getArchive(db);
    if (state) return state;
    const fresh = newPass(currentMonth, ARCHIVE_FIRST_MONTH, nowMs);
    await setMeta(db, 'archive', fresh);
    return fresh;
  });
}

/** Changes the state in one transaction; `change` returning undefined leaves it as it is. */
export async function updateArchive(
  db: PapertabDB,
  change: (state: ArchiveState) => ArchiveState | undefined,
): Promise<ArchiveState | undefined> {
  return db.transaction('rw', db.meta, async () => {
    const state = await getArchive(db);
    if (!state) return undefined;
    const next = change(state);
    if (next) await setMeta(db, 'archive', next);
    return next ?? state;
  });
}

/**
 * Takes one request from the sliding-window budget, persisted so a restarted worker still counts the
 * requests it made before. Returns when the next one may go instead when the window is full.
 */
export async function takeRequestSlot(
  db: PapertabDB,
  nowMs: number,
): Promise<{ ok: true } | { ok: false; until: number }> {
  return db.transaction('rw', db.meta, async () => {
    // A clock put back leaves stamps "in the future": they still count until the window passes them.
    const recent = ((await getMeta(db, 'archiveRequests')) ?? []).filter((at) => at > nowMs - ARCHIVE_WINDOW_MS);
    if (recent.length >= ARCHIVE_BUDGET) {
      const sorted = [...recent].sort((a, b) => a - b);
      return { ok: false as const, until: sorted[recent.length - ARCHIVE_BUDGET]! + ARCHIVE_WINDOW_MS };
    }
    await setMeta(db, 'archiveRequests', [...recent, nowMs]);
    return { ok: true as const };
  });
}

function sameCursor(a: ArchiveCursor | undefined, b: ArchiveCursor): boolean {
  return !!a && a.month === b.month && a.page === b.page && a.day === b.day;
}

/** The last day of `month` worth asking for at `nowMs` (none after today). */
function lastDayToAsk(month: string, nowMs: number): string {
  const last = monthDays(month)[1];
  const today = utcDay(nowMs);
  return last < today ? last : today;
}

/**
 * The next day of a month read day by day, newest first, from `from` down: a day a `date=` answer
 * already stored is skipped (its papers sit on their featured day). Undefined when none is left.
 */
async function dayCursor(db: PapertabDB, month: string, from: string): Promise<ArchiveCursor | undefined> {
  const first = monthDays(month)[0];
  for (let day = from; day >= first; day = addDays(day, -1))
    if (!(await db.days.get(day))) return { month, page: 0, day };
  return undefined;
}

/** What one stored page says of what comes next. */
export interface ArchivePage {
  papers: Paper[];
  dropped: number;
  /** The listing under the cursor (a month's, or a day's) ends here. */
  last: boolean;
  /** The month's listing names no featured days: the month is read day by day from here. */
  byDays?: boolean;
}

/**
 * Stores one fetched page and moves the cursor past it, in one transaction: a worker stopped before
 * it commits fetches the same page again (merging the same papers changes nothing), and a page
 * already stored by a step that ran meanwhile is not counted twice. A day's page (`cursor.day`)
 * puts its papers on that day, the day Daily Papers featured them, whatever a listing said before.
 */
export async function storeArchivePage(
  db: PapertabDB,
  cursor: ArchiveCursor,
  page: ArchivePage,
  nowMs: number,
): Promise<ArchiveState | undefined> {
  return db.transaction('rw', [db.papers, db.days, db.saved, db.meta, db.searchIndex, db.followKeys], async () => {
    const state = await getArchive(db);
    if (!state || !sameCursor(state.cursor, cursor)) return state;
    await storePapers(db, page.papers, { featured: cursor.day !== undefined });
    const next: ArchiveState = {
      ...state,
      papers: state.papers + page.papers.length,
      pages: state.pages + 1,
      dropped: state.dropped + page.dropped,
      lastPageAt: nowMs,
      failures: 0,
    };
    delete next.nextAttemptAt;
    delete next.lastError;
    let ahead: ArchiveCursor | undefined;
    if (!page.last) ahead = { ...cursor, page: cursor.page + 1 };
    else if (page.byDays) ahead = await dayCursor(db, cursor.month, lastDayToAsk(cursor.month, nowMs));
    else if (cursor.day) ahead = await dayCursor(db, cursor.month, addDays(cursor.day, -1));
    if (ahead) next.cursor = ahead;
    else await monthDone(db, next, cursor, nowMs);
    await setMeta(db, 'archive', next);
    return next;
  });
}

/**
 * The cursor's month is listed whole: the views can answer for it from the cache, and the cursor
 * moves to the month before (read day by day when this one was: older months are older still).
 */
async function monthDone(db: PapertabDB, next: ArchiveState, cursor: ArchiveCursor, nowMs: number): Promise<void> {
  for (let month = cursor.month; ;) {
    await setMeta(db, rangeKey({ month }), nowMs);
    next.monthsDone += 1;
    const older = monthsBack(month, next.stopAt)[1];
    if (!older) {
      delete next.cursor;
      next.status = 'done';
      next.completedAt = nowMs;
      return;
    }
    const ahead = cursor.day ? await dayCursor(db, older, lastDayToAsk(older, nowMs)) : { month: older, page: 0 };
    if (ahead) {
      next.cursor = ahead;
      return;
    }
    month = older;
  }
}

/**
 * Turning the archive off: forgets its state and, when asked, drops what it fetched: every cached
 * paper outside the days the refresh keeps (`days` table) that is not in the reading list. Saved
 * papers stay, in the list and in the cache. Returns how many papers were dropped.
 */
export async function stopArchive(db: PapertabDB, drop: boolean): Promise<number> {
  return db.transaction('rw', [db.papers, db.days, db.saved, db.meta, db.searchIndex, db.followKeys], async () => {
    await db.meta.delete('archive');
    if (!drop) return 0;
    const days = new Set(await db.days.toCollection().primaryKeys());
    const saved = new Set(await db.saved.toCollection().primaryKeys());
    const ids: string[] = [];
    await db.papers.each((p) => {
      if (!days.has(p.day) && !saved.has(p.id)) ids.push(p.id);
    });
    await db.papers.bulkDelete(ids);
    await deleteFollowKeys(db, ids);
    // Listings whose papers may be gone are listed again when next viewed.
    await db.meta.where('key').startsWith('range:').delete();
    await removeFromSearchIndex(db, ids);
    return ids.length;
  });
}
