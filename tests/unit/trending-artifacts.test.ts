import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '@/lib/background/main';
import { addDays, utcDay } from '@/lib/core/dates';
import type { Paper } from '@/lib/core/paper';
import { artifactsKey, ARTIFACTS_EVERY_MS, checkArtifacts } from '@/lib/hf/artifacts';
import { getStatus } from '@/lib/hf/gate';
import { parseRepos } from '@/lib/hf/hf-repos';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { getMeta, setMeta } from '@/lib/store/meta-table';
import { isTrendingStale, orderByTrending, TRENDING_STALE_MS } from '@/lib/store/trending';
import { makeDailyItem, makeDay, paperIdFor } from '../fixtures/papers';
import { makeSaved } from '../fixtures/saved';
import { FakeHf } from '../support/fake-hf';

const NOW = Date.parse('2026-11-25T15:00:00Z');
const TODAY = utcDay(NOW);
const DAY = addDays(TODAY, -1);

let db: PapertabDB;
let hf: FakeHf;
let clock: number;
let n = 0;

const page = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/newtab.html') });
const fromSite = () => ({
  id: fakeBrowser.runtime.id,
  url: 'https://huggingface.co/papers/1',
  tab: { id: 1 } as never,
});
const background = () => createBackground({ db, fetch: hf.fetch, now: () => clock, random: () => 1 });
const deps = () => ({ db, fetch: hf.fetch, now: () => clock });
const reposAsked = () => hf.requests.filter((r) => r.includes('/api/arxiv/'));

beforeEach(() => {
  db = createDb(`trending-${n++}`);
  hf = new FakeHf();
  clock = NOW;
  hf.days.set(DAY, makeDay(DAY, 5));
});
afterEach(() => db.close());

describe('Trending: Hugging Face order, fetched by the background and cached', () => {
  it("a page asking for a day's trending order gets sort=trending fetched and the ids cached with the time", async () => {
    const order = [4, 0, 3, 1, 2].map((i) => paperIdFor(DAY, i));
    hf.trending = order;
    const reply = await background().onMessage({ type: 'fetchTrending', range: { date: DAY } }, page());
    expect(reply).toMatchObject({ ok: true });
    expect(new URL(hf.requests.at(-1)!).searchParams.get('sort')).toBe('trending');
    expect(await getMeta(db, `trending:date:${DAY}`)).toEqual({ ids: order, fetchedAt: NOW });
    // The papers are cached too, under the day asked for.
    expect(await db.papers.where('day').equals(DAY).count()).toBe(5);
  });

  it('weeks and months are cached under their own key', async () => {
    hf.trending = [paperIdFor(DAY, 2)];
    await background().onMessage({ type: 'fetchTrending', range: { week: '2026-W48' } }, page());
    expect((await getMeta(db, 'trending:week:2026-W48'))?.ids[0]).toBe(paperIdFor(DAY, 2));
  });

  it('a 429 keeps the cached order and binds the other requests', async () => {
    await setMeta(db, `trending:date:${DAY}`, { ids: ['x'], fetchedAt: 1 });
    hf.fault = { fault: { kind: 'status', status: 429, headers: { 'Retry-After': '600' } } };
    const reply = await background().onMessage({ type: 'fetchTrending', range: { date: DAY } }, page());
    expect(reply).toMatchObject({ ok: false });
    expect(await getMeta(db, `trending:date:${DAY}`)).toEqual({ ids: ['x'], fetchedAt: 1 });
    expect((await getStatus(db)).rateLimitedUntil).toBe(NOW + 600_000);
  });

  it('ignores a malformed range, and a content script asking', async () => {
    const bg = background();
    expect(await bg.onMessage({ type: 'fetchTrending', range: { date: '2026-13-40' } }, page())).toBeUndefined();
    expect(await bg.onMessage({ type: 'fetchTrending', range: { date: DAY }, sort: 'x' }, page())).toBeUndefined();
    expect(await bg.onMessage({ type: 'fetchTrending', range: { date: DAY } }, fromSite())).toBeUndefined();
    expect(hf.requests).toEqual([]);
  });

  it('orders papers by the cached ids; papers it does not rank follow in the order given', () => {
    const p = (id: string) => ({ id }) as Paper;
    expect(orderByTrending([p('a'), p('b'), p('c'), p('d')], ['c', 'a', 'zz']).map((x) => x.id)).toEqual([
      'c',
      'a',
      'b',
      'd',
    ]);
  });

  it('an order is asked again after half an hour (either way round the clock), not before', () => {
    expect(isTrendingStale(undefined, NOW)).toBe(true);
    expect(isTrendingStale({ ids: [], fetchedAt: NOW - TRENDING_STALE_MS + 1 }, NOW)).toBe(false);
    expect(isTrendingStale({ ids: [], fetchedAt: NOW - TRENDING_STALE_MS }, NOW)).toBe(true);
    expect(isTrendingStale({ ids: [], fetchedAt: NOW + TRENDING_STALE_MS }, NOW)).toBe(true);
  });
});

describe('artifacts: /api/arxiv/{id}/repos, validated', () => {
  it('keeps the ids of models, datasets and Spaces; drops what is not a Hub id', () => {
    expect(
      parseRepos({
        models: [{ id: 'org/model', likes: 3 }, { id: 'gpt2' }, { id: '../../evil' }, { id: 42 }, 'x'],
        datasets: [{ id: 'org/data' }, { id: 'bare' }],
        spaces: [{ id: 'org/space' }, { id: 'javascript:alert(1)' }],
        extra: true,
      }),
    ).toEqual({ models: ['org/model', 'gpt2'], datasets: ['org/data'], spaces: ['org/space'] });
    expect(parseRepos({})).toEqual({ models: [], datasets: [], spaces: [] });
    expect(parseRepos([])).toBeUndefined();
    expect(parseRepos({ models: 'org/model' })).toBeUndefined();
    expect(parseRepos({ models: Array.from({ length: 80 }, (_, i) => ({ id: `o/m${i}` })) })?.models).toHaveLength(50);
  });
});

describe('artifacts of saved papers: at most once a day per paper, within the rate limit', () => {
  const A = paperIdFor(DAY, 0);
  const B = paperIdFor(DAY, 1);
  beforeEach(async () => {
    await db.saved.bulkPut([
      makeSaved(A, { githubRepo: 'https://github.com/o/a' }, { savedAt: 2 }),
      makeSaved(B, { githubRepo: 'https://github.com/o/b' }, { savedAt: 1 }),
    ]);
    hf.repos.set(A, { models: [{ id: 'org/a-model' }], datasets: [], spaces: [{ id: 'org/a-demo' }] });
  });

  it('asks each saved paper once, stores what it found, and asks again only a day later', async () => {
    expect(await checkArtifacts(deps())).toBe(2);
    expect(await getMeta(db, artifactsKey(A))).toEqual({
      checkedAt: NOW,
      models: ['org/a-model'],
      datasets: [],
      spaces: ['org/a-demo'],
    });
    // Hugging Face does not know B's repos (404): none, asked again tomorrow like the others.
    expect(await getMeta(db, artifactsKey(B))).toEqual({ checkedAt: NOW, models: [], datasets: [], spaces: [] });
    expect(reposAsked()).toHaveLength(2);
    clock += ARTIFACTS_EVERY_MS - 1;
    expect(await checkArtifacts(deps())).toBe(0);
    expect(reposAsked()).toHaveLength(2);
    clock += 1;
    expect(await checkArtifacts(deps())).toBe(2);
    expect(reposAsked()).toHaveLength(4);
  });

  it('a page asks by message; a content script cannot', async () => {
    const bg = background();
    expect(await bg.onMessage({ type: 'checkArtifacts' }, fromSite())).toBeUndefined();
    expect(await bg.onMessage({ type: 'checkArtifacts', id: A }, page())).toBeUndefined();
    expect(reposAsked()).toEqual([]);
    expect(await bg.onMessage({ type: 'checkArtifacts' }, page())).toEqual({ checked: 2 });
  });

  it('a 429 stops the run, binds every request, and the rest is asked after the wait', async () => {
    hf.fault = { fault: { kind: 'status', status: 429, headers: { 'Retry-After': '60' } }, match: /\/api\/arxiv\// };
    expect(await checkArtifacts(deps())).toBe(0);
    expect(reposAsked()).toHaveLength(1);
    expect(await getMeta(db, artifactsKey(A))).toBeUndefined();
    hf.fault = undefined;
    expect(await checkArtifacts(deps())).toBe(0); // still waiting: nothing asked
    expect(reposAsked()).toHaveLength(1);
    clock += 60_000;
    expect(await checkArtifacts(deps())).toBe(2);
  });

  it('offline, nothing is marked asked: the next run tries again', async () => {
    hf.fault = { fault: { kind: 'network' } };
    expect(await checkArtifacts(deps())).toBe(0);
    expect(await getMeta(db, artifactsKey(A))).toBeUndefined();
  });

  it('a malformed answer keeps what was known and waits its day', async () => {
    await setMeta(db, artifactsKey(A), {
      checkedAt: NOW - ARTIFACTS_EVERY_MS,
      models: ['org/old'],
      datasets: [],
      spaces: [],
    });
    hf.repos.set(A, { models: 'not a list' });
    await checkArtifacts(deps(), 1);
    expect(await getMeta(db, artifactsKey(A))).toEqual({
      checkedAt: NOW,
      models: ['org/old'],
      datasets: [],
      spaces: [],
    });
  });

  it('a saved paper without code is looked up too: its repo appearing marks it Code released', async () => {
    const C = paperIdFor(DAY, 2);
    await db.saved.put(makeSaved(C, { githubRepo: undefined }, { savedAt: 3 }));
    hf.papers.set(C, { ...makeDailyItem(C, DAY).paper, githubRepo: 'https://github.com/o/c' });
    await checkArtifacts(deps());
    expect((await db.saved.get(C))?.paper.githubRepo).toBe('https://github.com/o/c');
    expect(await getMeta(db, 'codeReleased')).toEqual({
      [C]: { at: NOW, repo: 'https://github.com/o/c', notified: false },
    });
    // Papers with code are not looked up again for it.
    expect(hf.requests.filter((r) => r.includes('/api/papers/'))).toHaveLength(1);
  });
});
