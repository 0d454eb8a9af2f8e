/**
 * Deletions as sync sees them: this device's (lib/store/tombstones.ts, written only by the reading
 * list's owner) and those still in the synced list.
 */
import { browser } from 'wxt/browser';
import { decodeList } from './codec';
import { latestDeletions, readTombstones, type StorageAreaLike } from '../store/tombstones';

export {
  MAX_TOMBSTONES,
  readTombstones,
  recordTombstones,
  TOMBSTONES_KEY,
  type StorageAreaLike,
  type Tombstone,
} from '../store/tombstones';

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
  for (const t of latestDeletions([...(await readTombstones(local)), ...synced]))
    if (wanted.has(t.id)) out.set(t.id, t.deletedAt);
  return out;
}
