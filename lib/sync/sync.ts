/**
 * One sync of the reading list through `browser.storage.sync`: read the synced list, merge it into
 * this device's, and write the result back when it differs (writes are rationed: 120 a minute,
 * 1,800 an hour). The outcome is kept in `browser.storage.local` for the options page.
 */
import { browser } from 'wxt/browser';
import type { PapertabDB } from '../store/db';
import { t, tn } from '../core/i18n';
import { settleTombstones } from '../store/reading-list';
import { itemBytes } from './bytes';
import { readSyncStatus, syncDigest, unchanged, SYNC_STATUS_KEY, SYNCED_DIGEST_KEY, type SyncStatus } from './status';
import {
  chunkIndex,
  decodeList,
  encodeList,
  liveTombstones,
  LIST_BUDGET_BYTES,
  META_KEY,
  QUOTA_BYTES,
  toSyncRecord,
  type DecodedList,
  type EncodedList,
  type SyncPayload,
  type Tombstone,
} from './codec';
import { mergeIntoDb } from './merge';
import { CLOCK_WARN_MS, lastChange } from '../core/stamps';
import { readTombstones, type StorageAreaLike } from './tombstones';

/** Room left in the sync area for writes by others between our read and our write. */
const SAFETY_BYTES = 1024;

export interface SyncOptions {
  /** The user's switch (on by default): off, the sync area is neither read nor written. */
  enabled?: boolean;
  /** The reading list's share of the sync area (tests shrink it). */
  budgetBytes?: number;
  /** A note about the settings' sync, shown with the reading list's status. */
  note?: string;
}

type QuotaKind = 'size' | 'rate' | undefined;

/** Chrome names the quota in its message (`QUOTA_BYTES`, `Resource::kQuotaBytes`); Firefox says QuotaExceededError. */
function quotaKind(err: unknown): QuotaKind {
  const message = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  if (/MAX_WRITE_OPERATIONS|MaxWriteOperations/i.test(message)) return 'rate';
  if (/quota/i.test(message)) return 'size';
  return undefined;
}

function describe(err: unknown): string {
  const kind = quotaKind(err);
  if (kind === 'rate') return t('syncErrRate');
  if (kind === 'size') return t('syncErrFull');
  return t('syncErrBrowser', err instanceof Error ? err.message : String(err));
}

async function writeList(
  area: StorageAreaLike,
  remote: Record<string, unknown>,
  decoded: DecodedList,
  payload: SyncPayload,
  opts: SyncOptions,
  now: number,
): Promise<{ encoded: EncodedList; wrote: boolean }> {
  const others = Object.entries(remote)
    .filter(([k]) => k !== META_KEY && chunkIndex(k) === undefined)
    .reduce((sum, [k, value]) => sum + itemBytes(k, value), 0);
  let budget = Math.min(opts.budgetBytes ?? LIST_BUDGET_BYTES, QUOTA_BYTES - others - SAFETY_BYTES);
  let keys = Object.keys(remote);
  let shrinks = 0;
  // Every deletion the area holds is written again (merged here, it is in `payload`, or the paper
  // came back): a write never drops another device's deletion to make room. (A paper's record may
  // give way to newer ones: absence deletes nothing.)
  const held = new Set(decoded.state === 'ok' ? decoded.payload.tombstones.map((e) => e.id) : []);
  for (;;) {
    const encoded = await encodeList(payload, { now, budgetBytes: budget, held });
    if (encoded.short) throw new Error(`QUOTA_BYTES: ${t('syncErrFull')}`);
    if (decoded.state === 'ok' && decoded.meta.hash === encoded.meta.hash) return { encoded, wrote: false };
    if (decoded.state === 'empty' && !payload.records.length && !payload.tombstones.length) {
      return { encoded, wrote: false };
    }
    const stale = keys.filter((k) => (chunkIndex(k) ?? -1) >= encoded.meta.chunks);
    try {
      // One `set` for the manifest and all chunks: one write operation, applied together.
      await area.set(encoded.items);
    } catch (err) {
      if (quotaKind(err) !== 'size') throw err;
      if (stale.length) {
        // The tail of our previous, longer write took the room: free it and try the same again.
        await area.remove(stale);
        keys = keys.filter((k) => !stale.includes(k));
      } else if (++shrinks <= 4) {
        // Someone else's items took it (written since we read): ask for less.
        budget = Math.floor(encoded.bytes * 0.75);
      } else throw err;
      continue;
    }
    // Left over, stale chunks only waste room (readers stop at `chunks`): the next sync retries.
    if (stale.length) await area.remove(stale).catch(() => undefined);
    return { encoded, wrote: true };
  }
}

async function run(
  db: PapertabDB,
  area: StorageAreaLike,
  local: StorageAreaLike,
  now: number,
  opts: SyncOptions,
): Promise<SyncStatus> {
  const base = unchanged(await readSyncStatus(local), await db.saved.count(), now);
  if (opts.enabled === false) return { ...base, ok: true, enabled: false };

  let remote: Record<string, unknown>;
  try {
    remote = await area.get(null);
  } catch (err) {
    return { ...base, ok: false, error: t('syncErrRead', describe(err)) };
  }
  const decoded = await decodeList(remote, now);
  if (decoded.state === 'newer') {
    // Never overwrite what a newer version wrote: it would undo that device's format.
    return { ...base, ok: false, error: t('syncErrNewer') };
  }
  let warning: string | undefined;
  if (decoded.state === 'unreadable') {
    warning = t('syncWarnReplaced', decoded.reason);
  } else if (decoded.state === 'ok' && decoded.dropped) {
    warning = tn(decoded.dropped, 'syncWarnSkippedOne', 'syncWarnSkippedOther');
  }
  const incoming: SyncPayload = decoded.state === 'ok' ? decoded.payload : { records: [], tombstones: [] };
  const ahead = decoded.state === 'ok' ? clockLead(decoded, now) : 0;
  if (ahead > CLOCK_WARN_MS) {
    const days = Math.round(ahead / 86_400_000) || 1;
    warning = [warning, tn(days, 'syncClockOffOne', 'syncClockOffOther')].filter(Boolean).join(' ');
  }

  const before = await readTombstones(local);
  const plan = await mergeIntoDb(db, incoming, before, now);

  // Deletions recorded while we merged are kept; tombstones of papers present here are spent.
  const stamp = (t: Tombstone) => `${t.id}@${t.deletedAt}`;
  const seen = new Set(before.map(stamp));
  const meanwhile = (await readTombstones(local)).filter((t) => !seen.has(stamp(t)));
  const saved = await db.saved.toArray();
  const present = new Set(saved.map((s) => s.id));
  const tombstones = liveTombstones([...plan.tombstones, ...meanwhile], now).filter((t) => !present.has(t.id));
  await settleTombstones(tombstones, now, local);

  const changes = { added: plan.added, updated: plan.updated, deleted: plan.deletes.length, total: saved.length };
  try {
    const payload = { records: saved.map(toSyncRecord), tombstones };
    const { encoded, wrote } = await writeList(area, remote, decoded, payload, opts, now);
    const { syncedCount, complete } = encoded;
    if (encoded.tooLarge.length) {
      const titles = saved.filter((s) => encoded.tooLarge.includes(s.id)).map((s) => `“${s.paper.title}”`);
      warning = [warning, tn(titles.length, 'syncWarnTooLargeOne', 'syncWarnTooLargeOther', titles.join(', '))]
        .filter(Boolean)
        .join(' ');
    }
    // The list as it now stands in the sync area: what the options page counts pending edits from.
    await local.set({ [SYNCED_DIGEST_KEY]: Object.fromEntries(saved.map((s) => [s.id, syncDigest(s)])) });
    return { ...base, ...changes, ok: true, syncedCount, complete, lastSyncAt: now, wrote, warning };
  } catch (err) {
    // The merge above stands: this device is up to date, only the others will wait.
    return { ...base, ...changes, ok: false, error: t('syncErrWrite', describe(err)), warning };
  }
}

/**
 * How far the synced list's newest stamp (or its last write) is ahead of this clock: more than a
 * day means this clock or another device's is off. Edits keep their order anyway (stamps are
 * taken as stamped, lib/core/stamps.ts); the options page says so, so the user can fix the clock.
 */
function clockLead(decoded: Extract<DecodedList, { state: 'ok' }>, now: number): number {
  const { records, tombstones } = decoded.payload;
  const newest = Math.max(
    decoded.meta.updatedAt,
    ...records.map((r) => lastChange(r)),
    ...tombstones.map((t) => t.deletedAt),
  );
  return newest - now;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Syncs the reading list now; calls are queued, never run side by side. Returns the status, also
 * stored under `syncStatus` in `local`.
 */
export function syncNow(
  db: PapertabDB,
  area: StorageAreaLike = browser.storage.sync,
  local: StorageAreaLike = browser.storage.local,
  now = Date.now(),
  opts: SyncOptions = {},
): Promise<SyncStatus> {
  const next = queue.then(async () => {
    let status: SyncStatus;
    try {
      status = await run(db, area, local, now, opts);
    } catch (err) {
      // The database or local storage failed: report it like any other failed sync.
      const previous = await readSyncStatus(local).catch(() => undefined);
      status = {
        ...unchanged(previous, previous?.total ?? 0, now),
        ok: false,
        error: t('syncErrLocal', err instanceof Error ? err.message : String(err)),
      };
    }
    if (opts.note) status = { ...status, warning: [status.warning, opts.note].filter(Boolean).join(' ') };
    // Storage areas drop keys holding undefined unevenly across browsers: leave them out.
    await local.set({ [SYNC_STATUS_KEY]: JSON.parse(JSON.stringify(status)) as SyncStatus });
    return status;
  });
  queue = next.catch(() => undefined);
  return next;
}
