/**
 * Which cached papers arrived since the user last looked (new tab or popup): the ids themselves,
 * kept in the `meta` table and written in the same transaction as the papers they name. A paper
 * counts once, when the refresh first stores it; a re-fetch (new upvotes, new comments) finds it
 * already cached and adds nothing. No clock is involved, so a clock set back or forward, a worker
 * stopped mid-refresh, or the same day fetched twice cannot miscount.
 */
import type { DayRecord } from '../core/paper';
import type { PapertabDB } from './db';
import { getMeta, setMeta } from './meta-table';

/** Bounds the record: far more than any badge shows ("999+"). */
const MAX_UNSEEN = 5000;

/** The days whose papers are new: those with papers newer than `seenDay`; before anything was seen, the newest one. */
export function newDays(days: DayRecord[], seenDay: string | undefined): DayRecord[] {
  const withPapers = days.filter((d) => d.status === 'ok' && d.count > 0);
  if (seenDay === undefined) {
    const newest = withPapers.reduce<DayRecord | undefined>((a, d) => (!a || d.date > a.date ? d : a), undefined);
    return newest ? [newest] : [];
  }
  return withPapers.filter((d) => d.date > seenDay);
}

/**
 * The ids not yet seen. Before this record existed the badge counted whole days newer than the
 * newest day seen: an upgrade starts from exactly what that badge showed.
 */
export async function readUnseenIds(db: PapertabDB): Promise<string[]> {
  const rec = await getMeta(db, 'unseenPapers');
  if (rec) return rec.ids;
  const [days, seen] = await Promise.all([db.days.toArray(), getMeta(db, 'seenDay')]);
  const fresh = newDays(days, seen);
  if (!fresh.length) return [];
  return db.papers
    .where('day')
    .anyOf(fresh.map((d) => d.date))
    .primaryKeys();
}

/** Adds papers that just arrived (call inside the transaction that stores them, before they are written). */
export async function addArrivals(db: PapertabDB, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const all = new Set(await readUnseenIds(db));
  for (const id of ids) all.add(id);
  await setMeta(db, 'unseenPapers', { ids: [...all].slice(-MAX_UNSEEN) });
}

/** The user looked: nothing is new any more. */
export async function clearUnseen(db: PapertabDB): Promise<void> {
  await setMeta(db, 'unseenPapers', { ids: [] });
}
