/**
 * The Following view: every cached paper by someone the user follows (a followed person or
 * organization, or a watched keyword), newest first: by the day it was featured, then by its
 * arXiv date.
 */
import type { Paper } from '../core/paper';
import type { PapertabDB } from '../store/db';
import type { CompiledWatch } from './watch';

export function newestFirst(a: Paper, b: Paper): number {
  return (
    b.day.localeCompare(a.day) ||
    (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') ||
    b.upvotes - a.upvotes ||
    a.id.localeCompare(b.id)
  );
}

/** One pass over the cache (a month is a few hundred papers, the whole archive some 20,000). */
export async function loadFollowing(db: PapertabDB, matcher: CompiledWatch): Promise<Paper[]> {
  if (matcher.empty) return [];
  const papers = await db.papers.filter((p) => matcher.match(p) !== undefined).toArray();
  return papers.sort(newestFirst);
}
