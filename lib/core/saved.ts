/** A paper on the reading list, as the database, sync, backups and exports all store it. */
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
  /** When completing it last found Hugging Face without the paper (404). */
  completionTriedAt?: number;
}

/** The fields a person edits on the list; each carries its own edit time in `edited`. */
export const EDITABLE_FIELDS = ['status', 'tags', 'note'] as const;

/**
 * The one rule for merging an edited field, wherever two copies meet (backup import, sync): the
 * later edit wins, and a tie (two different values stamped in the same millisecond) goes to the
 * greater JSON, so every device and every import resolves it alike instead of each keeping its own.
 */
export function incomingEditWins(
  held: { value: unknown; at: number },
  incoming: { value: unknown; at: number },
): boolean {
  if (incoming.at !== held.at) return incoming.at > held.at;
  return JSON.stringify(incoming.value) > JSON.stringify(held.value);
}
