/**
 * What the last sync of the reading list came to, as kept in `browser.storage.local` for the
 * options page (lib/sync/sync.ts writes it), and which papers have changed here since.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { t } from '../core/i18n';
import type { SavedPaper } from '../core/saved';
import { contentHash } from './bytes';
import type { StorageAreaLike } from './tombstones';

export const SYNC_STATUS_KEY = 'syncStatus';
/** What each paper was (a digest of what syncs of it) when the list last synced: edits since are pending. */
export const SYNCED_DIGEST_KEY = 'syncedDigest';

/** A short fingerprint of what syncs of a paper (the user's fields and their times). */
export function syncDigest(s: SavedPaper): string {
  const { savedAt, updatedAt, status, tags, note, edited } = s;
  return contentHash(JSON.stringify([savedAt, updatedAt, status, tags, note, edited.status, edited.tags, edited.note]));
}

/** Papers saved, edited or removed here since the last sync: one change each. */
export function pendingChanges(saved: readonly SavedPaper[], synced: Record<string, string>): number {
  let n = 0;
  const here = new Set<string>();
  for (const s of saved) {
    here.add(s.id);
    if (synced[s.id] !== syncDigest(s)) n++;
  }
  for (const id of Object.keys(synced)) if (!here.has(id)) n++;
  return n;
}

export async function readSyncedDigest(
  local: StorageAreaLike = browser.storage.local,
): Promise<Record<string, string>> {
  const r = v.safeParse(v.record(v.string(), v.string()), (await local.get(SYNCED_DIGEST_KEY))[SYNCED_DIGEST_KEY]);
  return r.success ? r.output : {};
}
export interface SyncStatus {
  ok: boolean;
  enabled: boolean;
  /** Papers in the synced list, and on this device: fewer synced means the list was too large. */
  syncedCount: number;
  total: number;
  complete: boolean;
  /** The last sync that succeeded (kept when a later one fails). */
  lastSyncAt?: number;
  /** When this attempt ran. */
  at: number;
  /** What this sync changed here, and whether it wrote to the sync area. */
  added: number;
  updated: number;
  deleted: number;
  wrote: boolean;
  /** Why the sync failed (nothing was changed here). */
  error?: string;
  /** Something the user may want to know although the sync went through. */
  warning?: string;
}

/** A sync at `now` that changed nothing (yet), carrying over what the previous one knew. */
export function unchanged(previous: SyncStatus | undefined, total: number, now: number): Omit<SyncStatus, 'ok'> {
  return {
    enabled: true,
    syncedCount: previous?.syncedCount ?? 0,
    total,
    complete: previous?.complete ?? true,
    lastSyncAt: previous?.lastSyncAt,
    at: now,
    added: 0,
    updated: 0,
    deleted: 0,
    wrote: false,
  };
}

const StoredStatus = v.object({
  ok: v.boolean(),
  enabled: v.boolean(),
  syncedCount: v.number(),
  total: v.number(),
  complete: v.boolean(),
  lastSyncAt: v.optional(v.number()),
  at: v.number(),
  added: v.number(),
  updated: v.number(),
  deleted: v.number(),
  wrote: v.boolean(),
  error: v.optional(v.string()),
  warning: v.optional(v.string()),
});

export async function readSyncStatus(local: StorageAreaLike = browser.storage.local): Promise<SyncStatus | undefined> {
  const r = v.safeParse(StoredStatus, (await local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY]);
  return r.success ? r.output : undefined;
}

/** What the options page says about the last sync. */
export function syncSummary(s: SyncStatus): string {
  if (!s.enabled) return t('syncOff');
  if (!s.ok) return t('syncFailed', s.error ?? '');
  const what = s.complete ? t('syncAll', s.total) : t('syncPartial', s.syncedCount, s.total);
  return s.warning ? `${what} ${s.warning}` : what;
}
