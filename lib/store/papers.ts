/** Writes fetched papers into the cache and reads what the views show. */
export { refreshPaper } from '../core/paper';
export { refreshSavedCopies } from './reading-list';
import type { PapertabDB } from './db';
import { refreshPaper, type DayRecord, type Paper } from '../core/paper';
import { refreshSavedCopies } from './reading-list';
import { addArrivals } from './arrivals';
import { noteChangedPapers } from './search-store';
import { putFollowKeys } from './follow-keys';
import { dexieReads } from './reads';

/** The papers as merged, and the keys that find them by who wrote them, together. */
async function writePapers(db: PapertabDB, papers: Paper[]): Promise<void> {
  await db.papers.bulkPut(papers);
  await putFollowKeys(db, papers);
}

export async function storeDay(
  db: PapertabDB,
  date: string,
  papers: Paper[],
  dropped: number,
  fetchedAt: number,
  /** The refresh's own fetches: papers not cached before count as arrivals for the badge. */
  opts: { arrivals?: boolean } = {},
): Promise<DayRecord> {
  return db.transaction('rw', [db.papers, db.days, db.saved, db.meta, db.searchIndex, db.followKeys], async () => {
    const old = await db.papers.bulkGet(papers.map((p) => p.id));
    if (opts.arrivals)
      await addArrivals(
        db,
        papers.filter((_, i) => !old[i]).map((p) => p.id),
      );
    await writePapers(
      db,
      papers.map((p, i) => refreshPaper(old[i], { ...p, day: date })),
    );
    await noteChangedPapers(
      db,
      papers.map((p) => p.id),
    );
    await refreshSavedCopies(db, papers, fetchedAt);
    const count = await db.papers.where('day').equals(date).count();
    const record: DayRecord = { date, status: count > 0 ? 'ok' : 'empty', count, dropped, fetchedAt };
    await db.days.put(record);
    return record;
  });
}

/**
 * Papers of a week or month listing: merged, each keeping the day it is known under (a `date=`
 * answer is authoritative; a listing's day is only derived from a timestamp). With `featured`, the
 * papers come from a `date=` answer (the archive's old months, read day by day): their day wins.
 */
export async function storePapers(db: PapertabDB, papers: Paper[], opts: { featured?: boolean } = {}): Promise<void> {
  await db.transaction('rw', [db.papers, db.saved, db.meta, db.searchIndex, db.followKeys], async () => {
    const old = await db.papers.bulkGet(papers.map((p) => p.id));
    const day = (p: Paper, i: number) => (opts.featured ? p.day : old[i]?.day || p.day);
    await writePapers(
      db,
      papers.map((p, i) => ({ ...refreshPaper(old[i], p), day: day(p, i) })),
    );
    await noteChangedPapers(
      db,
      papers.map((p) => p.id),
    );
    await refreshSavedCopies(db, papers, papers[0]?.fetchedAt);
  });
}

/** The most recent day that has papers (views fall back to it on weekends and before curation). */
export function latestDayWithPapers(db: PapertabDB): Promise<DayRecord | undefined> {
  return dexieReads(db).latestDayWithPapers();
}
