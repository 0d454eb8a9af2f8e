/**
 * Edit times: the one home of the rules for every time that enters from outside (a file, another
 * device's synced record, deletion or setting), and for stamping an edit made here. Merges keep the
 * later edit, so a time far ahead would outrank every later edit; and a clock put back would make a
 * new edit look older than the one it replaces.
 *
 * - A local edit is stamped `nextStamp(previous, now) = max(now, previous + 1)`: always later than
 *   what it replaces, whatever the clock says (Lamport-style). So a time ahead can never make a
 *   paper uneditable, and clamping only has to stop garbage.
 * - Times from a FILE (JSON backup, BibTeX) are clamped once, where they enter: at most
 *   `now + CLOCK_SKEW_MS` (5 minutes). They then are this device's stamps and travel unchanged.
 * - Times from SYNC (records, deletions, settings) were stamped by another device, whose clock may be
 *   off: they are kept as they are up to `now + SYNC_AHEAD_MS` and clamped beyond (a broken clock,
 *   garbage). Every device then sees the same number for the same edit, so "later" means the same
 *   thing everywhere. A synced deletion beyond that limit is garbage and deletes nothing.
 * - A paper coming back (Undo, import, saving again) is stamped, fields included, later than its
 *   deletion, so no copy that predates the deletion can lend it a field.
 */
import type { SavedPaper } from './saved';

/** How far ahead of this device's clock a time read from a file may be. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * How far apart two devices' clocks may be and sync still order edits by what the user did: each
 * clock up to a day off real time. Supported envelope of the "latest action wins" guarantee.
 */
export const DEVICE_CLOCK_TOLERANCE_MS = 2 * 86_400_000;

/**
 * How far ahead of this device's clock a synced time is believed: another device's clock may be
 * `DEVICE_CLOCK_TOLERANCE_MS` ahead, and its imports are stamped up to `CLOCK_SKEW_MS` past that.
 * Beyond, a time is garbage: clamped (records, settings) or ignored (deletions); a time stored here
 * beyond it (written before this rule) is repaired at the next sync.
 */
export const SYNC_AHEAD_MS = DEVICE_CLOCK_TOLERANCE_MS + CLOCK_SKEW_MS;

/** An incoming time as this device will believe it: at most `now + ahead`; garbage is 0. */
export function clampTime(t: number, now: number, ahead = CLOCK_SKEW_MS): number {
  if (!Number.isFinite(t) || t < 0) return 0;
  return Math.min(Math.floor(t), now + ahead);
}

/** A time from another device (sync) as this device will believe it. */
export function clampSynced(t: number, now: number): number {
  return clampTime(t, now, SYNC_AHEAD_MS);
}

/** Whether a synced time is beyond belief (a deletion dated so is ignored). */
export function beyondSync(t: number, now: number): boolean {
  return t > now + SYNC_AHEAD_MS;
}

/** The time for an edit made here at `now` that replaces one stamped `previous`. */
export function nextStamp(previous: number, now: number): number {
  return Math.max(now, previous + 1);
}

type Times = Pick<SavedPaper, 'savedAt' | 'updatedAt' | 'edited'>;

/** The latest moment anyone touched the record: what a deletion must be newer than to win. */
export function lastChange(r: Times): number {
  return Math.max(r.savedAt, r.updatedAt, r.edited.status, r.edited.tags, r.edited.note);
}

/**
 * A record's times (and its paper's `fetchedAt`, when it has one) clamped as incoming: from a file
 * by default, `SYNC_AHEAD_MS` for a synced one.
 */
export function clampTimes<T extends Times & { paper?: { fetchedAt: number } }>(
  r: T,
  now: number,
  ahead = CLOCK_SKEW_MS,
): T {
  const c = (t: number) => clampTime(t, now, ahead);
  const out: T = {
    ...r,
    savedAt: c(r.savedAt),
    updatedAt: c(r.updatedAt),
    edited: { status: c(r.edited.status), tags: c(r.edited.tags), note: c(r.edited.note) },
  };
  if (r.paper) out.paper = { ...r.paper, fetchedAt: c(r.paper.fetchedAt) };
  return out;
}

/**
 * A record put back on the list at `now` (Undo, import, saving again): its `updatedAt` moves to
 * now at least. If it was deleted (at `deletedAt`), its `updatedAt`, and the edit time of each field
 * unless `fields` is false, move past that deletion too: the return outlives the deletion on every
 * device it reached, and the returning values win over any copy that predates the deletion.
 * (Undo passes `fields: false`: it puts back the very record just removed, the newest copy there
 * is, so its edit times already outrank every copy that predates the deletion.)
 */
export function revived<T extends Times>(r: T, now: number, deletedAt?: number, fields = true): T {
  if (deletedAt === undefined) return { ...r, updatedAt: Math.max(r.updatedAt, now) };
  const after = nextStamp(deletedAt, now);
  if (!fields) return { ...r, updatedAt: Math.max(r.updatedAt, after) };
  const e = r.edited;
  return {
    ...r,
    updatedAt: Math.max(r.updatedAt, after),
    edited: { status: Math.max(e.status, after), tags: Math.max(e.tags, after), note: Math.max(e.note, after) },
  };
}
