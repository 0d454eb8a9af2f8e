/** Writes fetched papers into the cache and reads what the views show. */
import type { PapertabDB } from './db';
import { mergePaper, type DayRecord, type Paper } from '../core/paper';
import { nextStamp } from '../core/stamps';
import { noteChangedPapers } from './search-store';

/**
 * A re-fetch updates a paper in place by the one paper merge (`mergePaper`): the response is the
 * newer copy (upvotes, comments keep changing for weeks), even when this clock went back since the
 * cached copy was written; fields it leaves out (or sends malformed, read as empty) keep their
 * known value, and the featured day, once known, stays. Counts do not: 0 can be true.
 */
export function refreshPaper(old: Paper | undefined, next: Paper): Paper {
  return old ? mergePaper(old, { ...next, fetchedAt: nextStamp(old.fetchedAt, next.fetchedAt) }) : next;
}

/** Saved papers keep their own copy of the paper: a fresh fetch refreshes it (upvotes, links). */
async function refreshSavedCopies(db: PapertabDB, papers: Paper[]): Promise<void> {
  const saved = await db.saved.bulkGet(papers.map((p) => p.id));
  const updates = saved.flatMap((s, i) => {
    if (!s) return [];
    const next = { ...s, paper: refreshPaper(s.paper, papers[i]!) };
    delete next.incomplete;
    return [next];
  });
  if (updates.length) await db.saved.bulkPut(updates);
}

export async function storeDay(
  db: PapertabDB,
  date: string,
  papers: Paper[],
  dropped: number,
  fetchedAt: number,
): Promise<DayRecord> {
  return db.transaction('rw', [db.papers, db.days, db.saved, db.searchIndex], async () => {
    const old = await db.papers.bulkGet(papers.map((p) => p.id));
    await db.papers.bulkPut(papers.map((p, i) => refreshPaper(old[i], { ...p, day: date })));
    await noteChangedPapers(
      db,
      papers.map((p) => p.id),
    );
    await refreshSavedCopies(db, papers);
    const count = await db.papers.where('day').equals(date).count();
    const record: DayRecord = { date, status: count > 0 ? 'ok' : 'empty', count, dropped, fetchedAt };
    await db.days.put(record);
    return record;
  });
}

/**
 * Papers of a week or month listing: merged, each keeping the day it is known under (a `date=`
 * answer is authoritative; a listing's day is only derived from a timestamp).
 */
export async function storePapers(db: PapertabDB, papers: Paper[]): Promise<void> {
  await db.transaction('rw', [db.papers, db.saved, db.searchIndex], async () => {
    const old = await db.papers.bulkGet(papers.map((p) => p.id));
    await db.papers.bulkPut(papers.map((p, i) => ({ ...refreshPaper(old[i], p), day: old[i]?.day || p.day })));
    await noteChangedPapers(
      db,
      papers.map((p) => p.id),
    );
    await refreshSavedCopies(db, papers);
  });
}

/** The most recent day that has papers (views fall back to it on weekends and before curation). */
export async function latestDayWithPapers(db: PapertabDB): Promise<DayRecord | undefined> {
  return db.days
    .orderBy('date')
    .reverse()
    .filter((d) => d.status === 'ok')
    .first();
}
