import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findNewPapers } from '@/lib/views/badge';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { storeDay } from '@/lib/store/papers';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { getMeta, setMeta } from '@/lib/store/meta-table';
import { maybeNotify, NOTIFICATION_ID } from '@/lib/background/notify';
import { DEFAULTS, type Settings } from '@/lib/core/settings-schema';
import { makeDailyItem, paperIdFor } from '../fixtures/papers';

const SEEN = '2026-11-23';
const NEW_DAY = '2026-11-24';
const NEXT_DAY = '2026-11-25';

const ON: Settings = { ...DEFAULTS, notifyNewDay: true };

let db: PapertabDB;
let n = 0;
let contains: ReturnType<typeof vi.fn>;

const item = (day: string, index: number, title: string, upvotes: number) =>
  makeDailyItem(paperIdFor(day, index), day, { title, paper: { upvotes } });

async function storeItems(day: string, items: ReturnType<typeof item>[]) {
  await storeDay(db, day, parseDailyItems(items, day, 0).items, 0, 0);
}

async function notifyNow(settings: Settings) {
  return maybeNotify(db, settings, await findNewPapers(db, settings));
}

const shown = async () =>
  fakeBrowser.notifications.getAll() as Promise<Record<string, { title: string; message: string }>>;

beforeEach(async () => {
  db = createDb(`notify-${n++}`);
  await storeItems(NEW_DAY, [
    item(NEW_DAY, 0, 'Origami Folding with Language Models', 12),
    item(NEW_DAY, 1, 'Speculative Decoding at Scale', 80),
    item(NEW_DAY, 2, 'A Benchmark for Tool Use', 3),
  ]);
  await setMeta(db, 'seenDay', SEEN);
  // fakeBrowser has no permissions API: the browser's answer is stubbed per test.
  contains = vi.fn(async () => true);
  fakeBrowser.permissions.contains = contains as typeof fakeBrowser.permissions.contains;
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

describe('the new-day notification', () => {
  it('is off by default: nothing is shown and the permission is not even checked', async () => {
    expect(await notifyNow(DEFAULTS)).toBe(false);
    expect(await shown()).toEqual({});
    expect(contains).not.toHaveBeenCalled();
  });

  it('when on and permitted, shows one notification with the count and the top paper', async () => {
    expect(await notifyNow(ON)).toBe(true);
    expect(contains).toHaveBeenCalledWith({ permissions: ['notifications'] });
    const all = await shown();
    expect(Object.keys(all)).toEqual([NOTIFICATION_ID]);
    expect(all[NOTIFICATION_ID]).toMatchObject({
      title: '3 new papers on Hugging Face Daily Papers',
      message: 'Top: Speculative Decoding at Scale',
    });
    expect(await getMeta(db, 'notifiedDay')).toBe(NEW_DAY);
  });

  it('names the watch-list entries that matched, as the user wrote them', async () => {
    await notifyNow({ ...ON, watchKeywords: ['ORIGAMI', 'tool use', 'protein'] });
    expect((await shown())[NOTIFICATION_ID]?.message).toMatch(/^On your watch list: ORIGAMI, tool use\. /);
  });

  it('says "paper" for one paper', async () => {
    await storeItems(NEXT_DAY, [item(NEXT_DAY, 0, 'Only One Today', 1)]);
    await setMeta(db, 'seenDay', NEW_DAY);
    await notifyNow(ON);
    expect((await shown())[NOTIFICATION_ID]?.title).toBe('1 new paper on Hugging Face Daily Papers');
  });

  it('is shown once per day: not again for the same day, again for a newer one', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    expect(await notifyNow(ON)).toBe(true);
    expect(await notifyNow(ON)).toBe(false);
    expect(create).toHaveBeenCalledTimes(1);
    await storeItems(NEXT_DAY, [item(NEXT_DAY, 0, 'Tomorrow’s Paper', 5)]);
    expect(await notifyNow(ON)).toBe(true);
    expect(create).toHaveBeenCalledTimes(2);
    expect(await getMeta(db, 'notifiedDay')).toBe(NEXT_DAY);
  });

  it('when on but the permission was withdrawn, shows nothing and still notifies once it is back', async () => {
    contains.mockResolvedValue(false);
    expect(await notifyNow(ON)).toBe(false);
    expect(await shown()).toEqual({});
    expect(await getMeta(db, 'notifiedDay')).toBeUndefined();
    contains.mockResolvedValue(true);
    expect(await notifyNow(ON)).toBe(true);
  });

  it('shows nothing when there is nothing new', async () => {
    await setMeta(db, 'seenDay', NEW_DAY);
    expect(await notifyNow(ON)).toBe(false);
    expect(await shown()).toEqual({});
  });
});
