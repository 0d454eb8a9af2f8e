/**
 * The optional desktop notifications (off by default; the `notifications` permission is optional
 * and asked for when the user switches it on): one per day, once the day's list has settled
 * (lib/background/settle.ts), with the count of papers new then; and one when saved papers' code
 * is released.
 */
import { browser } from 'wxt/browser';
import type { NewPapers } from '../views/badge';
import type { PapertabDB } from '../store/db';
import { t, tn } from '../core/i18n';
import { getMeta, setMeta } from '../store/meta-table';
import type { Settings } from '../core/settings-schema';
import { takeUnnotified } from '../store/code-released';

export const NOTIFICATION_ID = 'papertab-new-day';
export const CODE_NOTIFICATION_ID = 'papertab-code-released';

export function notificationText(found: NewPapers): { title: string; message: string } {
  const title = tn(found.count, 'notifyTitleOne', 'notifyTitleOther');
  if (found.watched.length) {
    const terms = [...new Set(found.watched.flatMap((w) => w.terms))];
    const first = found.watched[0]!.paper.title;
    return { title, message: t('notifyWatched', terms.join(', '), first) };
  }
  const top = [...found.papers].sort((a, b) => b.upvotes - a.upvotes)[0];
  return { title, message: top ? t('notifyTop', top.title) : t('notifyOpen') };
}

/** Shows the day's notification for `day` (the settled day; by default the newest day with new papers), once. */
export async function maybeNotify(
  db: PapertabDB,
  settings: Settings,
  found: NewPapers,
  day = found.newest,
): Promise<boolean> {
  if (!settings.notifyNewDay || !day || found.count === 0) return false;
  const notified = await getMeta(db, 'notifiedDay');
  if (notified && notified >= day) return false;
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return false;
  const { title, message } = notificationText(found);
  await browser.notifications.create(NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message: message.slice(0, 300),
  });
  await setMeta(db, 'notifiedDay', day);
  return true;
}

/**
 * Tells of saved papers whose code was released since the last call. Each release is told at
 * most once: with notifications off it is marked told all the same (switching them on later
 * brings no backlog); the reading list still shows the mark.
 */
export async function notifyCodeReleased(db: PapertabDB, settings: Settings): Promise<boolean> {
  const fresh = await takeUnnotified(db);
  if (!fresh.length || !settings.notifyNewDay) return false;
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return false;
  const saved = (await db.saved.bulkGet(fresh.map((f) => f.id))).filter((s) => !!s);
  if (!saved.length) return false;
  await browser.notifications.create(CODE_NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: tn(saved.length, 'notifyCodeTitleOne', 'notifyCodeTitleOther'),
    message: saved
      .map((s) => s.paper.title)
      .join(' · ')
      .slice(0, 300),
  });
  return true;
}
