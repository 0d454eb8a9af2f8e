/**
 * Merging the synced reading list into this device's. Papers new here arrive incomplete, with only
 * the start of their title, for `completeIncomplete` to fetch; papers on both sides keep the later
 * edit of each field (the rules of `mergeSaved`). A deletion is applied to each copy on its own,
 * before any merging: a copy last touched at or before it is dead and lends the merged record
 * nothing; a copy touched after (saved again, edited) lives. Absence never deletes: the synced list
 * may be cut short.
 */
import type { PapertabDB } from '../store/db';
import { applyToList } from '../store/reading-list';
import type { Paper } from '../core/paper';
import { EDITABLE_FIELDS, incomingEditWins, type SavedPaper } from '../core/saved';
import { latestDeletions, liveTombstones } from '../store/tombstones';
import { lastChange, type SyncPayload, type SyncRecord, type Tombstone } from './codec';

/** A paper known only by id and title: `fetchedAt` 0, so anything fetched later replaces it. */
export function placeholderPaper(id: string, title: string): Paper {
  return {
    id,
    title: title || `arXiv:${id}`,
    summary: '',
    authors: [],
    day: '',
    upvotes: 0,
    numComments: 0,
    aiKeywords: [],
    fetchedAt: 0,
  };
}

export function savedFromRemote(r: SyncRecord): SavedPaper {
  const { id, savedAt, status, tags, note, edited } = r;
  const updatedAt = lastChange(r);
  return {
    id,
    paper: placeholderPaper(id, r.title),
    savedAt,
    updatedAt,
    status,
    tags,
    note,
    edited: { ...edited },
    incomplete: true,
  };
}

/**
 * `mergeSaved`'s rules: per field `incomingEditWins` (the later edit; in the same millisecond the
 * greater JSON), `savedAt` the earlier, `updatedAt` the later.
 * Returns `old` itself when nothing changes.
 */
export function mergeRecord(old: SavedPaper, r: SyncRecord): SavedPaper {
  const next: SavedPaper = { ...old, edited: { ...old.edited } };
  let changed = false;
  for (const f of EDITABLE_FIELDS) {
    const [mine, theirs] = [JSON.stringify(old[f]), JSON.stringify(r[f])];
    if (incomingEditWins({ value: old[f], at: old.edited[f] }, { value: r[f], at: r.edited[f] })) {
      if (mine !== theirs || r.edited[f] !== old.edited[f]) changed = true;
      (next as unknown as Record<string, unknown>)[f] = r[f];
      next.edited[f] = r.edited[f];
    }
  }
  // A copy saved again after a deletion elsewhere keeps that later save in `updatedAt` (`savedAt`
  // keeps the first save): no tombstone in between may delete the merged record.
  const savedAt = Math.min(old.savedAt, r.savedAt);
  const updatedAt = Math.max(old.updatedAt, lastChange(r) > lastChange(old) ? lastChange(r) : r.updatedAt);
  if (savedAt !== old.savedAt || updatedAt !== old.updatedAt) changed = true;
  return changed ? { ...next, savedAt, updatedAt } : old;
}

export interface MergePlan {
  /** Records to write (new here or changed by the merge). */
  puts: SavedPaper[];
  /** Ids to delete here. */
  deletes: string[];
  /** This device's tombstones after the merge. */
  tombstones: Tombstone[];
  added: number;
  updated: number;
}

/**
 * What merging `remote` into this device's list changes. Pure and idempotent: planning again
 * over the result changes nothing.
 */
export function planMerge(
  local: readonly SavedPaper[],
  localTombstones: readonly Tombstone[],
  remote: SyncPayload,
  now: number,
): MergePlan {
  // Every deletion known here or there, the latest per paper. A local tombstone for a paper that is
  // here counts too: the paper came back after it (and then outlives it), or the worker stopped
  // between recording the deletion and deleting the row (and the deletion completes now).
  // Stamps are taken as they were stamped (lib/core/stamps.ts), and no deletion is taken for expired
  // here: a clock far ahead must not skip another device's recent removal.
  const tombstones = latestDeletions([...localTombstones, ...remote.tombstones]);
  const deletedAt = new Map(tombstones.map((t) => [t.id, t.deletedAt]));
  // A tie keeps the copy: of two equally recent stories, the one that loses nothing.
  const dead = (r: SavedPaper | SyncRecord) => (deletedAt.get(r.id) ?? -Infinity) > lastChange(r);

  const list = new Map<string, SavedPaper>();
  const changed = new Map<string, SavedPaper>();
  /** Copies here that a deletion overtook: deleted, unless the paper came back elsewhere. */
  const deadHere = new Map<string, SavedPaper>();
  for (const s of local) {
    if (dead(s)) {
      deadHere.set(s.id, s);
      continue;
    }
    list.set(s.id, s);
  }
  /** Papers here that the remote list changed (counted in `updated`). */
  const counted = new Set<string>();
  /** Papers whose synced copy a deletion killed: that deletion is still needed, even if the paper is back. */
  const killed = new Set<string>();
  let added = 0;
  let updated = 0;

  for (const r of remote.records) {
    // A copy that predates the paper's deletion is dead: it never lends a field to a paper that came back.
    if (dead(r)) {
      killed.add(r.id);
      continue;
    }
    const old = list.get(r.id);
    const gone = deadHere.get(r.id);
    if (old) {
      const merged = mergeRecord(old, r);
      if (merged !== old) {
        list.set(r.id, merged);
        if (!counted.has(r.id)) updated++;
        counted.add(r.id);
        changed.set(r.id, merged);
      }
    } else if (gone) {
      // Deleted here, came back elsewhere: the returning copy alone, on this device's paper.
      const back = savedFromRemote(r);
      const rec: SavedPaper = { ...gone, ...back, paper: gone.paper, incomplete: gone.incomplete };
      if (rec.incomplete === undefined) delete rec.incomplete;
      deadHere.delete(r.id);
      list.set(r.id, rec);
      changed.set(r.id, rec);
      updated++;
      counted.add(r.id);
    } else {
      const rec = savedFromRemote(r);
      list.set(r.id, rec);
      changed.set(r.id, rec);
      added++;
    }
  }

  return {
    puts: [...changed.values()],
    deletes: [...deadHere.keys()],
    // A deletion of a paper that is back is forgotten, unless it still kills a copy in the synced
    // list (forgotten, that copy would lend its fields at the next merge); the list this device
    // writes next holds the returning copy, so it is forgotten then.
    tombstones: liveTombstones(tombstones, now).filter((t) => !list.has(t.id) || killed.has(t.id)),
    added,
    updated,
  };
}

/** Applies the remote list to the database in one transaction (through the list's owner); returns what changed. */
export async function mergeIntoDb(
  db: PapertabDB,
  remote: SyncPayload,
  localTombstones: readonly Tombstone[],
  now: number,
): Promise<MergePlan> {
  return applyToList(db, async (read) => planMerge(await read(), localTombstones, remote, now), { now });
}
