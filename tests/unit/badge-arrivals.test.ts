import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REFRESH_ALARM } from '@/lib/background/alarms';
import { createBackground } from '@/lib/background/main';
import { CODE_NOTIFICATION_ID, NOTIFICATION_ID } from '@/lib/background/notify';
import { observeDay, SETTLE_AFTER_MS } from '@/lib/background/settle';
import { addDays, utcDay } from '@/lib/core/dates';
import { updateSettings } from '@/lib/core/settings';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { getMeta } from '@/lib/store/meta-table';
import { markSeen } from '@/lib/views/badge';
import { makeDailyItem, makeDay, paperIdFor, type DailyItem } from '../fixtures/papers';
import { makeSaved } from '../fixtures/saved';
import { FakeHf } from '../support/fake-hf';

const NOW = Date.parse('2026-11-25T08:00:00Z');
const TODAY = utcDay(NOW);
const YESTERDAY = addDays(TODAY, -1);

let db: PapertabDB;
let hf: FakeHf;
let clock: number;
let n = 0;
let contains: ReturnType<typeof vi.fn>;

const background = () => createBackground({ db, fetch: hf.fetch, now: () => clock, random: () => 1 });
const badge = () => fakeBrowser.action.getBadgeText({});
const alarm = (bg: ReturnType<typeof background>) =>
  bg.onAlarm({ name: REFRESH_ALARM, scheduledTime: clock, periodInMinutes: 30 } as Parameters<typeof bg.onAlarm>[0]);
/** Thirty minutes pass and the refresh alarm fires. */
async function later(bg: ReturnType<typeof background>, minutes = 30) {
  clock += minutes * 60_000;
  await alarm(bg);
}
const shown = async () =>
  fakeBrowser.notifications.getAll() as Promise<Record<string, { title: string; message: string }>>;

beforeEach(async () => {
  db = createDb(`arrivals-${n++}`);
  hf = new FakeHf();
  clock = NOW;
  hf.days.set(YESTERDAY, makeDay(YESTERDAY, 6));
  hf.days.set(addDays(TODAY, -2), makeDay(addDays(TODAY, -2), 5));
  contains = vi.fn(async () => true);
  fakeBrowser.permissions.contains = contains as typeof fakeBrowser.permissions.contains;
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

describe('the badge counts papers that arrived, not days', () => {
  it('a first fill counts only its newest day, as before', async () => {
    await background().start();
    expect(await badge()).toBe('6');
  });

  it('papers added to a day already seen reach the badge; re-fetches and upvote changes do not', async () => {
    const bg = background();
    hf.days.set(TODAY, makeDay(TODAY, 2));
    await bg.start();
    await markSeen(db); // the new tab was opened at 8:00 and showed today's two papers
    expect(await badge()).toBe('');

    // By evening the same day has 27 papers; the two seen ones got upvotes and comments meanwhile.
    const grown = makeDay(TODAY, 27).map((item, i) =>
      i < 27 ? { ...item, numComments: item.numComments + 3, paper: { ...item.paper, upvotes: 500 + i } } : item,
    );
    hf.days.set(TODAY, grown);
    await later(bg);
    expect(await badge()).toBe('25');
    // The same list again (and upvotes moving on an older day) adds nothing.
    hf.days.set(YESTERDAY, makeDay(YESTERDAY, 6, 7));
    await later(bg);
    expect(await badge()).toBe('25');
  });

  it('survives a worker restart: the count is recomputed from storage', async () => {
    const bg = background();
    await bg.start();
    await markSeen(db);
    hf.days.set(TODAY, makeDay(TODAY, 4));
    await later(bg);
    fakeBrowser.reset(); // the browser restarted: no badge
    fakeBrowser.permissions.contains = contains as typeof fakeBrowser.permissions.contains;
    await background().start();
    expect(await badge()).toBe('4');
  });

  it('does not depend on the clock: a clock set back still counts a new paper once', async () => {
    const bg = background();
    await bg.start();
    await markSeen(db);
    clock -= 2 * 3_600_000;
    hf.days.set(YESTERDAY, [...makeDay(YESTERDAY, 6), makeDailyItem(paperIdFor(YESTERDAY, 50), YESTERDAY)]);
    await bg.refresh('manual');
    await bg.refresh('manual');
    expect(await badge()).toBe('1');
  });

  it('opening the new tab or popup (markSeen) clears it, and only papers arriving after count again', async () => {
    const bg = background();
    await bg.start();
    await markSeen(db);
    expect(await badge()).toBe('');
    expect(await getMeta(db, 'unseenPapers')).toEqual({ ids: [] });
    hf.days.set(TODAY, makeDay(TODAY, 3));
    await later(bg);
    expect(await badge()).toBe('3');
  });
});

describe('the settle rule', () => {
  const DAY = '2026-11-25';
  it('a first look never settles; a list that stopped growing does; a lone paper only after three hours', () => {
    const first = observeDay(undefined, DAY, 1, 0);
    expect(first.settled).toBe(false);
    const lone = observeDay(first.state, DAY, 1, 30 * 60_000);
    expect(lone.settled).toBe(false);
    const grew = observeDay(lone.state, DAY, 12, 60 * 60_000);
    expect(grew.settled).toBe(false);
    expect(observeDay(grew.state, DAY, 12, 90 * 60_000).settled).toBe(true);
    expect(observeDay(lone.state, DAY, 1, SETTLE_AFTER_MS).settled).toBe(true);
  });
  it('a new day starts afresh; a day notified never settles again', () => {
    const a = observeDay({ day: DAY, firstAt: 0, count: 9, notified: true }, DAY, 9, 60_000);
    expect(a.settled).toBe(false);
    expect(observeDay(a.state, '2026-11-26', 9, 120_000)).toEqual({
      state: { day: '2026-11-26', firstAt: 120_000, count: 9, notified: false },
      settled: false,
    });
  });
  it('a clock set back before the first paper does not settle by time', () => {
    expect(observeDay({ day: DAY, firstAt: 10 * SETTLE_AFTER_MS, count: 1, notified: false }, DAY, 1, 0).settled).toBe(
      false,
    );
  });
});

describe('the notification fires once per day, when the list has settled', () => {
  beforeEach(async () => {
    await updateSettings({ notifyNewDay: true });
  });

  it('never for a lone early paper; once the list stops growing, with the count then; not again after a restart', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    let bg = background();
    await bg.start();
    await markSeen(db);
    hf.days.set(TODAY, makeDay(TODAY, 1));
    await later(bg);
    await later(bg);
    expect(create).not.toHaveBeenCalled();
    hf.days.set(TODAY, makeDay(TODAY, 20));
    await later(bg);
    expect(create).not.toHaveBeenCalled();
    await later(bg); // no growth between two refreshes: settled
    expect(create).toHaveBeenCalledTimes(1);
    expect((await shown())[NOTIFICATION_ID]?.title).toBe('20 new papers on Hugging Face Daily Papers');
    bg = background(); // the worker restarted
    await bg.start();
    await later(bg);
    await later(bg);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('a lone paper is told three hours after it appeared, even if nothing more came', async () => {
    const bg = background();
    await bg.start();
    await markSeen(db);
    hf.days.set(TODAY, makeDay(TODAY, 1));
    await later(bg);
    await later(bg, 60);
    expect(await shown()).toEqual({});
    await later(bg, 125);
    expect((await shown())[NOTIFICATION_ID]?.title).toBe('1 new paper on Hugging Face Daily Papers');
  });
});

describe('code released for saved papers', () => {
  const ID = paperIdFor(TODAY, 0);
  const withoutRepo = (): DailyItem[] => {
    const [first] = makeDay(TODAY, 1);
    const { githubRepo: _r, githubStars: _s, ...paper } = first!.paper;
    return [{ ...first!, paper }];
  };

  it('marks a saved paper whose repo appears in a later refresh, and notifies once', async () => {
    await updateSettings({ notifyNewDay: true });
    hf.days.set(TODAY, withoutRepo());
    const bg = background();
    await bg.start();
    await db.saved.put(makeSaved(ID, (await db.papers.get(ID))!));
    await later(bg);
    expect(await getMeta(db, 'codeReleased')).toBeUndefined();
    hf.days.set(TODAY, [makeDailyItem(ID, TODAY, { paper: { githubRepo: 'https://github.com/org/code' } })]);
    await later(bg);
    expect(await getMeta(db, 'codeReleased')).toEqual({
      [ID]: { at: clock, repo: 'https://github.com/org/code', notified: true },
    });
    expect((await shown())[CODE_NOTIFICATION_ID]?.title).toBe('Code released for 1 saved paper');
    await fakeBrowser.notifications.clear(CODE_NOTIFICATION_ID);
    await later(bg);
    expect(await shown()).not.toHaveProperty(CODE_NOTIFICATION_ID);
  });

  it('a paper saved with its repo already known, or not saved, is no release', async () => {
    hf.days.set(TODAY, [makeDailyItem(ID, TODAY, { paper: { githubRepo: 'https://github.com/org/code' } })]);
    const bg = background();
    await bg.start();
    await db.saved.put(makeSaved(ID, (await db.papers.get(ID))!));
    await later(bg);
    expect(await getMeta(db, 'codeReleased')).toBeUndefined();
  });
});
