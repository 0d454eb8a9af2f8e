/**
 * The owner of the reading list: the only module that writes the `saved` table, the deletion
 * records (lib/store/tombstones.ts) and the saved-ids mirror (a lint rule in eslint.config.js
 * forbids those writes anywhere else). Pages, the paper page, import, sync, Undo and the
 * background's copy refreshes hand it changes; it applies the rules on every write: stamps
 * (lib/core/stamps.ts: an edit is later than what it replaces, a return later than its deletion),
 * the caps and the normalisation (lib/core/saved.ts: one note cap, tags as sync reads them back).
 *
 * Deletions a caller knows of that are not stored here (another device's, still in the sync area)
 * come in as `deletions`: this module is below sync and never reads the sync area itself.
 */
import { browser } from 'wxt/browser';
import type { PapertabDB } from './db';
import { refreshPaper, type Paper } from '../core/paper';
import { capNote, normalizeTags, type SavedPaper } from '../core/saved';
import { SAVED_CHANGED_KEY, SAVED_IDS_KEY } from '../core/saved-mirror';
import { lastChange, nextStamp, revived } from '../core/stamps';
import { gainedRepo, recordCodeReleased } from './code-released';
import { addTombstones, clearTombstones, writeTombstones, type StorageAreaLike, type Tombstone } from './tombstones';

/** When each of these papers was last deleted, as far as the caller can tell. */
export type DeletionLookup = (ids: readonly string[], now: number) => Promise<Map<string, number>>;
const noDeletions: DeletionLookup = async () => new Map();

/** Rewrites the mirror of saved ids from the database (idempotent; run after every write). */
async function mirrorSavedIds(db: PapertabDB): Promise<void> {
  const ids = (await db.saved.toCollection().primaryKeys()) as string[];
  // `savedChangedAt` changes on every write, so the background hears of edits too (and syncs them).
  await browser.storage.local.set({ [SAVED_IDS_KEY]: ids, [SAVED_CHANGED_KEY]: Date.now() });
}

/**
 * Rebuilds the mirror at each start: a worker stopped between a write and its mirror update left
 * it stale.
 */
export function rebuildSavedMirror(db: PapertabDB): Promise<void> {
  return mirrorSavedIds(db);
}

/** An edit that keeps the same papers (status, tags, note): only the background needs to hear. */
async function announceEdit(): Promise<void> {
  await browser.storage.local.set({ [SAVED_CHANGED_KEY]: Date.now() });
}

/** A record as stored: tags normalised, note within the cap (both already so for anything stored). */
function normalized(r: SavedPaper): SavedPaper {
  const tags = normalizeTags(r.tags);
  const note = capNote(r.note);
  const same = note === r.note && tags.length === r.tags.length && tags.every((t, i) => t === r.tags[i]);
  return same ? r : { ...r, tags, note };
}

async function put(db: PapertabDB, recs: readonly SavedPaper[]): Promise<void> {
  if (recs.length) await db.saved.bulkPut(recs.map(normalized));
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
export async function saveRecord(
  db: PapertabDB,
  paper: Paper,
  now: number,
  incomplete: boolean,
  deletions: DeletionLookup = noDeletions,
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
    await put(db, [rec]);
    return { rec, added: !old };
  });
  if (added) {
    // Then made to outlive an earlier deletion (here, or elsewhere and synced) dated at or after
    // now: the record and each field are stamped past it (idempotent, and never earlier than an
    // edit made meanwhile).
    const deletedAt = (await deletions([paper.id], now)).get(paper.id);
    if (deletedAt !== undefined && deletedAt >= lastChange(rec)) {
      const after = await db.transaction('rw', db.saved, async () => {
        const current = await db.saved.get(paper.id);
        if (!current) return undefined;
        const next = revived(current, now, deletedAt);
        await put(db, [next]);
        return next;
      });
      if (after) Object.assign(rec, after);
    }
    await clearTombstones([paper.id], now);
  }
  await mirrorSavedIds(db);
  return rec;
}

/**
 * Removes papers and returns what was removed (for Undo). The deletions are recorded first, each
 * dated later than the record's last change (a clock put back included), then the rows deleted: a
 * worker stopped in between leaves a row with a newer deletion, which the next sync completes.
 */
export async function removeRecords(db: PapertabDB, ids: readonly string[], now: number): Promise<SavedPaper[]> {
  const recs = (await db.saved.bulkGet([...ids])).filter((r): r is SavedPaper => !!r);
  const dated = recs.map((r) => ({ id: r.id, deletedAt: nextStamp(lastChange(r), now) }));
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

/**
 * Puts papers back on the list (Undo, import, saving again): each stamped later than now and than
 * its deletion, so the return wins on every device the deletion reached; then their deletions are
 * forgotten. `fields` false (Undo) keeps the fields' own edit times: the very record just removed
 * is the newest copy there is.
 */
export async function restoreRecords(
  db: PapertabDB,
  recs: readonly SavedPaper[],
  now: number,
  deletions: DeletionLookup = noDeletions,
  fields = true,
): Promise<void> {
  const deleted = await deletions(
    recs.map((r) => r.id),
    now,
  );
  await put(
    db,
    recs.map((r) => revived(r, now, deleted.get(r.id), fields)),
  );
  await clearTombstones(
    recs.map((r) => r.id),
    now,
  );
  await mirrorSavedIds(db);
}

/** Applies an edit to some saved papers in one transaction, stamping the edited field. */
export async function editRecords(
  db: PapertabDB,
  ids: readonly string[],
  field: keyof SavedPaper['edited'],
  change: (rec: SavedPaper) => SavedPaper,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.saved, async () => {
    const recs = (await db.saved.bulkGet([...ids])).filter((r): r is SavedPaper => !!r);
    // Each stamp is later than the one it replaces: a later edit wins even if the clock went back,
    // and even over a stamp from a clock far ahead that this device has seen.
    await put(
      db,
      recs.map((r) => ({
        ...change(r),
        updatedAt: nextStamp(r.updatedAt, now),
        edited: { ...r.edited, [field]: nextStamp(r.edited[field], now) },
      })),
    );
  });
  await announceEdit();
}

/**
 * Writes what a merge decided (an import, a sync): `plan` reads the list inside the transaction and
 * says which records to put and which ids to delete. Then forgets the deletions of papers that came
 * back (`back`), and mirrors the ids.
 */
export async function applyToList<T extends { puts: SavedPaper[]; deletes: string[] }>(
  db: PapertabDB,
  plan: (list: (ids?: readonly string[]) => Promise<SavedPaper[]>) => Promise<T>,
  opts: { back?: (result: T) => string[]; now: number },
): Promise<T> {
  const result = await db.transaction('rw', db.saved, async () => {
    const read = async (ids?: readonly string[]) =>
      ids ? (await db.saved.bulkGet([...ids])).filter((r): r is SavedPaper => !!r) : await db.saved.toArray();
    const out = await plan(read);
    await put(db, out.puts);
    if (out.deletes.length) await db.saved.bulkDelete(out.deletes);
    return out;
  });
  const back = opts.back?.(result) ?? [];
  if (back.length) await clearTombstones(back, opts.now);
  if (result.puts.length || result.deletes.length) await mirrorSavedIds(db);
  return result;
}

/** Replaces this device's deletion records with what a sync settled on. */
export function settleTombstones(list: readonly Tombstone[], now: number, local?: StorageAreaLike): Promise<void> {
  return writeTombstones(list, now, local);
}

/**
 * Saved papers keep their own copy of the paper: a fresh fetch refreshes it (upvotes, links). A
 * complete copy that gains a code repository is marked "Code released". Call inside a transaction
 * over `saved` and `meta`.
 */
export async function refreshSavedCopies(db: PapertabDB, papers: Paper[], at = Date.now()): Promise<void> {
  const saved = await db.saved.bulkGet(papers.map((p) => p.id));
  const released: { id: string; repo: string }[] = [];
  const updates = saved.flatMap((s, i) => {
    if (!s) return [];
    const next = { ...s, paper: refreshPaper(s.paper, papers[i]!) };
    const repo = gainedRepo(s.paper, next.paper);
    // An incomplete copy (saved from a page) never knew its repo: completing it is no release.
    if (repo && !s.incomplete) released.push({ id: s.id, repo });
    delete next.incomplete;
    return [next];
  });
  await put(db, updates);
  await recordCodeReleased(db, released, at);
}

/** Remembers that completing a paper saved from a page found Hugging Face without it (404). */
export async function markCompletionTried(db: PapertabDB, id: string, now: number): Promise<void> {
  await db.transaction('rw', db.saved, async () => {
    const rec = await db.saved.get(id);
    if (rec) await put(db, [{ ...rec, completionTriedAt: now }]);
  });
}
