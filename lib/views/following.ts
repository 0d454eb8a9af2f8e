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
 * Reads only the papers the follows' keys find (an index over who wrote each paper), then lets the
 * matcher decide. Watched keywords have no index: with any, the view reads the whole cache.
 */
export async function loadFollowing(db: PapertabDB, matcher: CompiledInterests): Promise<Paper[]> {
  if (matcher.empty) return [];
  const papers = matcher.keywords
    ? await db.papers.filter((p) => matcher.match(p) !== undefined).toArray()
    : (await db.papers.bulkGet(await idsWithKeys(db, matcher.keys))).filter(
        (p): p is Paper => !!p && matcher.match(p) !== undefined,
      );
  return papers.sort(newestFirst);
}
