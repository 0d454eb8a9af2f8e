/**
 * The toolbar badge: how many papers arrived in days newer than the newest day the user has
 * seen. It is recomputed from the cache (never remembered), so it survives restarts and can be
 * recomputed at any start.
 */
import { browser } from 'wxt/browser';
import type { PapertabDB } from './db';
import { latestDayWithPapers } from './feed-store';
import { getMeta, setMeta } from './meta';
import type { DayRecord } from './paper';

export const BADGE_COLOR = '#b45309';

/** New papers: those of days with papers newer than `seenDay`; before anything was seen, the newest day's. */
export function newPaperCount(days: DayRecord[], seenDay: string | undefined): number {
  const withPapers = days.filter((d) => d.status === 'ok' && d.count > 0);
  if (seenDay === undefined) {
    const newest = withPapers.reduce<DayRecord | undefined>((a, d) => (!a || d.date > a.date ? d : a), undefined);
    return newest?.count ?? 0;
  }
  return withPapers.filter((d) => d.date > seenDay).reduce((sum, d) => sum + d.count, 0);
}

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

export async function computeBadgeCount(db: PapertabDB): Promise<number> {
  const [days, seen] = await Promise.all([db.days.toArray(), getMeta(db, 'seenDay')]);
  return newPaperCount(days, seen);
}

export async function updateBadge(db: PapertabDB): Promise<number> {
  const count = await computeBadgeCount(db);
  await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await browser.action.setBadgeText({ text: badgeText(count) });
  await browser.action.setTitle({ title: count > 0 ? `Papertab: ${count} new papers` : 'Papertab' });
  return count;
}

/** Called when the new tab or popup shows the feed: the newest day with papers is now seen. */
export async function markSeen(db: PapertabDB): Promise<void> {
  const newest = await latestDayWithPapers(db);
  const seen = await getMeta(db, 'seenDay');
  if (newest && (seen === undefined || newest.date > seen)) await setMeta(db, 'seenDay', newest.date);
  await updateBadge(db);
}
