/** A paper on the reading list, as the database, sync, backups and exports all store it. */
import type { Paper } from './paper';
import { singleLine } from './single-line';

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
  /** When completing it last found Hugging Face without the paper (404). */
  completionTriedAt?: number;
}

/** The fields a person edits on the list; each carries its own edit time in `edited`. */
export const EDITABLE_FIELDS = ['status', 'tags', 'note'] as const;

/** The one rule for merging an edited field (lib/core/stamps.ts, shared with the settings). */
export { laterEditWins as incomingEditWins } from './stamps';

/**
 * The one cap on a note, for the editor, backups, imports and sync alike (their schemas refuse
 * longer): the editor says so before anything is cut, and no stored note is ever longer, so no
 * edit elsewhere can shorten one.
 */
export const NOTE_MAX_CHARS = 100_000;
/**
 * The one cap on the entries of an imported file, whatever its format (JSON backup, BibTeX, RIS,
 * CSL-JSON): a file with more is refused whole (nothing changes) and says so. A reading list this
 * long already costs seconds at every sync.
 */
export const MAX_IMPORT_ENTRIES = 10_000;

/** The one cap on a tag, wherever it enters (typed, imported, synced). */
export const TAG_MAX_CHARS = 50;

/**
 * Tags as stored: on one line (`singleLine`: bidi and control characters out, whitespace one
 * space), at most `TAG_MAX_CHARS`, case-preserving but compared without case; no empties or
 * duplicates. Idempotent, and applied where tags enter and where sync reads them, so a stored value
 * equals its sync round trip.
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tags) {
    const tag = singleLine(t, TAG_MAX_CHARS);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/** A note as stored: never longer than `NOTE_MAX_CHARS` (never half a surrogate pair). */
export function capNote(note: string): string {
  if (note.length <= NOTE_MAX_CHARS) return note;
  const cut = /[\uD800-\uDBFF]/.test(note.charAt(NOTE_MAX_CHARS - 1)) ? NOTE_MAX_CHARS - 1 : NOTE_MAX_CHARS;
  return note.slice(0, cut);
}
