/** The reading list: saved papers with their status, tags and note. */
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
}

/** Saves a paper; saving one already in the list only refreshes its copy of the paper. */
export async function savePaper(db: PapertabDB, paper: Paper, now = Date.now()): Promise<SavedPaper> {
  return db.transaction('rw', db.saved, async () => {
    const old = await db.saved.get(paper.id);
    const rec: SavedPaper = old
      ? { ...old, paper: { ...old.paper, ...paper } }
      : { id: paper.id, paper, savedAt: now, updatedAt: now, status: 'to-read', tags: [], note: '' };
    await db.saved.put(rec);
    return rec;
  });
}

/** Removes a paper from the list and returns what was removed, so the caller can offer Undo. */
export async function unsavePaper(db: PapertabDB, id: string): Promise<SavedPaper | undefined> {
  return db.transaction('rw', db.saved, async () => {
    const old = await db.saved.get(id);
    if (old) await db.saved.delete(id);
    return old;
  });
}

/** Puts back exactly what was removed (status, tags, note and dates included). */
export async function restoreSaved(db: PapertabDB, rec: SavedPaper): Promise<void> {
  await db.saved.put(rec);
}

export async function savedIds(db: PapertabDB): Promise<Set<string>> {
  return new Set((await db.saved.toCollection().primaryKeys()) as string[]);
}
