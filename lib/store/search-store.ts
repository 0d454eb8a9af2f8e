/**
 * The stored search index: a compact index over the papers (`base`, lib/search/) and
 * a small `head` naming the papers written or removed since it was built. Whoever writes papers
 * notes their ids in the head in the same transaction (lib/store/papers.ts), so a page that loads
 * the index re-reads only those; the background folds them into a new base now and then.
 */
import type { PapertabDB } from './db';
import { dexieReads, type StoreReads } from './reads';
import type { Paper } from '../core/paper';
import { CARDS_FORMAT, type SearchIndexRecord, type StoredIndex } from '../search/stored';
import type { StoredCards } from '../search/cards';

export type { SearchIndexRecord, StoredIndex };

type Head = { key: 'head'; generation: number; changed: string[]; format?: number };

/** Past this many changed papers the background builds a new base (a page indexes them on load). */
export const FOLD_AFTER = 1000;

function head(db: PapertabDB): Promise<Head> {
  return headIn(dexieReads(db));
}

async function headIn(reads: StoreReads): Promise<Head> {
  const rec = await reads.searchRecord('head');
  return {
    key: 'head',
    generation: rec?.generation ?? 0,
    changed: rec?.changed ?? [],
    ...(rec?.format !== undefined && { format: rec.format }),
  };
}

/** Notes papers written or removed (call inside the transaction that writes them). */
export async function noteChangedPapers(db: PapertabDB, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const h = await head(db);
  // Appended even when already listed: a fold in flight keeps what was noted after it read the papers.
  await db.searchIndex.put({ ...h, changed: [...h.changed, ...new Set(ids)] });
}

export const removeFromSearchIndex = noteChangedPapers;

/** The cache was emptied: so is the index (a new generation, so a build in flight is not stored). */
export async function clearSearchIndex(db: PapertabDB): Promise<void> {
  const h = await head(db);
  await db.searchIndex.bulkDelete(['base', 'cards']);
  await db.searchIndex.put({ key: 'head', generation: h.generation + 1, changed: [] });
}

export interface LoadedSearch {
  generation: number;
  index?: StoredIndex;
  /** Papers written since the base was built (current copies), and ids removed since. */
  changed: Paper[];
  removed: string[];
}

/**
 * What a page needs to search: the base as stored and the papers changed since. Pages read the
 * index through `StoreReads` (raw IndexedDB, lib/store/raw-read.ts); the Dexie signature is the tests'.
 */
export function loadStoredSearch(from: PapertabDB | StoreReads): Promise<LoadedSearch> {
  const reads = readsOf(from);
  return reads.read(async () => {
    const h = await headIn(reads);
    const base = await reads.searchRecord('base');
    return { generation: h.generation, index: base?.index, ...(await resolve(reads, h.changed)) };
  });
}

const readsOf = (from: PapertabDB | StoreReads): StoreReads => ('searchRecord' in from ? from : dexieReads(from));

/** The display copies of the base of `generation` (stored apart: loaded after the index), if stored. */
export async function loadStoredCards(
  from: PapertabDB | StoreReads,
  generation: number,
): Promise<StoredCards | undefined> {
  const rec = await readsOf(from).searchRecord('cards');
  return rec?.generation === generation ? rec.cards : undefined;
}

/** The current copies of `ids`, and those no longer cached. */
export async function resolve(
  from: PapertabDB | StoreReads,
  listed: readonly string[],
): Promise<{ changed: Paper[]; removed: string[] }> {
  const ids = [...new Set(listed)];
  const papers = await readsOf(from).papers(ids);
  const changed: Paper[] = [];
  const removed: string[] = [];
  papers.forEach((p, i) => (p ? changed.push(p) : removed.push(ids[i]!)));
  return { changed, removed };
}

/** The ids changed since the base, and the base's generation (pages watch this small record). */
export async function searchHead(from: PapertabDB | StoreReads): Promise<{ generation: number; changed: string[] }> {
  const h = await headIn(readsOf(from));
  return { generation: h.generation, changed: h.changed };
}

/**
 * Builds a new base from every cached paper when the head has grown past `foldAfter` (or there is
 * no base yet, or one without display copies), and stores it unless the cache was cleared meanwhile. Papers written while it was
 * built stay in the head. Safe to stop at any point: nothing changes until the last transaction.
 */
export async function foldSearchIndex(
  db: PapertabDB,
  build: (papers: Paper[]) => StoredIndex,
  foldAfter = FOLD_AFTER,
): Promise<boolean> {
  const before = await db.transaction('r', [db.searchIndex, db.papers], async () => {
    const h = await head(db);
    const hasBase = (await db.searchIndex.where('key').equals('base').count()) > 0;
    // A base stored before the display copies (CARDS_FORMAT) is built again, once.
    const current = hasBase && h.format === CARDS_FORMAT;
    if (current ? h.changed.length < foldAfter : h.changed.length === 0 && (await db.papers.count()) === 0)
      return undefined;
    return { head: h, papers: await db.papers.toArray() };
  });
  if (!before) return false;
  const { cards, ...index } = build(before.papers);
  return db.transaction('rw', db.searchIndex, async () => {
    const now = await head(db);
    if (now.generation !== before.head.generation) return false;
    // Ids noted before the read are in the new base; those noted since (again or anew) stay in the head.
    const later = now.changed.slice(before.head.changed.length);
    await db.searchIndex.put({ key: 'base', generation: now.generation + 1, index });
    if (cards) await db.searchIndex.put({ key: 'cards', generation: now.generation + 1, cards });
    else await db.searchIndex.delete('cards');
    await db.searchIndex.put({ key: 'head', generation: now.generation + 1, changed: later, format: CARDS_FORMAT });
    return true;
  });
}
