/**
 * The reading list: saved papers with their status, tags and note. Every write goes through this
 * module, which then mirrors the saved ids into `browser.storage.local`: content scripts (which
 * must not open the extension's IndexedDB) read and watch that mirror to show the truth.
 */
import { browser } from 'wxt/browser';
import type { PapertabDB } from '../store/db';
import { refreshPaper } from '../store/papers';
import { t, type PlainKey } from '../core/i18n';
import { addTombstones, clearTombstones, deletionTimes } from '../sync/tombstones';
import { lastChange, nextStamp, revived } from '../core/stamps';
import { SAVED_CHANGED_KEY } from '../core/saved-mirror';
import type { Paper } from '../core/paper';
import type { ReadingStatus, SavedPaper } from '../core/saved';
import { mirrorSavedIds } from '../store/saved-ids';

/** An edit that keeps the same papers (status, tags, note): only the background needs to hear. */
async function announceEdit(): Promise<void> {
  await browser.storage.local.set({ [SAVED_CHANGED_KEY]: Date.now() });
}

/**
 * A paper just put on the list: to read, no tags, no note. `editedAt` dates its fields for merges
 * (an import passes 0, so it never wins over anything the user edited).
 */
export function newSaved(paper: Paper, now: number, editedAt = now): SavedPaper {
  return {
    id: paper.id,
    paper,
    savedAt: now,
    updatedAt: now,
    status: 'to-read',
    tags: [],
    note: '',
    edited: { status: editedAt, tags: editedAt, note: editedAt },
  };
}

/** Saves a paper; saving one already in the list only refreshes its copy of the paper. */
export async function savePaper(
  db: PapertabDB,
  paper: Paper,
  now = Date.now(),
  incomplete = false,
): Promise<SavedPaper> {
  // Written first, in one transaction, so a page closed right after the click keeps the save.
  const { rec, added } = await db.transaction('rw', db.saved, async () => {
    const old = await db.saved.get(paper.id);
    const rec: SavedPaper = old
      ? // What a page says never overwrites what Hugging Face said.
        { ...old, paper: incomplete ? old.paper : refreshPaper(old.paper, paper) }
      : newSaved(paper, now);
    if (old && !incomplete) {
      delete rec.incomplete;
      delete rec.completionTriedAt;
    } else if (!old && incomplete) rec.incomplete = true;
    await db.saved.put(rec);
    return { rec, added: !old };
  });
  if (added) {
    // Then made to outlive an earlier deletion (here, or elsewhere and synced) that a clock ahead
    // dated at or after now: the record and each field are stamped past it (idempotent, and never
    // earlier than an edit made meanwhile).
    const deletedAt = (await deletionTimes([paper.id], now)).get(paper.id);
    if (deletedAt !== undefined && deletedAt >= lastChange(rec)) {
      const after = await db.transaction('rw', db.saved, async () => {
        const current = await db.saved.get(paper.id);
        if (!current) return undefined;
        const next = revived(current, now, deletedAt);
        await db.saved.put(next);
        return next;
      });
      if (after) Object.assign(rec, after);
    }
  }
  if (added) await clearTombstones([paper.id], now);
  await mirrorSavedIds(db);
  return rec;
}

/** Deletions of these records, each dated later than the record's last change (a clock put back included). */
function tombstonesFor(recs: readonly SavedPaper[], now: number) {
  return recs.map((r) => ({ id: r.id, deletedAt: nextStamp(lastChange(r), now) }));
}

/**
 * Removes a paper from the list and returns what was removed, so the caller can offer Undo.
 * The deletion is recorded first, then the row deleted: a worker stopped in between leaves a row
 * with a newer deletion, which the next sync completes (`planMerge`); the other order would leave
 * a deletion that never travels, and the paper would come back from the other devices.
 */
export async function unsavePaper(db: PapertabDB, id: string, now = Date.now()): Promise<SavedPaper | undefined> {
  const [old] = await removeRecords(db, [id], now);
  return old;
}

/** Records the deletions (tombstones), then deletes the rows they cover; returns the rows removed. */
async function removeRecords(db: PapertabDB, ids: readonly string[], now: number): Promise<SavedPaper[]> {
  const recs = (await db.saved.bulkGet([...ids])).filter((r): r is SavedPaper => !!r);
  // Deletions travel to the user's other devices as tombstones.
  const dated = tombstonesFor(recs, now);
  await addTombstones(dated, now);
  const at = new Map(dated.map((t) => [t.id, t.deletedAt]));
  const removed = await db.transaction('rw', db.saved, async () => {
    // Only rows the deletion covers: one edited meanwhile (stamped later) stays.
    const still = (await db.saved.bulkGet(recs.map((r) => r.id))).filter(
      (r): r is SavedPaper => !!r && lastChange(r) < at.get(r.id)!,
    );
    await db.saved.bulkDelete(still.map((r) => r.id));
    return still;
  });
  await mirrorSavedIds(db);
  return removed;
}

/** Puts back exactly what was removed (status, tags, note and dates included). */
export async function restoreSaved(db: PapertabDB, rec: SavedPaper): Promise<void> {
  await restoreMany(db, [rec]);
}

export async function savedIds(db: PapertabDB): Promise<Set<string>> {
  return new Set((await db.saved.toCollection().primaryKeys()) as string[]);
}

export interface StatusInfo {
  value: ReadingStatus;
  /** The bulk action setting this status ("Mark as read"). */
  markKey: PlainKey;
  /** The status in the browser's language. */
  readonly label: string;
}

const status = (value: ReadingStatus, labelKey: PlainKey, markKey: PlainKey): StatusInfo => ({
  value,
  markKey,
  get label() {
    return t(labelKey);
  },
});

export const STATUSES: StatusInfo[] = [
  status('to-read', 'statusToRead', 'markAsToRead'),
  status('reading', 'statusReading', 'markAsReading'),
  status('read', 'statusRead', 'markAsRead'),
];

/** Tags are short, trimmed, case-preserving but compared without case; no empties or duplicates. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tags) {
    const tag = t.replace(/\s+/g, ' ').trim().slice(0, 50);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/** Applies an edit to some saved papers in one transaction, stamping the edited field. */
async function edit(
  db: PapertabDB,
  ids: readonly string[],
  field: keyof SavedPaper['edited'],
  change: (rec: SavedPaper) => SavedPaper,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.saved, async () => {
    const recs = (await db.saved.bulkGet([...ids])).filter((r): r is SavedPaper => !!r);
    // Each stamp is later than the one it replaces: a later edit wins even if the clock went back.
    await db.saved.bulkPut(
      recs.map((r) => ({
        ...change(r),
        updatedAt: nextStamp(r.updatedAt, now),
        edited: { ...r.edited, [field]: nextStamp(r.edited[field], now) },
      })),
    );
  });
  await announceEdit();
}

export function setStatus(db: PapertabDB, ids: readonly string[], status: ReadingStatus, now = Date.now()) {
  return edit(db, ids, 'status', (r) => ({ ...r, status }), now);
}

export function setNote(db: PapertabDB, id: string, note: string, now = Date.now()) {
  return edit(db, [id], 'note', (r) => ({ ...r, note: note.slice(0, 10_000) }), now);
}

export function setTags(db: PapertabDB, id: string, tags: readonly string[], now = Date.now()) {
  return edit(db, [id], 'tags', (r) => ({ ...r, tags: normalizeTags(tags) }), now);
}

export function addTag(db: PapertabDB, ids: readonly string[], tag: string, now = Date.now()) {
  return edit(db, ids, 'tags', (r) => ({ ...r, tags: normalizeTags([...r.tags, tag]) }), now);
}

/** Removes several papers at once; returns them for Undo. */
export async function removeMany(db: PapertabDB, ids: readonly string[], now = Date.now()): Promise<SavedPaper[]> {
  return removeRecords(db, ids, now);
}

/**
 * Puts removed papers back exactly (status, tags, note, dates). `updatedAt` moves past now and past
 * the deletion, so an Undo outlives the deletion's tombstone if that already reached another device.
 */
export async function restoreMany(db: PapertabDB, recs: readonly SavedPaper[], now = Date.now()): Promise<void> {
  await db.saved.bulkPut(await reviving(recs, now, false));
  await clearTombstones(
    recs.map((r) => r.id),
    now,
  );
  await mirrorSavedIds(db);
}

/**
 * The one rule for papers coming back to the list (Undo, import, saving again): each stamped later
 * than now and than its deletion here, so the return wins on every device the deletion reached.
 * Once they are written, the caller forgets their tombstones (`clearTombstones`).
 */
export async function reviving(recs: readonly SavedPaper[], now: number, fields = true): Promise<SavedPaper[]> {
  const deleted = await deletionTimes(
    recs.map((r) => r.id),
    now,
  );
  return recs.map((r) => revived(r, now, deleted.get(r.id), fields));
}

export type SortKey = 'saved' | 'published' | 'upvotes';

export interface ListFilter {
  status?: ReadingStatus;
  tag?: string;
  query?: string;
  sort: SortKey;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Filters and sorts the list for display (hundreds of papers: a plain scan is instant). */
export function filterList(list: readonly SavedPaper[], f: ListFilter): SavedPaper[] {
  const words = f.query ? fold(f.query).split(/\s+/).filter(Boolean) : [];
  const tag = f.tag?.toLowerCase();
  const out = list.filter((r) => {
    if (f.status && r.status !== f.status) return false;
    if (tag && !r.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (words.length) {
      const hay = fold(
        [r.paper.title, r.paper.authors.join(' '), r.tags.join(' '), r.note, r.paper.summary, r.id].join(' '),
      );
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
  const by: Record<SortKey, (a: SavedPaper, b: SavedPaper) => number> = {
    saved: (a, b) => b.savedAt - a.savedAt,
    published: (a, b) => (b.paper.publishedAt ?? '').localeCompare(a.paper.publishedAt ?? ''),
    upvotes: (a, b) => b.paper.upvotes - a.paper.upvotes,
  };
  return out.sort((a, b) => by[f.sort](a, b) || b.savedAt - a.savedAt || a.id.localeCompare(b.id));
}

export function statusCounts(list: readonly SavedPaper[]): Record<ReadingStatus, number> {
  const counts: Record<ReadingStatus, number> = { 'to-read': 0, reading: 0, read: 0 };
  for (const r of list) counts[r.status]++;
  return counts;
}

export function allTags(list: readonly SavedPaper[]): string[] {
  return normalizeTags(list.flatMap((r) => r.tags)).sort((a, b) => a.localeCompare(b));
}
