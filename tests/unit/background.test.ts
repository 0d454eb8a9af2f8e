import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REFRESH_ALARM, RETRY_ALARM } from '@/lib/background/alarms';
import { createBackground, SAVE_COMMAND } from '@/lib/background/main';
import { MENU_SAVE_LINK, MENU_SAVE_PAGE, menuTarget } from '@/lib/background/context-menu';
import { addDays, utcDay } from '@/lib/core/dates';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { getMeta } from '@/lib/store/meta-table';
import { updateSettings } from '@/lib/core/settings';
import { DEFAULTS } from '@/lib/core/settings-schema';
import { makeDailyItem, makeDay } from '../fixtures/papers';
import { datedAt, makeSaved } from '../fixtures/saved';
import { FakeHf } from '../support/fake-hf';
import { markSeen } from '@/lib/views/badge';

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
    await markSeen(db);
    fakeBrowser.reset(); // the browser restarted: no alarms, no badge
    await background().start();
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.periodInMinutes).toBe(30);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('keeps a refresh alarm already due sooner than one period, made periodic again', async () => {
    const soon = Date.now() + 60_000;
    await fakeBrowser.alarms.create(REFRESH_ALARM, { when: soon });
    await background().start();
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toEqual(
      expect.objectContaining({ scheduledTime: soon, periodInMinutes: 30 }),
    );
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
    // Changed on purpose (issue 11): what is seen is what the new tab or popup showed, not a day set by hand.
    await markSeen(db);
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

  it('a 429 answering "Search Hugging Face" binds every request until the time named: search, saves, refresh', async () => {
    const bg = background();
    hf.fault = { fault: { kind: 'status', status: 429, headers: { 'Retry-After': '600' } } };
    const reply = await bg.onMessage({ type: 'searchHf', q: 'diffusion' }, page());
    expect(reply).toEqual({
      ok: false,
      message: expect.stringMatching(/^Hugging Face asked us to slow down; next try at /),
    });
    expect((await getMeta(db, 'refreshStatus'))?.rateLimitedUntil).toBe(clock + 600_000);
    hf.fault = undefined;
    const asked = hf.requests.length;
    clock += 5 * 60_000; // before the time Hugging Face named
    expect(await bg.onMessage({ type: 'searchHf', q: 'diffusion' }, page())).toMatchObject({ ok: false });
    await bg.onMessage({ type: 'refresh' }, page());
    await bg.onMessage({ type: 'savePaper', id: '2501.09999' }, page());
    expect(hf.requests.length).toBe(asked);
    clock += 6 * 60_000; // after it
    expect(await bg.onMessage({ type: 'searchHf', q: 'diffusion' }, page())).toMatchObject({ ok: true });
  });

  it('a 429 answering a save lookup binds the refresh too; the paper is saved from what is known', async () => {
    const bg = background();
    hf.fault = {
      fault: { kind: 'status', status: 429, headers: { 'Retry-After': '120' } },
      match: /\/api\/papers\/2501/,
    };
    expect(await bg.onMessage({ type: 'savePaper', id: '2501.09998' }, page())).toMatchObject({
      ok: true,
      saved: true,
    });
    expect((await getMeta(db, 'refreshStatus'))?.rateLimitedUntil).toBe(clock + 120_000);
    // The status line's "next try at" is true: the retry alarm is set for that time.
    expect((await fakeBrowser.alarms.get(RETRY_ALARM))?.scheduledTime).toBe(clock + 120_000);
    hf.fault = undefined;
    const asked = hf.requests.length;
    await bg.onMessage({ type: 'refresh' }, page());
    expect(hf.requests.length).toBe(asked);
  });

  it('"Search Hugging Face" from the new tab: the background asks the API and answers validated papers', async () => {
    const day = addDays(TODAY, -1);
    const wanted = hf.days.get(day)![0]!;
    const reply = await background().onMessage({ type: 'searchHf', q: `  ${wanted.paper.title}  ` }, page());
    expect(reply).toEqual({
      ok: true,
      papers: [expect.objectContaining({ id: wanted.paper.id, title: wanted.paper.title })],
    });
    expect(hf.requests.at(-1)).toContain('/api/papers/search?q=');
    // Failures come back in words; empty or oversized queries and content scripts get nothing.
    hf.fault = { fault: { kind: 'status', status: 503 } };
    expect(await background().onMessage({ type: 'searchHf', q: 'x' }, page())).toEqual({
      ok: false,
      message: expect.stringMatching(/503/),
    });
    const count = hf.requests.length;
    const fromSite = { id: fakeBrowser.runtime.id, url: 'https://huggingface.co/papers/1', tab: { id: 1 } as never };
    expect(await background().onMessage({ type: 'searchHf', q: 'x' }, fromSite)).toBeUndefined();
    expect(await background().onMessage({ type: 'searchHf', q: '   ' }, page())).toBeUndefined();
    expect(await background().onMessage({ type: 'searchHf', q: 'x'.repeat(1001) }, page())).toBeUndefined();
    expect(hf.requests.length).toBe(count);
  });

  it('"Complete incomplete papers" from the reading list: the background asks Hugging Face, never a page', async () => {
    const id = '2501.04242';
    hf.papers.set(id, makeDailyItem(id, addDays(TODAY, -1)).paper);
    await db.saved.put(makeSaved(id, { title: 'From an import' }, { incomplete: true }));
    const fromSite = { id: fakeBrowser.runtime.id, url: 'https://huggingface.co/papers/1', tab: { id: 1 } as never };
    expect(await background().onMessage({ type: 'completeIncomplete' }, fromSite)).toBeUndefined();
    expect((await db.saved.get(id))?.incomplete).toBe(true);
    const reading = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/reading-list.html') };
    expect(await background().onMessage({ type: 'completeIncomplete' }, reading)).toEqual({ completed: 1 });
    const done = await db.saved.get(id);
    expect(done?.incomplete).toBeUndefined();
    expect(done?.paper.title).toBe(hf.papers.get(id)?.title);
  });

  it('a page that showed the feed has it marked seen: the badge clears (a paper page cannot ask)', async () => {
    const bg = background();
    await bg.start();
    expect(await fakeBrowser.action.getBadgeText({})).not.toBe('');
    const fromSite = { id: fakeBrowser.runtime.id, url: 'https://huggingface.co/papers/1', tab: { id: 1 } as never };
    expect(await bg.onMessage({ type: 'markSeen' }, fromSite)).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({})).not.toBe('');
    expect(await bg.onMessage({ type: 'markSeen' }, page())).toEqual({ ok: true });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await getMeta(db, 'unseenPapers')).toEqual({ ids: [] });
  });

  it('an extension page may ask for a refresh and gets a plain-words answer', async () => {
    const reply = await background().onMessage({ type: 'refresh' }, page());
    expect(reply).toEqual({ ok: true, message: 'Papers are up to date.' });
    expect(hf.requests.length).toBeGreaterThan(0);
  });

  it('"Sync now" from the options page syncs the reading list and says how it went', async () => {
    await db.saved.put(makeSaved('2511.00001', { title: 'Synced' }, datedAt(NOW)));
    const reply = await background().onMessage({ type: 'syncNow' }, page());
    expect(reply).toMatchObject({ ok: true });
    expect((reply as { message: string }).message).toMatch(/1 paper/);
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toContain('rl:meta');
    // Not for content scripts.
    const fromSite = { id: fakeBrowser.runtime.id, url: 'https://huggingface.co/papers/1', tab: { id: 1 } as never };
    expect(await background().onMessage({ type: 'syncNow' }, fromSite)).toBeUndefined();
  });

  it('"Sync now" that fails says it failed, and why (not that sync is off)', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('disk unavailable'));
    try {
      expect(await background().onMessage({ type: 'syncNow' }, page())).toEqual({
        ok: false,
        message: 'Sync failed: disk unavailable',
      });
    } finally {
      get.mockRestore();
    }
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

describe('settings changes and the stored interval', () => {
  it('start uses the stored refresh interval, for the alarm and for whether a refresh is due', async () => {
    await updateSettings({ refreshMinutes: 120 });
    await background().start();
    expect(await fakeBrowser.alarms.getAll()).toEqual([
      expect.objectContaining({ name: REFRESH_ALARM, periodInMinutes: 120 }),
    ]);
    const requests = hf.requests.length;
    clock += 60 * 60_000; // an hour later: not due on a two-hour interval
    await background().start();
    expect(hf.requests.length).toBe(requests);
  });

  it('a settings change re-creates the refresh alarm with the new interval and recomputes the badge', async () => {
    const bg = background();
    await bg.start();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('6');
    await bg.onSettings({ ...DEFAULTS, refreshMinutes: 360, badgeMode: 'dot' });
    expect(await fakeBrowser.alarms.getAll()).toEqual([
      expect.objectContaining({ name: REFRESH_ALARM, periodInMinutes: 360 }),
    ]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('•');
    await bg.onSettings({ ...DEFAULTS, badgeMode: 'off' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.periodInMinutes).toBe(30);
  });
});

const PAPER_ID = '2404.12345';
const tab = (id: number, url: string) => ({ id, url, index: 0, active: true }) as Browser.tabs.Tab;

describe('saving the paper in a tab with the keyboard command', () => {
  beforeEach(() => hf.papers.set(PAPER_ID, makeDailyItem(PAPER_ID, addDays(TODAY, -1)).paper));

  it.each([
    `https://arxiv.org/abs/${PAPER_ID}v2`,
    `https://huggingface.co/papers/${PAPER_ID}`,
    `https://arxiv.org/pdf/${PAPER_ID}`,
  ])("saves the paper of %s and marks that tab's button with a check", async (url) => {
    const reply = await background().onCommand(SAVE_COMMAND, tab(7, url));
    expect(reply).toMatchObject({ ok: true, saved: true });
    expect(await db.saved.get(PAPER_ID)).toMatchObject({ id: PAPER_ID, status: 'to-read' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('✓');
    // The global badge (new papers) is left alone.
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('');
  });

  it('a tab that is not a paper saves nothing and says so', async () => {
    const reply = await background().onCommand(SAVE_COMMAND, tab(7, 'https://example.com/papers/2404.12345'));
    expect(reply).toEqual({ ok: false, saved: false, message: 'This tab is not an arXiv or Hugging Face paper.' });
    expect(await db.saved.count()).toBe(0);
    expect(hf.requests).toHaveLength(0);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('other commands are not this one', async () => {
    expect(
      await background().onCommand('_execute_action', tab(7, `https://arxiv.org/abs/${PAPER_ID}`)),
    ).toBeUndefined();
    expect(await db.saved.count()).toBe(0);
  });
});

describe('saving from the context menu', () => {
  const click = (info: Partial<Browser.contextMenus.OnClickData>) =>
    ({ editable: false, ...info }) as Browser.contextMenus.OnClickData;

  beforeEach(() => hf.papers.set(PAPER_ID, makeDailyItem(PAPER_ID, addDays(TODAY, -1)).paper));

  it('"Save paper" on a link saves the linked paper, not the page it is on', async () => {
    const reply = await background().onMenu(
      click({
        menuItemId: MENU_SAVE_LINK,
        linkUrl: `https://arxiv.org/abs/${PAPER_ID}v1`,
        pageUrl: 'https://example.com/blog',
      }),
    );
    expect(reply).toMatchObject({ ok: true, saved: true });
    expect(await db.saved.get(PAPER_ID)).toBeDefined();
  });

  it('"Save this paper" on a page (a PDF too) saves the page\'s paper', async () => {
    await background().onMenu(click({ menuItemId: MENU_SAVE_PAGE, pageUrl: `https://arxiv.org/pdf/${PAPER_ID}v3` }));
    expect(await db.saved.get(PAPER_ID)).toBeDefined();
  });

  it('names the paper of the menu clicked, or nothing', () => {
    expect(
      menuTarget(click({ menuItemId: MENU_SAVE_LINK, linkUrl: `https://huggingface.co/papers/${PAPER_ID}` })),
    ).toBe(PAPER_ID);
    expect(menuTarget(click({ menuItemId: MENU_SAVE_PAGE, pageUrl: 'https://arxiv.org/abs/hep-th/9901001v2' }))).toBe(
      'hep-th/9901001',
    );
    // The link menu reads the link, the page menu the page.
    expect(menuTarget(click({ menuItemId: MENU_SAVE_LINK, pageUrl: `https://arxiv.org/abs/${PAPER_ID}` }))).toBe(
      undefined,
    );
    expect(menuTarget(click({ menuItemId: MENU_SAVE_PAGE, linkUrl: `https://arxiv.org/abs/${PAPER_ID}` }))).toBe(
      undefined,
    );
    expect(menuTarget(click({ menuItemId: MENU_SAVE_LINK, linkUrl: 'https://huggingface.co/papers/trending' }))).toBe(
      undefined,
    );
    expect(menuTarget(click({ menuItemId: 'someone-else', linkUrl: `https://arxiv.org/abs/${PAPER_ID}` }))).toBe(
      undefined,
    );
  });

  it('a link that is not a paper saves nothing', async () => {
    expect(
      await background().onMenu(click({ menuItemId: MENU_SAVE_LINK, linkUrl: 'https://arxiv.org/list/cs.CL/recent' })),
    ).toBeUndefined();
    expect(await db.saved.count()).toBe(0);
  });
});

describe('save messages from paper pages', () => {
  const fromPage = (url: string, over: Partial<Browser.runtime.MessageSender> = {}): Browser.runtime.MessageSender => ({
    id: fakeBrowser.runtime.id,
    url,
    tab: tab(3, url),
    ...over,
  });
  const HF_PAGE = `https://huggingface.co/papers/${PAPER_ID}`;

  beforeEach(() => hf.papers.set(PAPER_ID, makeDailyItem(PAPER_ID, addDays(TODAY, -1)).paper));

  it.each([HF_PAGE, `https://arxiv.org/abs/${PAPER_ID}v2`, `https://www.arxiv.org/html/${PAPER_ID}`])(
    'the content script on %s may save and unsave',
    async (url) => {
      const bg = background();
      expect(
        await bg.onMessage({ type: 'savePaper', id: PAPER_ID, page: { title: 'From the page' } }, fromPage(url)),
      ).toEqual(expect.objectContaining({ ok: true, saved: true }));
      expect(await db.saved.get(PAPER_ID)).toBeDefined();
      expect(await bg.onMessage({ type: 'unsavePaper', id: PAPER_ID }, fromPage(url))).toEqual(
        expect.objectContaining({ ok: true, saved: false }),
      );
      expect(await db.saved.count()).toBe(0);
    },
  );

  it('an extension page (the popup) may save too', async () => {
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    expect(await background().onMessage({ type: 'savePaper', id: PAPER_ID }, popup)).toMatchObject({ ok: true });
  });

  it.each<[string, unknown, Browser.runtime.MessageSender]>([
    ['another site', { type: 'savePaper', id: PAPER_ID }, fromPage('https://evil.example/papers/2404.12345')],
    [
      'a look-alike host',
      { type: 'savePaper', id: PAPER_ID },
      fromPage('https://huggingface.co.evil.example/papers/x'),
    ],
    ['plain http', { type: 'savePaper', id: PAPER_ID }, fromPage(`http://huggingface.co/papers/${PAPER_ID}`)],
    ['another extension', { type: 'savePaper', id: PAPER_ID }, fromPage(HF_PAGE, { id: 'another-extension' })],
    ['a sender with no tab', { type: 'savePaper', id: PAPER_ID }, fromPage(HF_PAGE, { tab: undefined })],
    ['an id too long to be one', { type: 'savePaper', id: '2404.12345'.repeat(10) }, fromPage(HF_PAGE)],
    ['an id that is not a string', { type: 'savePaper', id: 2404.12345 }, fromPage(HF_PAGE)],
    ['an extra key', { type: 'savePaper', id: PAPER_ID, status: 'read' }, fromPage(HF_PAGE)],
    [
      'an extra key in the page',
      { type: 'savePaper', id: PAPER_ID, page: { title: 'x', html: '<b>' } },
      fromPage(HF_PAGE),
    ],
    [
      'a page title far too long',
      { type: 'savePaper', id: PAPER_ID, page: { title: 'x'.repeat(1001) } },
      fromPage(HF_PAGE),
    ],
    [
      'a category that is not one',
      { type: 'savePaper', id: PAPER_ID, page: { title: 'x', primaryClass: 'cs}, note = {x' } },
      fromPage(HF_PAGE),
    ],
    ['a refresh', { type: 'refresh' }, fromPage(HF_PAGE)],
  ])('rejects a save from %s, saving and fetching nothing', async (_what, message, sender) => {
    expect(await background().onMessage(message, sender)).toBeUndefined();
    expect(await db.saved.count()).toBe(0);
    expect(hf.requests).toHaveLength(0);
  });

  it('an id that is not an arXiv id is refused, saving and fetching nothing', async () => {
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    for (const id of ['../../api/settings', 'javascript:alert(1)', '2404.1234', '']) {
      // The popup is told why; a paper page's message is not about its paper, so it gets no answer.
      expect(await background().onMessage({ type: 'savePaper', id }, popup)).toMatchObject({ ok: false, saved: false });
      expect(await background().onMessage({ type: 'savePaper', id }, fromPage(HF_PAGE))).toBeUndefined();
    }
    expect(await db.saved.count()).toBe(0);
    expect(hf.requests).toHaveLength(0);
  });

  describe("only for the paper the sender's own page shows", () => {
    const OTHER = '2405.00001';
    const OLD = 'hep-th/9901001';

    it.each([
      ['Hugging Face', HF_PAGE],
      ['an arXiv abstract page, another version', `https://arxiv.org/abs/${PAPER_ID}v3`],
      ['an arXiv HTML page with www.', `https://www.arxiv.org/html/${PAPER_ID}v2`],
    ])('a save or unsave of another paper from %s is ignored, changing and fetching nothing', async (_s, url) => {
      hf.papers.set(OTHER, makeDailyItem(OTHER, addDays(TODAY, -1)).paper);
      const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
      await background().onMessage({ type: 'savePaper', id: OTHER }, popup);
      hf.requests.length = 0;
      const bg = background();
      expect(await bg.onMessage({ type: 'unsavePaper', id: OTHER }, fromPage(url))).toBeUndefined();
      expect(await bg.onMessage({ type: 'unsavePaper', id: `arXiv:${OTHER}v1` }, fromPage(url))).toBeUndefined();
      expect(await db.saved.get(OTHER)).toBeDefined();
      expect(await bg.onMessage({ type: 'savePaper', id: '2405.00002' }, fromPage(url))).toBeUndefined();
      expect(await bg.onMessage({ type: 'savePaper', id: OLD }, fromPage(url))).toBeUndefined();
      expect((await db.saved.toArray()).map((s) => s.id)).toEqual([OTHER]);
      expect(hf.requests).toHaveLength(0);
    });

    it('the same paper through the other site, or named with a version, is the same paper', async () => {
      const bg = background();
      const fromHf = await bg.onMessage({ type: 'savePaper', id: `${PAPER_ID}v2` }, fromPage(HF_PAGE));
      expect(fromHf).toMatchObject({ ok: true, saved: true });
      const arxiv = fromPage(`https://arxiv.org/abs/${PAPER_ID}v1`);
      expect(await bg.onMessage({ type: 'unsavePaper', id: `arXiv:${PAPER_ID}` }, arxiv)).toMatchObject({
        ok: true,
        saved: false,
      });
      expect(await db.saved.count()).toBe(0);
    });

    it('old-style ids: the page of hep-th/9901001 may save it, not another', async () => {
      const bg = background();
      const page = fromPage(`https://arxiv.org/abs/${OLD}v2`);
      expect(await bg.onMessage({ type: 'savePaper', id: 'hep-th/9901002' }, page)).toBeUndefined();
      expect(await bg.onMessage({ type: 'savePaper', id: OLD }, page)).toMatchObject({ ok: true, saved: true });
      expect((await db.saved.toArray()).map((s) => s.id)).toEqual([OLD]);
    });

    it.each([
      'https://huggingface.co/meta-llama/Llama-3.1-8B',
      'https://huggingface.co/papers/trending',
      'https://arxiv.org/list/cs.CL/recent',
    ])('a page that shows no paper (%s) may save nothing', async (url) => {
      expect(await background().onMessage({ type: 'savePaper', id: PAPER_ID }, fromPage(url))).toBeUndefined();
      expect(await db.saved.count()).toBe(0);
    });

    it("after Hugging Face's client-side navigation, the paper the tab shows now, not the one it loaded", async () => {
      // Chrome's sender.url stays the URL the document was loaded at; the tab's URL follows pushState.
      const navigated = fromPage(HF_PAGE, { tab: tab(3, `https://huggingface.co/papers/${OTHER}`), frameId: 0 });
      const bg = background();
      expect(await bg.onMessage({ type: 'savePaper', id: PAPER_ID }, navigated)).toBeUndefined();
      expect(await bg.onMessage({ type: 'savePaper', id: OTHER }, navigated)).toMatchObject({ ok: true });
      expect((await db.saved.toArray()).map((s) => s.id)).toEqual([OTHER]);
    });

    it('a frame inside the page is not the page', async () => {
      const frame = fromPage(HF_PAGE, { frameId: 7 });
      expect(await background().onMessage({ type: 'savePaper', id: PAPER_ID }, frame)).toBeUndefined();
      expect(await db.saved.count()).toBe(0);
    });
  });

  it('an unsave from another site removes nothing', async () => {
    await background().onMessage({ type: 'savePaper', id: PAPER_ID }, fromPage(HF_PAGE));
    expect(
      await background().onMessage({ type: 'unsavePaper', id: PAPER_ID }, fromPage('https://evil.example/')),
    ).toBeUndefined();
    expect(await db.saved.count()).toBe(1);
  });
});
