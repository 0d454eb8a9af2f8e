/**
 * Merging reading-list records that may have been edited in two places (an imported backup, later
 * sync): no paper twice, and for each editable field the later edit wins, so importing an old
 * backup never undoes newer changes and importing the same backup twice changes nothing.
 */
import { mergePaper } from '../core/paper';
import { EDITABLE_FIELDS, incomingEditWins, type SavedPaper } from '../core/saved';

/** Structural equality of plain JSON data; a key holding undefined counts as absent. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(rb, k) && same(ra[k], rb[k]));
}

/**
 * One record from two copies of the same paper. Status, tags and note each come from the copy
 * edited last (`incomingEditWins`, sync's rule); `savedAt` is the earlier, `updatedAt` the later;
 * `incomplete` stays only if both are. Returns `existing` itself when the merge changes nothing.
 */
export function mergeSaved(existing: SavedPaper | undefined, incoming: SavedPaper): SavedPaper {
  if (!existing) return incoming;
  if (existing.id !== incoming.id) throw new RangeError(`Cannot merge ${incoming.id} into ${existing.id}`);
  const merged: SavedPaper = {
    id: existing.id,
    paper: mergePaper(existing.paper, incoming.paper),
    savedAt: Math.min(existing.savedAt, incoming.savedAt),
    updatedAt: Math.max(existing.updatedAt, incoming.updatedAt),
    status: existing.status,
    tags: existing.tags,
    note: existing.note,
    edited: { ...existing.edited },
  };
  for (const field of EDITABLE_FIELDS) {
    const held = { value: existing[field], at: existing.edited[field] };
    if (incomingEditWins(held, { value: incoming[field], at: incoming.edited[field] })) {
      // TypeScript cannot pair the field with its own type across the union, hence the casts.
      (merged as unknown as Record<string, unknown>)[field] = incoming[field];
      merged.edited[field] = incoming.edited[field];
    }
  }
  if (existing.incomplete && incoming.incomplete) merged.incomplete = true;
  const unchanged = same(
    { ...merged, incomplete: !!merged.incomplete },
    { ...existing, incomplete: !!existing.incomplete },
  );
  return unchanged ? existing : merged;
}

export interface MergeResult {
  /** The whole list: existing records (merged in place, same order), then new ones in incoming order. */
  merged: SavedPaper[];
  /** Papers that were not in the list. */
  added: number;
  /** Papers in the list that the merge changed. */
  updated: number;
  /** Papers in the list that the merge left exactly as they were. */
  unchanged: number;
}

/** Merges a batch (an imported backup) into the list; a paper repeated in `incoming` is counted once. */
export function mergeAll(existing: readonly SavedPaper[], incoming: readonly SavedPaper[]): MergeResult {
  const byId = new Map<string, SavedPaper>();
  for (const s of existing) byId.set(s.id, mergeSaved(byId.get(s.id), s));
  const before = new Map(byId);
  for (const s of incoming) byId.set(s.id, mergeSaved(byId.get(s.id), s));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const id of new Set(incoming.map((s) => s.id))) {
    const old = before.get(id);
    if (!old) added++;
    else if (byId.get(id) === old) unchanged++;
    else updated++;
  }
  return { merged: [...byId.values()], added, updated, unchanged };
}
