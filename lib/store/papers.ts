/** Writes fetched papers into the cache and reads what the views show. */
import type { PapertabDB } from './db';
import { mergePaper, type DayRecord, type Paper } from '../core/paper';
import { nextStamp } from '../core/stamps';
import { addArrivals } from './arrivals';
import { gainedRepo, recordCodeReleased } from './code-released';
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

/**
 * Saved papers keep their own copy of the paper: a fresh fetch refreshes it (upvotes, links). A
 * complete copy that gains a code repository is marked "Code released". Call inside a transaction
 * over `saved` and `meta`.
 */
export async function refreshSavedCopies(db: PapertabDB, papers: Paper[], at = Date.now()): Promise<void> {
  const saved = await db.saved.bulkGet(papers.map((p) => p.id));
  const released: { id: string; repo: string }[] = [];
  const updates = saved.flatMap((s, i) => {
    if (!s) return [];
    const next = { ...s, paper: refreshPaper(s.paper, papers[i]!) };
    const repo = gainedRepo(s.paper, next.paper);
    // An incomplete copy (saved from a page) never knew its repo: completing it is no release.
    if (repo && !s.incomplete) released.push({ id: s.id, repo });
    delete next.incomplete;
    return [next];
  });
  if (updates.length) await db.saved.bulkPut(updates);
  await recordCodeReleased(db, released, at);
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
  return db.transaction('rw', [db.papers, db.days, db.saved, db.meta, db.searchIndex], async () => {
    const old = await db.papers.bulkGet(papers.map((p) => p.id));
    if (opts.arrivals)
      await addArrivals(
        db,
        papers.filter((_, i) => !old[i]).map((p) => p.id),
      );
    await db.papers.bulkPut(papers.map((p, i) => refreshPaper(old[i], { ...p, day: date })));
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
  await db.transaction('rw', [db.papers, db.saved, db.meta, db.searchIndex], async () => {
    const old = await db.papers.bulkGet(papers.map((p) => p.id));
    const day = (p: Paper, i: number) => (opts.featured ? p.day : old[i]?.day || p.day);
    await db.papers.bulkPut(papers.map((p, i) => ({ ...refreshPaper(old[i], p), day: day(p, i) })));
    await noteChangedPapers(
      db,
      papers.map((p) => p.id),
    );
    await refreshSavedCopies(db, papers, papers[0]?.fetchedAt);
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
