import type { DBCoreTable, Dexie } from 'dexie';

/** What a table was asked for: rows read by key, and the reads that walk the table (a query or cursor). */
export interface Reads {
  byKey: number;
  walks: number;
}

/**
 * Counts the reads of one table from here on (call before the database opens). A query or a cursor
 * over the table is a walk: what reading "every cached paper" costs, whatever API asked for it.
 */
export function countReads(db: Dexie, table: string): Reads {
  const reads: Reads = { byKey: 0, walks: 0 };
  db.use({
    stack: 'dbcore',
    name: `count-reads-${table}`,
    create: (down) => ({
      ...down,
      table(name: string): DBCoreTable {
        const t = down.table(name);
        if (name !== table) return t;
        return {
          ...t,
          get: (req) => (reads.byKey++, t.get(req)),
          getMany: (req) => ((reads.byKey += req.keys.length), t.getMany(req)),
          query: (req) => (reads.walks++, t.query(req)),
          openCursor: (req) => (reads.walks++, t.openCursor(req)),
        };
      },
    }),
  });
  return reads;
}
