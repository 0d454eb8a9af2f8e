/**
 * The toolbar badge: how many papers arrived since the user last opened the new tab or the popup,
 * on any day, a day already seen included (or a dot, or nothing, as the user chose), in its own
 * colour when any of them is on the watch list. It is recomputed from storage (the ids of the
 * papers that arrived, lib/store/arrivals.ts), so it survives restarts.
 */
import { browser } from 'wxt/browser';
import type { PapertabDB } from '../store/db';
import { latestDayWithPapers } from '../store/papers';
import { t } from '../core/i18n';
import { getMeta, setMeta } from '../store/meta-table';
import type { DayRecord, Paper } from '../core/paper';
import { loadSettings } from '../core/settings';
import { DEFAULTS, type Settings } from '../core/settings-schema';
import { clearUnseen, newDays, readUnseenIds } from '../store/arrivals';
import { compileInterests, interestsOf } from './follow-match';
import { followedAccounts } from '../store/hf-following';

export { newDays };

export const BADGE_COLOR = '#b45309';
export const WATCH_BADGE_COLOR = '#6d28d9';

export function newPaperCount(days: DayRecord[], seenDay: string | undefined): number {
  return newDays(days, seenDay).reduce((sum, d) => sum + d.count, 0);
}

export function badgeText(count: number, mode: Settings['badgeMode'] = 'count'): string {
  if (count <= 0 || mode === 'off') return '';
  if (mode === 'dot') return '•';
  return count > 999 ? '999+' : String(count);
}

export interface NewPapers {
  count: number;
  newest?: string;
  papers: Paper[];
  /** New papers on the watch list, with the entries they match. */
  watched: { paper: Paper; terms: string[] }[];
}

export async function findNewPapers(db: PapertabDB, settings: Settings = DEFAULTS): Promise<NewPapers> {
  // A paper the cache no longer holds (cleared, pruned) is not counted.
  const papers = (await db.papers.bulkGet(await readUnseenIds(db))).filter((p): p is Paper => !!p);
  const count = papers.length;
  const newest = papers.reduce<string | undefined>((a, p) => (p.day && (!a || p.day > a) ? p.day : a), undefined);
  // Followed people and organizations (by hand and through the Hugging Face account) and watched keywords.
  const watch = compileInterests(interestsOf(settings, await followedAccounts(db, settings.hfUsername)));
  if (!papers.length) return { count, newest, papers: [], watched: [] };
  const watched = watch.empty
    ? []
    : papers.flatMap((paper) => {
        const m = watch.match(paper);
        return m ? [{ paper, terms: m.terms }] : [];
      });
  return { count, newest, papers, watched };
}

export async function computeBadgeCount(db: PapertabDB): Promise<number> {
  return (await db.papers.bulkGet(await readUnseenIds(db))).filter(Boolean).length;
}

export async function updateBadge(db: PapertabDB, settings?: Settings): Promise<NewPapers> {
  const s = settings ?? (await loadSettings());
  const found = await findNewPapers(db, s);
  const watched = found.watched.length > 0;
  await browser.action.setBadgeBackgroundColor({ color: watched ? WATCH_BADGE_COLOR : BADGE_COLOR });
  await browser.action.setBadgeText({ text: badgeText(found.count, s.badgeMode) });
  const title =
    found.count === 0
      ? t('extName')
      : watched
        ? t('actionTitleNewWatched', found.count, found.watched.length)
        : t('actionTitleNew', found.count);
  await browser.action.setTitle({ title });
  return found;
}

/** Called when the new tab or popup shows the feed: every paper that arrived is now seen. */
export async function markSeen(db: PapertabDB): Promise<void> {
  await db.transaction('rw', db.days, db.meta, async () => {
    const newest = await latestDayWithPapers(db);
    const seen = await getMeta(db, 'seenDay');
    if (newest && (seen === undefined || newest.date > seen)) await setMeta(db, 'seenDay', newest.date);
    await clearUnseen(db);
  });
  await updateBadge(db);
}
