/**
 * Deletions from the reading list, remembered in `browser.storage.local` so that sync can tell the
 * other devices (absence from the synced list never deletes: the list may be truncated).
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { PAPER_ID_RE } from '../core/paper-id';
import { decodeList, liveTombstones, type Tombstone } from './codec';

export const TOMBSTONES_KEY = 'syncTombstones';
/** Newest kept when a mass removal leaves more: bounds local storage, far beyond what sync can carry. */
export const MAX_TOMBSTONES = 10_000;

/** The part of a `storage` area that sync uses: `browser.storage.local`/`.sync` or a test double. */
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const Stored = v.array(
  v.object({ id: v.pipe(v.string(), v.regex(PAPER_ID_RE)), deletedAt: v.pipe(v.number(), v.safeInteger()) }),
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

/** Call after papers leave the reading list (remove, bulk remove), with the ids removed. */
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

/**
 * When each of these papers was last deleted, as far as this device can tell: its own tombstones,
 * and those in the synced list (a deletion on another device this one has not merged yet).
 */
export async function deletionTimes(
  ids: readonly string[],
  now = Date.now(),
  local: StorageAreaLike = browser.storage.local,
  area: StorageAreaLike = browser.storage.sync,
): Promise<Map<string, number>> {
  const wanted = new Set(ids);
  const out = new Map<string, number>();
  if (!wanted.size) return out;
  const synced = await area
    .get(null)
    .then((items) => decodeList(items, now))
    .then((d) => (d.state === 'ok' ? d.payload.tombstones : []))
    // No readable synced list (sync unavailable, garbage): this device's own deletions still count.
    .catch(() => []);
  for (const t of liveTombstones([...(await readTombstones(local)), ...synced], now))
    if (wanted.has(t.id)) out.set(t.id, t.deletedAt);
  return out;
}

/** Call when papers come back (Undo, import, saving again): their deletion must not travel any more. */
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
