/**
 * The optional desktop notification when a new day lands (off by default; the `notifications`
 * permission is optional and asked for when the user switches it on). One notification per day.
 */
import { browser } from 'wxt/browser';
import type { NewPapers } from '../views/badge';
import type { PapertabDB } from '../store/db';
import { t, tn } from '../core/i18n';
import { getMeta, setMeta } from '../store/meta-table';
import type { Settings } from '../core/settings';

export const NOTIFICATION_ID = 'papertab-new-day';

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

export async function maybeNotify(db: PapertabDB, settings: Settings, found: NewPapers): Promise<boolean> {
  if (!settings.notifyNewDay || !found.newest || found.count === 0) return false;
  const notified = await getMeta(db, 'notifiedDay');
  if (notified && notified >= found.newest) return false;
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return false;
  const { title, message } = notificationText(found);
  await browser.notifications.create(NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message: message.slice(0, 300),
  });
  await setMeta(db, 'notifiedDay', found.newest);
  return true;
}
