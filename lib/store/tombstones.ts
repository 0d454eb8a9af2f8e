/**
 * Deletions from the reading list, remembered in `browser.storage.local` so that sync can tell the
 * other devices (absence from the synced list never deletes: the list may be truncated). Read by
 * anyone; written only by the reading list's owner (lib/store/reading-list.ts), a lint rule says so.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { canonicalPaperId, PAPER_ID_RE } from '../core/paper-id';

export const TOMBSTONES_KEY = 'syncTombstones';
/** Newest kept when a mass removal leaves more: bounds local storage, far beyond what sync can carry. */
export const MAX_TOMBSTONES = 10_000;
/** Deletions are remembered this long; a device offline for longer will not hear of them. */
export const TOMBSTONE_TTL_MS = 60 * 86_400_000;

export interface Tombstone {
  id: string;
  deletedAt: number;
}

/** The part of a `storage` area that sync uses: `browser.storage.local`/`.sync` or a test double. */
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/**
 * The latest deletion per id, as stamped: a deletion's time is never judged against this clock
 * (a removal from a clock ahead is a removal all the same, and any edit made after a device has
 * seen it is stamped later, `nextStamp`, so it wins). What a device decides by: no expiry, so a
 * clock far ahead never takes another device's recent removal for an expired one.
 */
export function latestDeletions(list: readonly Tombstone[]): Tombstone[] {
  return liveTombstones(list, -Infinity);
}

/** Tombstones younger than the TTL by this clock, one per id (the latest): what a device keeps. */
export function liveTombstones(list: readonly Tombstone[], now: number): Tombstone[] {
  const byId = new Map<string, Tombstone>();
  for (const t of list) {
    if (t.deletedAt < now - TOMBSTONE_TTL_MS) continue;
    const old = byId.get(t.id);
    if (!old || t.deletedAt > old.deletedAt) byId.set(t.id, t);
  }
  return [...byId.values()];
}

const Stored = v.array(
  v.object({
    id: v.pipe(v.string(), v.regex(PAPER_ID_RE), v.transform(canonicalPaperId)),
    deletedAt: v.pipe(v.number(), v.safeInteger()),
  }),
);

export async function readTombstones(local: StorageAreaLike = browser.storage.local): Promise<Tombstone[]> {
  const raw = (await local.get(TOMBSTONES_KEY))[TOMBSTONES_KEY];
  const parsed = v.safeParse(Stored, raw ?? []);
  return parsed.success ? parsed.output : [];
}

/** Stores the live tombstones (expired ones and duplicates dropped, newest first). */
export async function writeTombstones(
  list: readonly Tombstone[],
  now: number,
  local: StorageAreaLike = browser.storage.local,
): Promise<void> {
  const live = liveTombstones(list, now)
    .sort((a, b) => b.deletedAt - a.deletedAt)
    .slice(0, MAX_TOMBSTONES);
  await local.set({ [TOMBSTONES_KEY]: live });
}

/** Remembers deletions dated by the caller (later than the removed record's last change). */
export async function addTombstones(
  list: readonly Tombstone[],
  now = Date.now(),
  local: StorageAreaLike = browser.storage.local,
): Promise<void> {
  if (!list.length) return;
  const old = await readTombstones(local);
  await writeTombstones([...old, ...list], now, local);
}

/** Forgets the deletions of papers that came back (Undo, import, saving again). */
export async function clearTombstones(
  ids: readonly string[],
  now = Date.now(),
  local: StorageAreaLike = browser.storage.local,
): Promise<void> {
  if (!ids.length) return;
  const gone = new Set(ids);
  const old = await readTombstones(local);
  if (old.some((t) => gone.has(t.id)))
    await writeTombstones(
      old.filter((t) => !gone.has(t.id)),
      now,
      local,
    );
}

/** Deletions of these ids dated `now` (tests and tools; the reading list dates its own). */
export async function recordTombstones(
  ids: readonly string[],
  now = Date.now(),
  local: StorageAreaLike = browser.storage.local,
): Promise<void> {
  await addTombstones(
    ids.map((id) => ({ id, deletedAt: now })),
    now,
    local,
  );
}
