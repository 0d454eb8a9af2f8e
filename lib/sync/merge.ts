/**
 * Merging the synced reading list into this device's. Papers new here arrive incomplete, with only
 * the start of their title, for `completeIncomplete` to fetch; papers on both sides keep the later
 * edit of each field (the rules of `mergeSaved`); a deletion wins over a copy last touched before
 * it, and loses to one touched after (saved again, edited). Absence never deletes: the synced list
 * may be cut short.
 */
import type { PapertabDB } from '../store/db';
import type { Paper } from '../core/paper';
import { EDITABLE_FIELDS, incomingEditWins, type SavedPaper } from '../core/saved';
import { clampTime, clampTimes, FAR_AHEAD_MS } from '../core/stamps';
import {
  lastChange,
  liveTombstones,
  MAX_CLOCK_SKEW_MS,
  type SyncPayload,
  type SyncRecord,
  type Tombstone,
} from './codec';

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
  const list = new Map<string, SavedPaper>();
  const changed = new Map<string, SavedPaper>();
  for (const s of local) {
    // Times far ahead stored here (an import or sync before times were clamped) are repaired
    // first: else they would outrank every later edit, and travel on to every device. Nearer
    // ones are this device's own stamps (its clock may have gone back): kept.
    const far = lastChange(s) > now + FAR_AHEAD_MS || s.paper.fetchedAt > now + FAR_AHEAD_MS;
    const c = far ? clampTimes(s, now) : s;
    list.set(s.id, c);
    if (far) changed.set(s.id, c);
  }
  const wasHere = new Set(list.keys());
  /** Papers here that the remote list changed (counted in `updated`). */
  const counted = new Set<string>();
  // A local tombstone for a paper that is here was overtaken by the paper coming back here.
  const mine = new Map(
    liveTombstones(localTombstones, now)
      .filter((t) => !list.has(t.id))
      .map((t) => [t.id, t]),
  );
  let added = 0;
  let updated = 0;

  for (const raw of remote.records) {
    const r = clampTimes(raw, now);
    const old = list.get(r.id);
    if (old) {
      const merged = mergeRecord(old, r);
      if (merged !== old) {
        list.set(r.id, merged);
        if (!counted.has(r.id)) updated++;
        counted.add(r.id);
        changed.set(r.id, merged);
      }
    } else if ((mine.get(r.id)?.deletedAt ?? -Infinity) <= lastChange(r)) {
      const rec = savedFromRemote(r);
      list.set(r.id, rec);
      changed.set(r.id, rec);
      added++;
    }
  }

  const theirs = remote.tombstones
    .filter((t) => t.deletedAt <= now + MAX_CLOCK_SKEW_MS)
    .map((t) => ({ id: t.id, deletedAt: clampTime(t.deletedAt, now) }));
  const tombstones = liveTombstones([...mine.values(), ...theirs], now);
  const deletes: string[] = [];
  for (const t of tombstones) {
    const rec = list.get(t.id);
    // A tie keeps the paper (here and when adding above): of two equally recent stories, the one
    // that loses nothing.
    if (!rec || t.deletedAt <= lastChange(rec)) continue;
    list.delete(t.id);
    if (changed.delete(t.id)) {
      if (counted.delete(t.id)) updated--;
      else if (!wasHere.has(t.id)) added--;
    }
    if (wasHere.has(t.id)) deletes.push(t.id);
  }
  return {
    puts: [...changed.values()],
    deletes,
    tombstones: tombstones.filter((t) => !list.has(t.id)),
    added,
    updated,
  };
}

/** Applies the remote list to the database in one transaction; returns what changed. */
export async function mergeIntoDb(
  db: PapertabDB,
  remote: SyncPayload,
  localTombstones: readonly Tombstone[],
  now: number,
): Promise<MergePlan> {
  return db.transaction('rw', db.saved, async () => {
    const plan = planMerge(await db.saved.toArray(), localTombstones, remote, now);
    if (plan.puts.length) await db.saved.bulkPut(plan.puts);
    if (plan.deletes.length) await db.saved.bulkDelete(plan.deletes);
    return plan;
  });
}
