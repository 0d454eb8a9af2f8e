/**
 * The Following view: every cached paper by someone the user follows (a followed person or
 * organization, or a watched keyword), newest first: by the day it was featured, then by its
 * arXiv date.
 */
import type { Paper } from '../core/paper';
import type { PapertabDB } from '../store/db';
import { idsWithKeys } from '../store/follow-keys';
import type { CompiledInterests } from './follow-match';

export function newestFirst(a: Paper, b: Paper): number {
  return (
    b.day.localeCompare(a.day) ||
    (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') ||
    b.upvotes - a.upvotes ||
    a.id.localeCompare(b.id)
  );
}

/**
 * When reading the follows' candidates one by one costs more than one read of the whole table
 * (measured in Chromium at 30,000 papers, tools/bench/following-view.ts): a paper read by id costs
 * 1.2 to 1.6 times a paper of the whole-table read, and finding the candidates about half a
 * millisecond a key. So the table is read once when the keys are more than a tenth of the papers
 * (the lookup alone would cost about what the read does), or when they find more than half of them.
 */
export interface ReadPlan {
  /** The most keys, per cached paper, worth looking up. */
  keysShare: number;
  /** The most candidates, per cached paper, worth reading by id. */
  scanShare: number;
}
export const READ_PLAN: ReadPlan = { keysShare: 1 / 10, scanShare: 1 / 2 };

/** Reads the papers to match: the candidates by id, or the whole table when they are most of it. */
export async function followingCandidates(
  db: PapertabDB,
  keys: readonly string[],
  plan: ReadPlan = READ_PLAN,
): Promise<Paper[]> {
  return db.transaction('r', db.papers, db.followKeys, async () => {
    const total = await db.papers.count();
    if (keys.length > plan.keysShare * total) return db.papers.toArray();
    const ids = await idsWithKeys(db, keys);
    if (ids.length > plan.scanShare * total) return db.papers.toArray();
    return (await db.papers.bulkGet(ids)).filter((p): p is Paper => !!p);
  });
}

/**
 * Reads the papers the follows' keys find (an index over who wrote each paper), or the whole table
 * when that costs less (`READ_PLAN`), then lets the matcher decide. Watched keywords have no index:
 * with any, the view reads the whole cache.
 */
export async function loadFollowing(
  db: PapertabDB,
  matcher: CompiledInterests,
  plan: ReadPlan = READ_PLAN,
): Promise<Paper[]> {
  if (matcher.empty) return [];
  const read = matcher.keywords ? await db.papers.toArray() : await followingCandidates(db, matcher.keys, plan);
  return read.filter((p) => matcher.match(p) !== undefined).sort(newestFirst);
}
