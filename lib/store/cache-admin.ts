/** The options page's data section: what is stored, and clearing the paper cache (never the reading list). */
import type { PapertabDB } from './db';
import { t } from '../core/i18n';
import { SETTINGS_MIRROR_KEY } from '../core/settings';
import { clearSearchIndex } from './search-store';
import { clearFollowKeys } from './follow-keys';

export interface StorageFigures {
  papers: number;
  days: number;
  saved: number;
  /** Bytes the extension's origin uses, when the browser says. */
  usage?: number;
  quota?: number;
}

export async function storageFigures(db: PapertabDB): Promise<StorageFigures> {
  const [papers, days, saved] = await Promise.all([db.papers.count(), db.days.count(), db.saved.count()]);
  let usage: number | undefined;
  let quota: number | undefined;
  try {
    const est = await navigator.storage?.estimate?.();
    usage = est?.usage;
    quota = est?.quota;
  } catch {
    // Not available: the counts still say what is stored.
  }
  return { papers, days, saved, usage, quota };
}

/**
 * Empties the feed cache: papers, days and range listings (and the first-paint snapshots). The
 * reading list, the seen day and the refresh status stay; the next refresh fetches the recent days.
 */
export async function clearPaperCache(db: PapertabDB): Promise<void> {
  await db.transaction('rw', [db.papers, db.days, db.meta, db.searchIndex, db.followKeys], async () => {
    await db.papers.clear();
    await clearFollowKeys(db);
    await clearSearchIndex(db);
    await db.days.clear();
    await db.meta.where('key').startsWith('range:').delete();
  });
  try {
    for (const key of Object.keys(localStorage))
      // localStorage holds the pages' copies only: the snapshots (any version) go, the settings' stays.
      if (key !== SETTINGS_MIRROR_KEY) localStorage.removeItem(key);
  } catch {
    // No localStorage here: nothing to clear.
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return t('sizeBytes', n);
  if (n < 1024 ** 2) return t('sizeKilobytes', (n / 1024).toFixed(0));
  if (n < 1024 ** 3) return t('sizeMegabytes', (n / 1024 ** 2).toFixed(1));
  return t('sizeGigabytes', (n / 1024 ** 3).toFixed(1));
}
