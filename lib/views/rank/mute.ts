/**
 * Muted keywords, authors and organizations: papers matching any are hidden everywhere papers are
 * listed, like papers below the minimum upvotes. Matching is the watch list's (whole words, no
 * case or accents).
 */
import type { Paper } from '../../core/paper';
import { compileWatch, type WatchList } from '../watch';

export interface Hider {
  /** Whether the paper is muted or marked "Not interested". */
  hides(paper: Paper): boolean;
  empty: boolean;
}

export function compileHider(mutes: WatchList, notInterested: readonly string[]): Hider {
  const muted = compileWatch(mutes);
  const ids = new Set(notInterested);
  const empty = muted.empty && ids.size === 0;
  return { empty, hides: (p) => !empty && (ids.has(p.id) || muted.match(p) !== undefined) };
}
