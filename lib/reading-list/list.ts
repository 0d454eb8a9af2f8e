/**
 * The reading list as pages and the background use it: saving, removing, Undo and edits, each
 * handed to the list's owner (lib/store/reading-list.ts, the only writer), plus the statuses and
 * the filters the list page shows.
 */
import type { PapertabDB } from '../store/db';
import { t, type PlainKey } from '../core/i18n';
import { deletionTimes } from '../sync/tombstones';
import { capNote, normalizeTags, type ReadingStatus, type SavedPaper } from '../core/saved';
import type { Paper } from '../core/paper';
import { editRecords, newSaved, removeRecords, restoreRecords, saveRecord } from '../store/reading-list';

export { newSaved };
export { normalizeTags };

/** Deletions known here or still in the synced list: what a paper coming back must outlive. */
const deletions = (ids: readonly string[], now: number) => deletionTimes(ids, now);

/** Saves a paper; saving one already in the list only refreshes its copy of the paper. */
export function savePaper(db: PapertabDB, paper: Paper, now = Date.now(), incomplete = false): Promise<SavedPaper> {
  return saveRecord(db, paper, now, incomplete, deletions);
}

/**
 * Removes a paper from the list and returns what was removed, so the caller can offer Undo (the
 * deletion is recorded before the row goes: see `removeRecords`).
 */
export async function unsavePaper(db: PapertabDB, id: string, now = Date.now()): Promise<SavedPaper | undefined> {
  const [old] = await removeRecords(db, [id], now);
  return old;
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

export function setStatus(db: PapertabDB, ids: readonly string[], status: ReadingStatus, now = Date.now()) {
  return editRecords(db, ids, 'status', (r) => ({ ...r, status }), now);
}

/** The note as typed, within the one cap (`NOTE_MAX_CHARS`; the editor says so before cutting). */
export function setNote(db: PapertabDB, id: string, note: string, now = Date.now()) {
  return editRecords(db, [id], 'note', (r) => ({ ...r, note: capNote(note) }), now);
}

export function setTags(db: PapertabDB, id: string, tags: readonly string[], now = Date.now()) {
  return editRecords(db, [id], 'tags', (r) => ({ ...r, tags: normalizeTags(tags) }), now);
}

export function addTag(db: PapertabDB, ids: readonly string[], tag: string, now = Date.now()) {
  return editRecords(db, ids, 'tags', (r) => ({ ...r, tags: normalizeTags([...r.tags, tag]) }), now);
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
  await restoreRecords(db, recs, now, deletions, false);
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
