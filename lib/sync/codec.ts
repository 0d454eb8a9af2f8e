/**
 * The reading list as it travels through `browser.storage.sync`: compact records (no paper
 * metadata beyond a short title: the other device fetches the rest), tombstones for deletions,
 * serialized, deflated, base64-encoded and cut into items under the per-item quota, with a
 * manifest (`rl:meta`) whose hash ties the chunks of one write together. Pure: no browser calls.
 */
import * as v from 'valibot';
import { t } from '../core/i18n';
import { canonicalPaperId, PAPER_ID_RE } from '../core/paper-id';
import type { ReadingStatus, SavedPaper } from '../core/saved';
import { singleLine } from '../core/single-line';
import { lastChange } from '../core/stamps';
import { latestDeletions, type Tombstone } from '../store/tombstones';
import { fitEntries } from './fit';
import { canCompress, contentHash, decodeBytes, encodeBytes, itemBytes, type Encoding } from './bytes';

export const FORMAT_VERSION = 1;
/** The synced list's items: its manifest and its numbered chunks. */
export const LIST_PREFIX = 'rl:';
export const META_KEY = `${LIST_PREFIX}meta`;
export const chunkKey = (i: number) => `${LIST_PREFIX}${i}`;
/** The chunk's number a sync item's key names, or undefined when it is no chunk of the list. */
export function chunkIndex(key: string): number | undefined {
  const n = key.startsWith(LIST_PREFIX) ? key.slice(LIST_PREFIX.length) : '';
  return /^\d+$/.test(n) ? Number(n) : undefined;
}

/** Chrome's and Firefox's `storage.sync` quotas. */
export const QUOTA_BYTES = 102_400;
export const QUOTA_BYTES_PER_ITEM = 8_192;
export const MAX_ITEMS = 512;
/** Base64 characters per chunk: with its key and quotes an item stays ~280 bytes under the per-item quota. */
export const CHUNK_CHARS = 7_900;
/** The reading list's share of the sync area; settings and the manifest's neighbours get the rest. */
export const LIST_BUDGET_BYTES = 90 * 1024;
export const TITLE_CHARS = 80;
const MAX_CHUNKS = Math.ceil(QUOTA_BYTES / CHUNK_CHARS);

/** What syncs of one saved paper. */
export interface SyncRecord {
  id: string;
  savedAt: number;
  updatedAt: number;
  status: ReadingStatus;
  tags: string[];
  note: string;
  edited: SavedPaper['edited'];
  /** The start of the title, shown until the other device has fetched the paper. */
  title: string;
}

export interface SyncPayload {
  records: SyncRecord[];
  tombstones: Tombstone[];
}

export interface SyncMeta {
  version: number;
  enc: Encoding;
  chunks: number;
  /** Hash of the serialized list before compression: equal hashes mean equal content. */
  hash: string;
  updatedAt: number;
  truncated: { kept: number; total: number };
}

export { lastChange } from '../core/stamps';
export { liveTombstones, TOMBSTONE_TTL_MS, type Tombstone } from '../store/tombstones';

/** The first `TITLE_CHARS` code points (never half an emoji). */
export function shortTitle(title: string): string {
  return [...title].slice(0, TITLE_CHARS).join('');
}

export function toSyncRecord(s: SavedPaper): SyncRecord {
  const { id, savedAt, updatedAt, status, tags, note, edited } = s;
  return { id, savedAt, updatedAt, status, tags, note, edited: { ...edited }, title: shortTitle(s.paper.title) };
}

// --- wire format --------------------------------------------------------------------------------
// Records are tuples and edit times are offsets from `savedAt` (mostly 0): half the size of
// objects with absolute times even after deflate.

const STATUS_CODES: readonly ReadingStatus[] = ['to-read', 'reading', 'read'];
type RecordTuple = [string, number, number, string[], string, number, number, number, number, string];

function toTuple(r: SyncRecord): RecordTuple {
  const d = (t: number) => t - r.savedAt;
  const { edited: e } = r;
  return [
    r.id,
    r.savedAt,
    STATUS_CODES.indexOf(r.status),
    r.tags,
    r.note,
    d(r.updatedAt),
    d(e.status),
    d(e.tags),
    d(e.note),
    r.title,
  ];
}

const Timestamp = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(8.64e15));
const Offset = v.pipe(v.number(), v.safeInteger());
/** A paper's key, canonical: an old-style id with its subject class (from an older version) is the id without it. */
const Id = v.pipe(v.string(), v.regex(PAPER_ID_RE), v.transform(canonicalPaperId));
const str = (max: number) => v.pipe(v.string(), v.maxLength(max));

const RecordSchema = v.pipe(
  v.tuple([
    Id,
    Timestamp,
    v.picklist([0, 1, 2]),
    v.pipe(v.array(str(200)), v.maxLength(1000)),
    str(100_000),
    Offset,
    Offset,
    Offset,
    Offset,
    str(TITLE_CHARS * 2),
  ]),
  v.transform(([id, savedAt, code, tags, note, u, s, t, n, title]): SyncRecord => ({
    id,
    savedAt,
    updatedAt: savedAt + u,
    status: STATUS_CODES[code]!,
    tags: tags.map((tag) => singleLine(tag)),
    note,
    edited: { status: savedAt + s, tags: savedAt + t, note: savedAt + n },
    title: singleLine(title),
  })),
  v.check((r) => [r.updatedAt, r.edited.status, r.edited.tags, r.edited.note].every((x) => x >= 0 && x <= 8.64e15)),
);
const TombstoneSchema = v.pipe(
  v.tuple([Id, Timestamp]),
  v.transform(([id, deletedAt]): Tombstone => ({ id, deletedAt })),
);
const WireSchema = v.object({
  p: v.pipe(v.array(v.unknown()), v.maxLength(100_000)),
  d: v.pipe(v.array(v.unknown()), v.maxLength(100_000)),
});

const MetaSchema = v.object({
  version: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  enc: v.picklist(['deflate-raw', 'none']),
  chunks: v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(MAX_CHUNKS)),
  hash: v.pipe(v.string(), v.maxLength(64)),
  updatedAt: Timestamp,
  truncated: v.object({ kept: v.pipe(v.number(), v.minValue(0)), total: v.pipe(v.number(), v.minValue(0)) }),
});

function serialize(records: readonly SyncRecord[], tombstones: readonly Tombstone[]): string {
  return JSON.stringify({ p: records.map(toTuple), d: tombstones.map((t) => [t.id, t.deletedAt]) });
}

// --- encoding -----------------------------------------------------------------------------------

export interface EncodedList {
  /** Every item to `set`: the manifest and chunks `rl:0`… */
  items: Record<string, unknown>;
  meta: SyncMeta;
  /** The items' size as the quota counts it. */
  bytes: number;
  /** Papers in the encoded list, and papers in the whole list. */
  syncedCount: number;
  total: number;
  complete: boolean;
  tombstonesKept: number;
  /** Papers left out because each alone is too large to sync. */
  tooLarge: string[];
  /** Even the papers the area held do not fit: this write must not happen. */
  short: boolean;
}

type Entry = { at: number; id: string } & ({ record: SyncRecord } | { tombstone: Tombstone });

async function build(entries: readonly Entry[], total: number, encoding: Encoding, now: number) {
  const records: SyncRecord[] = [];
  const tombstones: Tombstone[] = [];
  for (const e of entries)
    if ('record' in e) records.push(e.record);
    else tombstones.push(e.tombstone);
  const text = serialize(records, tombstones);
  const base64 = await encodeBytes(text, encoding);
  const chunks = Math.max(1, Math.ceil(base64.length / CHUNK_CHARS));
  const meta: SyncMeta = {
    version: FORMAT_VERSION,
    enc: encoding,
    chunks,
    hash: contentHash(text),
    updatedAt: now,
    truncated: { kept: records.length, total },
  };
  const items: Record<string, unknown> = { [META_KEY]: meta };
  for (let i = 0; i < chunks; i++) items[chunkKey(i)] = base64.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  const bytes = Object.entries(items).reduce((sum, [k, value]) => sum + itemBytes(k, value), 0);
  return { items, meta, bytes, syncedCount: records.length, total, tombstonesKept: tombstones.length };
}

/**
 * Encodes the list within `budgetBytes`. When it does not fit whole (`fitEntries`): a paper too
 * large to share the area is left out and named, every paper the area `held` is written again,
 * and the rest goes newest first (papers and tombstones by their last change), cut where the
 * budget ends.
 */
export async function encodeList(
  payload: SyncPayload,
  opts: { now: number; budgetBytes?: number; encoding?: Encoding; held?: ReadonlySet<string> },
): Promise<EncodedList> {
  const budget = opts.budgetBytes ?? LIST_BUDGET_BYTES;
  const encoding = opts.encoding ?? (canCompress() ? 'deflate-raw' : 'none');
  const entries: Entry[] = [
    ...payload.records.map((record) => ({ at: lastChange(record), id: record.id, record })),
    ...payload.tombstones.map((tombstone) => ({ at: tombstone.deletedAt, id: tombstone.id, tombstone })),
  ].sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const total = payload.records.length;
  const measure = async (es: readonly Entry[]) => (await build(es, total, encoding, opts.now)).bytes;
  if ((await measure([])) > budget)
    throw new RangeError(`A sync budget of ${budget} bytes cannot hold even an empty list`);
  const size = (e: Entry) => ('record' in e ? e.record.note.length + JSON.stringify(e.record.tags).length : 0);
  const fitted = await fitEntries(entries, budget, measure, { held: opts.held ?? new Set(), size });
  const out = await build(fitted.chosen, total, encoding, opts.now);
  const complete = out.syncedCount === total && out.tombstonesKept === payload.tombstones.length;
  return { ...out, complete, tooLarge: fitted.tooLarge, short: fitted.short };
}

// --- decoding -----------------------------------------------------------------------------------

export type DecodedList =
  | { state: 'empty' }
  | { state: 'ok'; payload: SyncPayload; meta: SyncMeta; dropped: number }
  | { state: 'unreadable'; reason: string }
  | { state: 'newer'; version: number };

/**
 * Reads the list back from the sync area's items. Anything inconsistent (chunks of two writes,
 * a missing chunk, bad base64, bad JSON) makes the whole list unreadable rather than half-read;
 * a malformed record or tombstone is dropped alone and counted.
 */
export async function decodeList(items: Record<string, unknown>, _now: number): Promise<DecodedList> {
  const rawMeta = items[META_KEY];
  if (rawMeta === undefined) return { state: 'empty' };
  const version = (rawMeta as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > FORMAT_VERSION) return { state: 'newer', version };
  const m = v.safeParse(MetaSchema, rawMeta);
  if (!m.success) return { state: 'unreadable', reason: t('syncReasonManifest') };
  const meta = m.output;
  let base64 = '';
  for (let i = 0; i < meta.chunks; i++) {
    const chunk = items[chunkKey(i)];
    if (typeof chunk !== 'string')
      return { state: 'unreadable', reason: t('syncReasonPartMissing', i + 1, meta.chunks) };
    base64 += chunk;
  }
  let text: string;
  try {
    text = await decodeBytes(base64, meta.enc);
  } catch {
    return { state: 'unreadable', reason: t('syncReasonCorrupt') };
  }
  if (contentHash(text) !== meta.hash) return { state: 'unreadable', reason: t('syncReasonMixed') };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: 'unreadable', reason: t('syncReasonJson') };
  }
  const wire = v.safeParse(WireSchema, json);
  if (!wire.success) return { state: 'unreadable', reason: t('syncReasonShape') };
  let dropped = 0;
  const records = new Map<string, SyncRecord>();
  for (const raw of wire.output.p) {
    const r = v.safeParse(RecordSchema, raw);
    // Another device's clock may be off: its stamps are kept as they are (lib/core/stamps.ts).
    if (r.success && !records.has(r.output.id)) records.set(r.output.id, r.output);
    else dropped++;
  }
  const tombstones: Tombstone[] = [];
  for (const raw of wire.output.d) {
    const t = v.safeParse(TombstoneSchema, raw);
    if (t.success) tombstones.push(t.output);
    else dropped++;
  }
  return {
    state: 'ok',
    payload: { records: [...records.values()], tombstones: latestDeletions(tombstones) },
    meta,
    dropped,
  };
}
