/**
 * The `followKeys` table: each cached paper's lookup keys (lib/core/follow-keys.ts), so the papers
 * of the people and organizations followed are read through an index, not found by reading every
 * cached paper. Written only here, called in the same transaction as every write of the papers
 * table (lib/store/papers.ts, and the prune and clear that remove papers), so the keys always
 * describe the papers stored.
 */
import { paperFollowKeys } from '../core/follow-keys';
import type { Paper } from '../core/paper';
import type { PapertabDB } from './db';

/** Keys the papers as written (call inside the transaction that writes them). */
export async function putFollowKeys(db: PapertabDB, papers: readonly Paper[]): Promise<void> {
  if (!papers.length) return;
  await db.followKeys.bulkPut(papers.map((p) => ({ id: p.id, keys: paperFollowKeys(p) })));
}

/** Forgets the keys of papers removed from the cache (call inside the transaction that removes them). */
export async function deleteFollowKeys(db: PapertabDB, ids: readonly string[]): Promise<void> {
  if (ids.length) await db.followKeys.bulkDelete([...ids]);
}

export async function clearFollowKeys(db: PapertabDB): Promise<void> {
  await db.followKeys.clear();
}

/**
 * The ids of the cached papers holding any of `keys` (each once; the papers may match or not): one
 * index request per key, all in one transaction. (One `anyOf` walks the index with a cursor, a step
 * per entry: in Chromium 4 to 5 times slower at 60 to 5,000 keys, tools/bench/following-view.ts.)
 */
export async function idsWithKeys(db: PapertabDB, keys: readonly string[]): Promise<string[]> {
  if (!keys.length) return [];
  return db.transaction('r', db.followKeys, async () => {
    const lists = await Promise.all(keys.map((k) => db.followKeys.where('keys').equals(k).primaryKeys()));
    return [...new Set(lists.flat())];
  });
}
