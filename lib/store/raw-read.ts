/**
 * Reads without Dexie, for what the new tab shows at every opening (its view, the saved ids, the
 * account's follows): Dexie's code (28 KB gzip, more than the rest of the page) then loads only
 * when something is written or read more rarely. Read only: the stores and indexes are those
 * lib/store/db.ts declares, and their owners stay the only writers. Where a raw read fails (no
 * database yet, a schema still being upgraded, no IndexedDB at all) `readStore` reads with Dexie.
 */
import type { DayRecord, Paper } from '../core/paper';
import type { PapertabDB, MetaRecord } from './db';
import type { SearchIndexRecord } from '../search/stored';
import { DB_NAME, dayHasPapers, dexieReads, type StoreReads } from './reads';

/** The full database, Dexie's code with it, loaded on first use. */
export const loadDb = (): Promise<PapertabDB> => import('./db').then((m) => m.db());

/**
 * Whether a read failed because this page has no database at all (Firefox's private windows, history
 * off): the open failed, or Dexie refuses because its open failed. Pages say so plainly
 * (useDbUnavailable) instead of logging it as an error each time they read.
 */
export function isNoDatabase(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'OpenFailedError' || name === 'MissingAPIError' || name === 'DatabaseClosedError';
}

let opening: Promise<IDBDatabase> | undefined;
/** The database as it is, never created or upgraded here (Dexie does that, in lib/store/db.ts). */
export function openRaw(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME);
    // No database yet: leave it to Dexie, which creates it with its schema.
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => {
      const idb = req.result;
      // An upgrade or a deletion elsewhere must not wait for this page; the next read opens again.
      idb.onversionchange = () => {
        idb.close();
        opening = undefined;
      };
      idb.onclose = () => (opening = undefined);
      resolve(idb);
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB cannot be opened'));
  }).catch((err: unknown) => {
    opening = undefined;
    throw err;
  });
  return opening;
}

function answer<T>(req: IDBRequest): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'));
  });
}

async function ask<T>(store: string, run: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  return answer<T>(run((await openRaw()).transaction(store, 'readonly').objectStore(store)));
}

/** The last record (in key order) of `range` that `keep` accepts. */
async function lastWhere<T>(store: string, range: IDBKeyRange | null, keep: (v: T) => boolean): Promise<T | undefined> {
  const idb = await openRaw();
  return new Promise<T | undefined>((resolve, reject) => {
    const req = idb.transaction(store, 'readonly').objectStore(store).openCursor(range, 'prev');
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) resolve(undefined);
      else if (keep(cursor.value as T)) resolve(cursor.value as T);
      else cursor.continue();
    };
    req.onerror = () => reject(req.error ?? new Error(`IndexedDB read failed: ${store}`));
  });
}

const days = (first: string, last: string) => IDBKeyRange.bound(first, last);

export const rawReads: StoreReads = {
  read: (fn) => fn(),
  meta: async (key) => (await ask<MetaRecord | undefined>('meta', (s) => s.get(key)))?.value as never,
  papersOfDays: (first, last) => ask<Paper[]>('papers', (s) => s.index('day').getAll(days(first, last))),
  day: (date) => ask<DayRecord | undefined>('days', (s) => s.get(date)),
  dayDates: (first, last) => ask<string[]>('days', (s) => s.getAllKeys(days(first, last))),
  latestDayWithPapers: (before) =>
    lastWhere<DayRecord>('days', before === undefined ? null : IDBKeyRange.upperBound(before, true), dayHasPapers),
  savedIds: () => ask<string[]>('saved', (s) => s.getAllKeys()),
  papers: async (ids) => {
    const store = (await openRaw()).transaction('papers', 'readonly').objectStore('papers');
    return Promise.all(ids.map((id) => answer<Paper | undefined>(store.get(id))));
  },
  allPapers: () => ask<Paper[]>('papers', (s) => s.getAll()),
  searchRecord: (key) => ask<SearchIndexRecord | undefined>('searchIndex', (s) => s.get(key)),
};

/** `rawReads`, each read falling back to Dexie where it fails (see `readStore`). */
export const pageReads: StoreReads = {
  read: (fn) => fn(),
  meta: (key) => readStore((r) => r.meta(key)),
  papersOfDays: (first, last) => readStore((r) => r.papersOfDays(first, last)),
  day: (date) => readStore((r) => r.day(date)),
  dayDates: (first, last) => readStore((r) => r.dayDates(first, last)),
  latestDayWithPapers: (before) => readStore((r) => r.latestDayWithPapers(before)),
  savedIds: () => readStore((r) => r.savedIds()),
  papers: (ids) => readStore((r) => r.papers(ids)),
  allPapers: () => readStore((r) => r.allPapers()),
  searchRecord: (key) => readStore((r) => r.searchRecord(key)),
};

/** Reads with raw IndexedDB; where that fails, with Dexie. */
export async function readStore<T>(fn: (reads: StoreReads) => Promise<T>): Promise<T> {
  try {
    return await fn(rawReads);
  } catch {
    return fn(dexieReads(await loadDb()));
  }
}

/** Dexie announces every committed write, from any page or the background, on this channel. */
const MUTATIONS_CHANNEL = 'x-storagemutated-1';

/**
 * Calls `onChange` after each write to one of `stores` anywhere in the extension (and when the
 * database is created): what Dexie's `liveQuery` listens to, without Dexie's code.
 */
export function watchStores(stores: readonly string[], onChange: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(MUTATIONS_CHANNEL);
  const prefixes = stores.map((s) => `idb://${DB_NAME}/${s}/`);
  channel.onmessage = (e: MessageEvent<unknown>) => {
    const parts = e.data && typeof e.data === 'object' ? Object.keys(e.data) : [];
    if (parts.some((p) => prefixes.some((prefix) => p.startsWith(prefix)))) onChange();
  };
  return () => channel.close();
}
