/**
 * When the day's notification may fire. Hugging Face publishes a day's list gradually: one paper
 * at 8:00, thirty by evening. The list has settled when a refresh finds it no longer than the
 * refresh before (with more than one paper: a lone early paper that sits still is still early),
 * or three hours after a refresh first found papers on it. The state is kept in `meta`, so a
 * stopped worker neither notifies twice nor forgets how the day was growing.
 */
import type { DaySettle } from '../core/extras';
import type { PapertabDB } from '../store/db';
import { getMeta, setMeta } from '../store/meta-table';
import { latestDayWithPapers } from '../store/papers';

export const SETTLE_AFTER_MS = 3 * 60 * 60_000;

/** One refresh's look at the newest day with papers: the next state and whether the list has settled. */
export function observeDay(
  prev: DaySettle | undefined,
  day: string,
  count: number,
  now: number,
): { state: DaySettle; settled: boolean } {
  if (!prev || prev.day !== day) return { state: { day, firstAt: now, count, notified: false }, settled: false };
  const state = { ...prev, count };
  const still = count > 1 && count <= prev.count;
  // A clock set back leaves `now` before `firstAt`: only the list itself can settle it then.
  const old = now - prev.firstAt >= SETTLE_AFTER_MS;
  return { state, settled: !prev.notified && count > 0 && (still || old) };
}

/** Records a successful refresh's look at the newest day; returns that day when its list has settled. */
export async function noteRefresh(db: PapertabDB, now: number): Promise<string | undefined> {
  return db.transaction('rw', db.days, db.meta, async () => {
    const latest = await latestDayWithPapers(db);
    if (!latest) return undefined;
    const { state, settled } = observeDay(await getMeta(db, 'notifySettle'), latest.date, latest.count, now);
    await setMeta(db, 'notifySettle', state);
    return settled ? latest.date : undefined;
  });
}

/** The settled day's notification was shown (or there was nothing to show): not again for that day. */
export async function markDayNotified(db: PapertabDB, day: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const s = await getMeta(db, 'notifySettle');
    if (s?.day === day) await setMeta(db, 'notifySettle', { ...s, notified: true });
  });
}
