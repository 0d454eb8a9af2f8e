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
import type { Paper } from '../core/paper';
import type { PapertabDB } from './db';
import { getMeta, setMeta } from './meta-table';
import { storePapers } from './papers';
import { rangeKey } from './ranges';
import { removeFromSearchIndex } from './search-store';

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
  return !!a && a.month === b.month && a.page === b.page;
}

/**
 * Stores one fetched page and moves the cursor past it, in one transaction: a worker stopped before
 * it commits fetches the same page again (merging the same papers changes nothing), and a page
 * already stored by a step that ran meanwhile is not counted twice.
 */
export async function storeArchivePage(
  db: PapertabDB,
  cursor: ArchiveCursor,
  page: { papers: Paper[]; dropped: number; last: boolean },
  nowMs: number,
): Promise<ArchiveState | undefined> {
  return db.transaction('rw', [db.papers, db.saved, db.meta, db.searchIndex], async () => {
    const state = await getArchive(db);
    if (!state || !sameCursor(state.cursor, cursor)) return state;
    await storePapers(db, page.papers);
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
    if (!page.last) next.cursor = { month: cursor.month, page: cursor.page + 1 };
    else {
      // The month is listed whole: the views can answer for it from the cache.
      await setMeta(db, rangeKey({ month: cursor.month }), nowMs);
      next.monthsDone = state.monthsDone + 1;
      const older = monthsBack(cursor.month, state.stopAt)[1];
      if (older) next.cursor = { month: older, page: 0 };
      else {
        delete next.cursor;
        next.status = 'done';
        next.completedAt = nowMs;
      }
    }
    await setMeta(db, 'archive', next);
    return next;
  });
}

/**
 * Turning the archive off: forgets its state and, when asked, drops what it fetched: every cached
 * paper outside the days the refresh keeps (`days` table) that is not in the reading list. Saved
 * papers stay, in the list and in the cache. Returns how many papers were dropped.
 */
export async function stopArchive(db: PapertabDB, drop: boolean): Promise<number> {
  return db.transaction('rw', [db.papers, db.days, db.saved, db.meta, db.searchIndex], async () => {
    await db.meta.delete('archive');
    if (!drop) return 0;
    const days = new Set(await db.days.toCollection().primaryKeys());
    const saved = new Set(await db.saved.toCollection().primaryKeys());
    const ids: string[] = [];
    await db.papers.each((p) => {
      if (!days.has(p.day) && !saved.has(p.id)) ids.push(p.id);
    });
    await db.papers.bulkDelete(ids);
    // Listings whose papers may be gone are listed again when next viewed.
    await db.meta.where('key').startsWith('range:').delete();
    await removeFromSearchIndex(db, ids);
    return ids.length;
  });
}
