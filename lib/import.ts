/**
 * Importing into the reading list: a Papertab JSON backup (merged, newer edit winning per field)
 * or BibTeX with arXiv eprints. A malformed or foreign file changes nothing: parsing happens
 * before the one transaction that writes.
 */
import type { PapertabDB } from './db';
import { parseBackup } from './export/backup';
import { parseBibtex } from './export/bibtex-import';
import { mergeAll } from './export/merge';
import { mirrorSavedIds, type SavedPaper } from './reading-list';
import { paperFromPage } from './save-paper';

export type ImportResult = { ok: true; message: string } | { ok: false; error: string };

const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

export async function importText(db: PapertabDB, text: string, now = Date.now()): Promise<ImportResult> {
  if (text.length > MAX_FILE_BYTES)
    return { ok: false, error: 'This file is too large to be a reading list (over 50 MB). Nothing was changed.' };
  if (looksLikeJson(text)) {
    const parsed = parseBackup(text);
    if (!parsed.ok) return { ok: false, error: `${parsed.error} Nothing was changed.` };
    return writeMerged(db, parsed.items, 'backup');
  }
  if (text.includes('@')) {
    const parsed = parseBibtex(text);
    if (!parsed.ok) return { ok: false, error: `${parsed.error} Nothing was changed.` };
    if (parsed.items.length === 0) {
      const none =
        parsed.skipped === 1
          ? 'The BibTeX entry has no arXiv id.'
          : `None of the ${parsed.skipped} BibTeX entries has an arXiv id.`;
      return { ok: false, error: `${none} Nothing was changed.` };
    }
    const incoming: SavedPaper[] = parsed.items.map((e) => {
      const paper = paperFromPage(
        e.id,
        { title: e.title, authors: e.authors, publishedAt: e.year ? `${e.year}-01-01` : undefined },
        0,
      );
      return {
        id: e.id,
        paper,
        savedAt: now,
        updatedAt: now,
        status: 'to-read',
        tags: [],
        note: '',
        // Never newer than anything the user already edited.
        edited: { status: 0, tags: 0, note: 0 },
        incomplete: true,
      };
    });
    const r = await writeMerged(db, incoming, 'BibTeX');
    if (r.ok && parsed.skipped)
      r.message +=
        parsed.skipped === 1
          ? ' 1 entry without an arXiv id was skipped.'
          : ` ${parsed.skipped} entries without an arXiv id were skipped.`;
    return r;
  }
  return { ok: false, error: 'This file is neither a Papertab backup (JSON) nor BibTeX. Nothing was changed.' };
}

async function writeMerged(db: PapertabDB, incoming: SavedPaper[], kind: string): Promise<ImportResult> {
  const counts = await db.transaction('rw', db.saved, async () => {
    const existing = await db.saved.bulkGet(incoming.map((r) => r.id));
    const { merged, added, updated, unchanged } = mergeAll(
      existing.filter((r): r is SavedPaper => !!r),
      incoming,
    );
    const touched = new Set(incoming.map((r) => r.id));
    await db.saved.bulkPut(merged.filter((r) => touched.has(r.id)));
    return { added, updated, unchanged };
  });
  await mirrorSavedIds(db);
  const n = counts.added + counts.updated + counts.unchanged;
  return {
    ok: true,
    message: `Imported ${n} ${n === 1 ? 'paper' : 'papers'} from the ${kind}: ${counts.added} new, ${counts.updated} updated, ${counts.unchanged} unchanged.`,
  };
}
