import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REFRESH_ALARM, RETRY_ALARM } from '@/lib/alarms';
import { createBackground } from '@/lib/background-main';
import { addDays, utcDay } from '@/lib/dates';
import { createDb, type PapertabDB } from '@/lib/db';
import { getMeta, setMeta } from '@/lib/meta';
import { makeDay } from '../fixtures/papers';
import { FakeHf } from '../support/fake-hf';

const NOW = Date.parse('2026-11-25T15:00:00Z');
const TODAY = utcDay(NOW);

let db: PapertabDB;
let hf: FakeHf;
let clock: number;
let n = 0;

beforeEach(async () => {
  db = createDb(`bg-${n++}`);
  hf = new FakeHf();
  clock = NOW;
  for (const offset of [-1, -2]) hf.days.set(addDays(TODAY, offset), makeDay(addDays(TODAY, offset), 6));
});
afterEach(() => db.close());

const background = () => createBackground({ db, fetch: hf.fetch, now: () => clock, random: () => 1 });

describe('background start', () => {
  it('is idempotent: started twice, one alarm and the same data', async () => {
    await background().start();
    const papers = await db.papers.toArray();
    const requests = hf.requests.length;
    await background().start();
    expect(await fakeBrowser.alarms.getAll()).toEqual([
      expect.objectContaining({ name: REFRESH_ALARM, periodInMinutes: 30 }),
    ]);
    expect(await db.papers.toArray()).toEqual(papers);
    // Fresh data is not fetched again on the second start.
    expect(hf.requests.length).toBe(requests);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('6');
  });

  it('re-creates a missing alarm and recomputes the badge at each start', async () => {
    await background().start();
    await setMeta(db, 'seenDay', addDays(TODAY, -1));
    fakeBrowser.reset(); // the browser restarted: no alarms, no badge
    await background().start();
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.periodInMinutes).toBe(30);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('re-arms a pending retry lost with the browser', async () => {
    hf.fault = { fault: { kind: 'status', status: 500 } };
    await background().start();
    const pending = await fakeBrowser.alarms.get(RETRY_ALARM);
    expect(pending).toBeDefined();
    fakeBrowser.reset();
    await background().start();
    expect((await fakeBrowser.alarms.get(RETRY_ALARM))?.scheduledTime).toBe(pending?.scheduledTime);
  });

  it('refreshes at start when the last success is older than the interval', async () => {
    await background().start();
    const before = hf.requests.length;
    clock += 31 * 60_000;
    await background().start();
    expect(hf.requests.length).toBeGreaterThan(before);
  });

  it('shares one refresh between callers arriving together', async () => {
    const bg = background();
    const [a, b] = await Promise.all([bg.refresh('install'), bg.refresh('startup')]);
    expect(a).toBe(b);
    expect(hf.requestedDays().filter((d) => d === TODAY)).toHaveLength(1);
  });

  it('refresh alarms fetch and update the badge', async () => {
    const bg = background();
    await bg.start();
    await setMeta(db, 'seenDay', addDays(TODAY, -1));
    hf.days.set(TODAY, makeDay(TODAY, 4));
    clock += 30 * 60_000;
    await bg.onAlarm({ name: REFRESH_ALARM, scheduledTime: clock, periodInMinutes: 30 } as Parameters<
      typeof bg.onAlarm
    >[0]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('4');
    expect(await getMeta(db, 'seenDay')).toBe(addDays(TODAY, -1));
  });
});

describe('messages are untrusted', () => {
  const page = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/newtab.html') });

  it('an extension page may ask for a refresh and gets a plain-words answer', async () => {
    const reply = await background().onMessage({ type: 'refresh' }, page());
    expect(reply).toEqual({ ok: true, message: 'Papers are up to date.' });
    expect(hf.requests.length).toBeGreaterThan(0);
  });

  it('ignores malformed messages and other senders', async () => {
    const bg = background();
    expect(await bg.onMessage({ type: 'refresh', extra: 1 }, page())).toBeUndefined();
    expect(await bg.onMessage({ type: 'nuke' }, page())).toBeUndefined();
    expect(await bg.onMessage('refresh', page())).toBeUndefined();
    expect(await bg.onMessage({ type: 'refresh' }, { id: 'another-extension', url: page().url })).toBeUndefined();
    expect(
      await bg.onMessage({ type: 'refresh' }, { id: fakeBrowser.runtime.id, url: 'https://huggingface.co/papers/1' }),
    ).toBeUndefined();
    expect(hf.requests).toHaveLength(0);
  });
});
