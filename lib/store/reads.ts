/**
 * What pages read to show the feed, as one interface with two implementations: Dexie's
 * (`dexieReads`, here) and raw IndexedDB's (lib/store/raw-read.ts), which needs none of Dexie's
 * code and serves the new tab at every opening. The rules over these reads (lib/views/view.ts
 * `readView`, lib/store/ranges.ts `rangeCachedIn`) are written once, over this interface.
 */
import type { DayRecord, Paper } from '../core/paper';
import type { PapertabDB } from './db';
import type { SearchIndexRecord } from '../search/stored';
import { getMeta, type MetaValues } from './meta-table';

/** The one database's name (lib/store/db.ts declares its tables). */
export const DB_NAME = 'papertab';

export interface StoreReads {
  /** Runs `fn` as one consistent read where the implementation can (Dexie: one transaction). */
  read<T>(fn: () => Promise<T>): Promise<T>;
  meta<K extends keyof MetaValues>(key: K): Promise<MetaValues[K] | undefined>;
  /** The cached papers of the days from `first` to `last`, both included, in day order. */
  papersOfDays(first: string, last: string): Promise<Paper[]>;
  day(date: string): Promise<DayRecord | undefined>;
  /** The dates of the days cached from `first` to `last`, both included. */
  dayDates(first: string, last: string): Promise<string[]>;
  /** The newest day with papers (strictly before `before` when given). */
  latestDayWithPapers(before?: string): Promise<DayRecord | undefined>;
  /** The ids of the saved papers (the reading list). */
  savedIds(): Promise<string[]>;
  /** Cached papers by id (undefined where not cached), in the order asked. */
  papers(ids: readonly string[]): Promise<(Paper | undefined)[]>;
  allPapers(): Promise<Paper[]>;
  /** A record of the stored search index (lib/store/search-store.ts). */
  searchRecord(key: 'head' | 'base' | 'cards'): Promise<SearchIndexRecord | undefined>;
}

export const dayHasPapers = (d: DayRecord): boolean => d.status === 'ok';

export function dexieReads(db: PapertabDB): StoreReads {
  return {
    read: (fn) => db.transaction('r', [db.days, db.papers, db.meta, db.searchIndex], fn),
    meta: (key) => getMeta(db, key),
    papersOfDays: (first, last) => db.papers.where('day').between(first, last, true, true).toArray(),
    day: (date) => db.days.get(date),
    dayDates: (first, last) => db.days.where('date').between(first, last, true, true).primaryKeys(),
    latestDayWithPapers: (before) =>
      (before === undefined ? db.days.orderBy('date') : db.days.where('date').below(before))
        .reverse()
        .filter(dayHasPapers)
        .first(),
    savedIds: async () => (await db.saved.toCollection().primaryKeys()) as string[],
    papers: (ids) => db.papers.bulkGet([...ids]),
    allPapers: () => db.papers.toArray(),
    searchRecord: (key) => db.searchIndex.get(key),
  };
}
