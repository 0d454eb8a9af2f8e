/** Keys of the saved-ids mirror in `browser.storage.local` (tiny on purpose: content scripts import it). */
export const SAVED_IDS_KEY = 'savedIds';
/** Changes on every reading-list write, so the background hears of edits (and syncs them). */
export const SAVED_CHANGED_KEY = 'savedChangedAt';
