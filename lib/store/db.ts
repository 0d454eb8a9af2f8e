/**
 * The one IndexedDB database (Dexie). Only extension pages and the background open it, never a
 * content script. Every schema version ever shipped stays listed here with its upgrade, so a user
 * on any old version upgrades without losing anything; tests open each old version with data and
 * upgrade it (tests/unit/db.test.ts).
 */
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { DayRecord, Paper } from '../core/paper';
import type { SavedPaper } from '../core/saved';
import type { SearchIndexRecord } from '../search/stored';
import { paperFollowKeys } from '../core/follow-keys';
import { DB_NAME } from './reads';

export { DB_NAME };

/** A cached paper's lookup keys (lib/core/follow-keys.ts), written with the paper, under its id. */
export interface FollowKeysRecord {
  id: string;
  keys: string[];
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export type PapertabDB = Dexie & {
  papers: EntityTable<Paper, 'id'>;
  days: EntityTable<DayRecord, 'date'>;
  meta: EntityTable<MetaRecord, 'key'>;
  saved: EntityTable<SavedPaper, 'id'>;
  searchIndex: EntityTable<SearchIndexRecord, 'key'>;
  followKeys: EntityTable<FollowKeysRecord, 'id'>;
};

interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

/** Append only: never edit a shipped version, add a new one with its upgrade. */
export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      papers: 'id, day, upvotes',
      days: 'date, status',
      meta: 'key',
    },
  },
  {
    // The reading list: saved papers keep their own copy of the paper, so clearing the feed cache
    // never empties it. Nothing to migrate: the table is new.
    version: 2,
    stores: {
      saved: 'id, savedAt, updatedAt, status, *tags',
    },
  },
  {
    // The stored search index (lib/store/search-store.ts): built from the papers, so nothing to
    // migrate; the background builds it at its next start.
    version: 3,
    stores: {
      searchIndex: 'key',
    },
  },
  {
    // The papers' lookup keys (who wrote them), so the Following view reads the papers of those
    // followed instead of every cached paper. The upgrade keys the papers already cached. It runs in
    // the upgrade's one transaction: a worker stopped midway leaves version 3 as it was, and the next
    // open runs it again; it only adds rows computed from the papers, so it loses nothing.
    version: 4,
    stores: {
      followKeys: 'id, *keys',
    },
    upgrade: async (tx) => {
      const rows: FollowKeysRecord[] = [];
      await tx.table<Paper, string>('papers').each((p) => rows.push({ id: p.id, keys: paperFollowKeys(p) }));
      await tx.table<FollowKeysRecord, string>('followKeys').bulkPut(rows);
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** Opens (lazily) the database declared up to `upTo`; tests use older versions to check upgrades. */
export function createDb(name = DB_NAME, upTo = LATEST_VERSION): PapertabDB {
  const db = new Dexie(name) as PapertabDB;
  for (const s of SCHEMA_VERSIONS) {
    if (s.version > upTo) break;
    const v = db.version(s.version).stores(s.stores);
    if (s.upgrade) v.upgrade(s.upgrade);
  }
  return db;
}

let shared: PapertabDB | undefined;
/** The database this extension context uses. */
export function db(): PapertabDB {
  shared ??= createDb();
  return shared;
}
