/**
 * Edit times: the one home of the rules for every time that enters from outside (a file, another
 * device's synced record, deletion or setting), for stamping an edit made here, and for deciding
 * which of two edits wins (`laterEditWins`, used by the reading list and the settings alike).
 *
 * The clock is hybrid logical, kept per item: an edit made here is stamped
 * `nextStamp(previous, now) = max(now, previous + 1)`, later than the stamp it replaces whatever
 * this clock says. A stamp from another device is judged once, when it is received, and kept as it
 * is from then on (never clamped again against a `now` that keeps moving): every device holds the
 * same number for the same edit, so every edit made after a device has seen a stamp is stamped later
 * and wins over it, on every device, for any clock error (a clock 3 or 365 days ahead or behind
 * included). Only times from a FILE (JSON backup, BibTeX) are clamped, once, where they enter: at
 * most `now + CLOCK_SKEW_MS`; they then are this device's stamps and travel unchanged.
 *
 * What no device can know is real time: two edits made apart (neither device having seen the
 * other's) are ordered by their stamps, so "the last wins" holds for them when they are further
 * apart than the two clocks' difference (README, "Never lose a paper").
 *
 * A paper coming back (Undo, import, saving again) is stamped, fields included, later than its
 * deletion, so no copy that predates the deletion can lend it a field.
 */

/** How far ahead of this device's clock a time read from a file may be. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * How far apart clocks may be before the options page says so: another device's writes dated more
 * than this ahead of this clock mean one of the two clocks is off (edits still keep their order).
 */
export const CLOCK_WARN_MS = 86_400_000;

/** An incoming time from a file as this device will believe it: at most `now + ahead`; garbage is 0. */
export function clampTime(t: number, now: number, ahead = CLOCK_SKEW_MS): number {
  if (!Number.isFinite(t) || t < 0) return 0;
  return Math.min(Math.floor(t), now + ahead);
}

/**
 * The one rule for two edits of the same thing (a saved paper's field, a setting), wherever two
 * copies meet (backup import, sync, two pages): the later stamp wins, and a tie (two different
 * values stamped in the same millisecond) goes to the greater JSON, so every device and every
 * import resolves it alike instead of each keeping its own.
 */
export function laterEditWins(held: { value: unknown; at: number }, incoming: { value: unknown; at: number }): boolean {
  if (incoming.at !== held.at) return incoming.at > held.at;
  return (JSON.stringify(incoming.value) ?? '') > (JSON.stringify(held.value) ?? '');
}

/** The time for an edit made here at `now` that replaces one stamped `previous`. */
export function nextStamp(previous: number, now: number): number {
  return Math.max(now, previous + 1);
}

/** A saved record's times (lib/core/saved.ts), named here so the stamps need no record type. */
type Times = { savedAt: number; updatedAt: number; edited: { status: number; tags: number; note: number } };

/** The latest moment anyone touched the record: what a deletion must be newer than to win. */
export function lastChange(r: Times): number {
  return Math.max(r.savedAt, r.updatedAt, r.edited.status, r.edited.tags, r.edited.note);
}

/** A record's times (and its paper's `fetchedAt`, when it has one) clamped as read from a file. */
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
