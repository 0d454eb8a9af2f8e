/**
 * The featured day of papers a week's or month's listing cannot date (items before 2025-03 carry no
 * `paper.submittedOnDailyAt`; the day they entered the feed is a day or more early for about one in
 * six). A day a `date=` answer already put them on is used; else the range's days are asked one by
 * one (oldest first, days already stored skipped, stopping once every paper is found), each through
 * the one gate (a 429 binds everything) and the archive's persisted budget (150 in any 5 minutes),
 * and stored as the refresh stores a day.
 */
import { addDays, utcDay } from '../core/dates';
import { takeRequestSlot } from '../store/archive-store';
import { storeDay } from '../store/papers';
import { askHf, type HfRequestDeps } from './gate';
import { fetchDailyPapers } from './hf-api';

export interface FeaturedDays {
  /** The featured day of each paper found. */
  days: Map<string, string>;
  /** Set when the budget or a 429 stopped the asking before every day was asked: when to ask again. */
  until?: number;
}

export async function settleFeaturedDays(
  deps: HfRequestDeps,
  [first, last]: [string, string],
  undated: string[],
): Promise<FeaturedDays> {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const days = new Map<string, string>();
  if (undated.length === 0) return { days };
  const held = await db.papers.bulkGet(undated);
  const known = new Set((await db.days.toCollection().primaryKeys()) as string[]);
  // A paper already on a day a `date=` answer stored is on its featured day: it never moves.
  for (const p of held) if (p?.day && known.has(p.day)) days.set(p.id, p.day);
  const left = new Set(undated.filter((id) => !days.has(id)));
  const today = utcDay(now());
  for (let day = first; left.size > 0 && day <= last && day <= today; day = addDays(day, 1)) {
    if (known.has(day)) continue;
    const slot = await takeRequestSlot(db, now());
    if (!slot.ok) return { days, until: slot.until };
    const asked = await askHf(deps, () => fetchDailyPapers({ date: day }, { fetch: deps.fetch, now }));
    if (!asked.ok) return { days, until: asked.until };
    await storeDay(db, day, asked.value.papers, asked.value.dropped, now());
    for (const p of asked.value.papers) if (left.delete(p.id)) days.set(p.id, day);
  }
  return { days };
}
