/**
 * The saved-ids mirror in `browser.storage.local`: content scripts (which must not open the
 * extension's IndexedDB) read and watch it to show the truth.
 */
import { browser } from 'wxt/browser';
import { SAVED_CHANGED_KEY, SAVED_IDS_KEY } from '../core/saved-mirror';
import type { PapertabDB } from './db';

/** Rewrites the mirror of saved ids from the database (idempotent; run after writes and at each start). */
export async function mirrorSavedIds(db: PapertabDB): Promise<void> {
  const ids = (await db.saved.toCollection().primaryKeys()) as string[];
  // `savedChangedAt` changes on every write, so the background hears of edits too (and syncs them).
  await browser.storage.local.set({ [SAVED_IDS_KEY]: ids, [SAVED_CHANGED_KEY]: Date.now() });
}
