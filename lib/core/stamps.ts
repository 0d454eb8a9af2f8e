/**
 * Edit times: the one rule for every time that enters from outside (a backup, another device's
 * synced record or setting), and the one rule for stamping an edit made here. Merges keep the later
 * edit, so a time far ahead (a device whose clock ran ahead, a hand-edited file) would outrank every
 * later edit; and a clock put back would make a new edit look older than the one it replaces.
 *
 * - Incoming times are clamped: never later than `now + CLOCK_SKEW_MS` (5 minutes).
 * - A local edit is stamped `max(now, previous + 1)`: always later than what it replaces.
 * - A paper coming back (Undo, import, saving again) is stamped later than its deletion.
 */
import type { SavedPaper } from './saved';

/** How far ahead of this device's clock an incoming time may be: clocks disagree by this much. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A time stored here this far ahead is garbage (written before times were clamped), not a stamp of
 * this device's clock put back: the next sync repairs it (`clampTimes`). Nearer, it is trusted.
 */
export const FAR_AHEAD_MS = 86_400_000;

/** An incoming time as this device will believe it: at most `now + CLOCK_SKEW_MS`; garbage is 0. */
export function clampTime(t: number, now: number): number {
  if (!Number.isFinite(t) || t < 0) return 0;
  return Math.min(Math.floor(t), now + CLOCK_SKEW_MS);
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

/** A record's times (and its paper's `fetchedAt`, when it has one) clamped as incoming. */
export function clampTimes<T extends Times & { paper?: { fetchedAt: number } }>(r: T, now: number): T {
  const c = (t: number) => clampTime(t, now);
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
 * now at least, and past its deletion's time (`deletedAt`, if it was deleted), so the return
 * outlives that deletion here and on every device the deletion reached.
 */
export function revived<T extends Times>(r: T, now: number, deletedAt?: number): T {
  const after = deletedAt === undefined ? now : nextStamp(deletedAt, now);
  return { ...r, updatedAt: Math.max(r.updatedAt, after) };
}
