/**
 * The reading list: saved papers with their status, tags and note. Every write goes through this
 * module, which then mirrors the saved ids into `browser.storage.local`: content scripts (which
 * must not open the extension's IndexedDB) read and watch that mirror to show the truth.
 */
import { browser } from 'wxt/browser';
import type { PapertabDB } from './db';
import type { Paper } from './paper';

export type ReadingStatus = 'to-read' | 'reading' | 'read';

export interface SavedPaper {
  /** arXiv id without version: the same paper from any site or version is one entry. */
  id: string;
  /** The paper as known when saved (and refreshed since): the list never depends on the feed cache. */
  paper: Paper;
  savedAt: number;
  updatedAt: number;
  status: ReadingStatus;
  tags: string[];
  note: string;
  /** When each editable field was last changed: merges (import, sync) keep the newer edit per field. */
  edited: { status: number; tags: number; note: number };
  /** Saved from what a page said (Hugging Face did not know the paper yet): completed later. */
  incomplete?: boolean;
}

export const SAVED_IDS_KEY = 'savedIds';

/** Rewrites the mirror of saved ids from the database (idempotent; run after writes and at each start). */
export async function mirrorSavedIds(db: PapertabDB): Promise<void> {
  const ids = (await db.saved.toCollection().primaryKeys()) as string[];
  await browser.storage.local.set({ [SAVED_IDS_KEY]: ids });
}

/** Saves a paper; saving one already in the list only refreshes its copy of the paper. */
export async function savePaper(
  db: PapertabDB,
  paper: Paper,
  now = Date.now(),
  incomplete = false,
): Promise<SavedPaper> {
  const rec = await db.transaction('rw', db.saved, async () => {
    const old = await db.saved.get(paper.id);
    const rec: SavedPaper = old
      ? // What a page says never overwrites what Hugging Face said.
        { ...old, paper: incomplete ? old.paper : { ...old.paper, ...paper } }
      : {
          id: paper.id,
          paper,
          savedAt: now,
          updatedAt: now,
          status: 'to-read',
          tags: [],
          note: '',
          edited: { status: now, tags: now, note: now },
        };
    if (old && !incomplete) delete rec.incomplete;
    else if (!old && incomplete) rec.incomplete = true;
    await db.saved.put(rec);
    return rec;
  });
  await mirrorSavedIds(db);
  return rec;
}

/** Removes a paper from the list and returns what was removed, so the caller can offer Undo. */
export async function unsavePaper(db: PapertabDB, id: string): Promise<SavedPaper | undefined> {
  const old = await db.transaction('rw', db.saved, async () => {
    const rec = await db.saved.get(id);
    if (rec) await db.saved.delete(id);
    return rec;
  });
  await mirrorSavedIds(db);
  return old;
}

/** Puts back exactly what was removed (status, tags, note and dates included). */
export async function restoreSaved(db: PapertabDB, rec: SavedPaper): Promise<void> {
  await db.saved.put(rec);
  await mirrorSavedIds(db);
}

export async function savedIds(db: PapertabDB): Promise<Set<string>> {
  return new Set((await db.saved.toCollection().primaryKeys()) as string[]);
}
