/**
 * What the glance views (new tab, popup) show, read in one go so one liveQuery drives them, and a
 * synchronous snapshot of it in localStorage so the next page paints before IndexedDB opens.
 */
import type { PapertabDB } from './db';
import { latestDayWithPapers, papersOfDay } from './feed-store';
import { getMeta, type RefreshStatus } from './meta';
import type { DayRecord, Paper } from './paper';

export interface Glance {
  /** The day shown: the most recent with papers. */
  day?: DayRecord;
  /** The newest day fetched, when it is newer than `day` but empty (weekend, before curation). */
  newestEmpty?: string;
  papers: Paper[];
  status: RefreshStatus;
}

export async function loadGlance(db: PapertabDB): Promise<Glance> {
  return db.transaction('r', db.days, db.papers, db.meta, async () => {
    const [day, newest, status] = await Promise.all([
      latestDayWithPapers(db),
      db.days.orderBy('date').last(),
      getMeta(db, 'refreshStatus'),
    ]);
    const papers = day ? await papersOfDay(db, day.date) : [];
    const newestEmpty =
      newest && newest.status === 'empty' && (!day || newest.date > day.date) ? newest.date : undefined;
    return { day, newestEmpty, papers, status: status ?? { failures: 0 } };
  });
}

const SNAPSHOT_KEY = 'papertab:glance:v1';

export function readSnapshot(): Glance | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(SNAPSHOT_KEY);
    if (!raw) return undefined;
    const g = JSON.parse(raw) as Glance;
    if (!g || !Array.isArray(g.papers) || typeof g.status !== 'object') return undefined;
    return g;
  } catch {
    return undefined;
  }
}

export function writeSnapshot(g: Glance): void {
  try {
    globalThis.localStorage?.setItem(SNAPSHOT_KEY, JSON.stringify(g));
  } catch {
    // Quota or disabled storage: the next paint just waits for IndexedDB.
  }
}
