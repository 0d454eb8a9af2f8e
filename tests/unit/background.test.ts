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

describe('fetchRange messages: a day, week or month the new tab lacks', () => {
  const page = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/newtab.html') });

  it('an extension page asking for a past day gets it fetched and cached', async () => {
    const day = addDays(TODAY, -2);
    const reply = await background().onMessage({ type: 'fetchRange', range: { date: day } }, page());
    expect(reply).toEqual({ ok: true, message: '6 papers' });
    expect(hf.requestedDays()).toEqual([day]);
    expect(await db.days.get(day)).toMatchObject({ status: 'ok', count: 6 });
  });

  it('an extension page asking for a week gets its listing fetched', async () => {
    const reply = await background().onMessage({ type: 'fetchRange', range: { week: '2026-W48' } }, page());
    expect(reply).toEqual({ ok: true, message: '12 papers' });
    expect(hf.requests.map((r) => new URL(r).searchParams.get('week'))).toEqual(['2026-W48']);
    expect(await getMeta(db, 'range:week:2026-W48')).toBe(NOW);
  });

  it.each<[unknown, string]>([
    [{ type: 'fetchRange', range: { date: '2025-13-40' } }, 'a date that does not exist'],
    [{ type: 'fetchRange', range: { date: '2026-11-24T00:00:00Z' } }, 'a timestamp'],
    [{ type: 'fetchRange', range: { week: '2026-W99' } }, 'week 99'],
    [{ type: 'fetchRange', range: { month: '2026-13' } }, 'month 13'],
    [{ type: 'fetchRange', range: { date: '2026-11-24', week: '2026-W48' } }, 'two ranges at once'],
    [{ type: 'fetchRange', range: { date: '2026-11-24', limit: 1000 } }, 'an extra key in the range'],
    [{ type: 'fetchRange', range: { date: '2026-11-24' }, url: 'https://evil.example/' }, 'an extra key'],
    [{ type: 'fetchRange', range: { search: 'x' } }, 'an unknown kind of range'],
    [{ type: 'fetchRange', range: '2026-11-24' }, 'a range that is a string'],
    [{ type: 'fetchRange' }, 'no range'],
  ])('ignores %j (%s) without a request', async (message) => {
    expect(await background().onMessage(message, page())).toBeUndefined();
    expect(hf.requests).toHaveLength(0);
  });

  it('makes no request for a week that does not exist', async () => {
    await background().onMessage({ type: 'fetchRange', range: { week: '2025-W53' } }, page());
    expect(hf.requests).toHaveLength(0);
  });

  it('ignores a valid range asked for by a content script or another extension', async () => {
    const range = { date: addDays(TODAY, -2) };
    const bg = background();
    expect(
      await bg.onMessage(
        { type: 'fetchRange', range },
        { id: fakeBrowser.runtime.id, url: 'https://huggingface.co/papers' },
      ),
    ).toBeUndefined();
    expect(
      await bg.onMessage({ type: 'fetchRange', range }, { id: 'another-extension', url: page().url }),
    ).toBeUndefined();
    expect(hf.requests).toHaveLength(0);
  });
});
