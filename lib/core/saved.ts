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
