import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchDailyPapers, FetchFailure, fetchPaper, REQUEST_TIMEOUT_MS, searchPapers } from '@/lib/hf/hf-api';
import { makeDailyItem, makeDay, paperIdFor } from '../fixtures/papers';

const DAY = '2025-03-04';
const NOW = Date.parse('2025-03-04T12:00:00Z');
const now = () => NOW;
const dailyUrl = (query: string, p: number) => `https://huggingface.co/api/daily_papers?${query}&p=${p}&limit=100`;

type Responder = (url: string, init: RequestInit | undefined, call: number) => Response | Promise<Response>;

/** A stand-in for `fetch` that records every URL and request it is given. */
function stubFetch(respond: Responder) {
  const urls: string[] = [];
  const inits: (RequestInit | undefined)[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    urls.push(url);
    inits.push(init);
    return respond(url, init, urls.length - 1);
  });
  return { fetch: fn as unknown as typeof fetch, urls, inits, calls: () => fn.mock.calls.length };
}

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' }, ...init });

/** Serves `pages[p]` for the `p` query parameter; `[]` past the end, as HF does. */
function pagedFetch(pages: unknown[][]) {
  return stubFetch((url) => json(pages[Number(new URL(url).searchParams.get('p'))] ?? []));
}

/** A fetch that never answers by itself but, like the real one, rejects when its signal aborts. */
function hangingFetch() {
  return stubFetch(
    (_url, init) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('This operation was aborted', 'AbortError')),
        );
      }),
  );
}

/** A response whose headers arrive but whose body stalls, erroring (like a real body) when the request aborts. */
function stallingBody(signal: AbortSignal | null | undefined, breakOff = false): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('[{"paper":'));
      if (breakOff) controller.error(new TypeError('terminated'));
      signal?.addEventListener('abort', () =>
        controller.error(new DOMException('This operation was aborted', 'AbortError')),
      );
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } });
}

/** Awaits a promise that must reject with a FetchFailure, and returns that failure. */
async function failure(promise: Promise<unknown>): Promise<FetchFailure> {
  const err = await promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchFailure);
  return err as FetchFailure;
}

/** `count` distinct items for DAY starting at index `from`. */
function items(from: number, count: number) {
  return Array.from({ length: count }, (_, i) => makeDailyItem(paperIdFor(DAY, from + i), DAY));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('fetchDailyPapers: paging', () => {
  it('asks for a day once, 100 at a time from page 0, when the first page is short', async () => {
    const stub = pagedFetch([makeDay(DAY, 12)]);
    const result = await fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now });
    expect(stub.urls).toEqual([dailyUrl(`date=${DAY}`, 0)]);
    expect(result.papers).toHaveLength(12);
    expect(result.dropped).toBe(0);
    expect(result.papers.every((p) => p.day === DAY && p.fetchedAt === NOW)).toBe(true);
  });

  it('keeps paging until a short page, so a busy day is read in full', async () => {
    const stub = pagedFetch([items(0, 100), items(100, 100), items(200, 7)]);
    const result = await fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now });
    expect(stub.urls).toEqual([0, 1, 2].map((p) => dailyUrl(`date=${DAY}`, p)));
    expect(result.papers.map((p) => p.id)).toEqual(Array.from({ length: 207 }, (_, i) => paperIdFor(DAY, i)));
  });

  it('stops at the empty page after a day of exactly 100 papers', async () => {
    const stub = pagedFetch([items(0, 100)]);
    const result = await fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now });
    expect(stub.urls).toEqual([dailyUrl(`date=${DAY}`, 0), dailyUrl(`date=${DAY}`, 1)]);
    expect(result.papers).toHaveLength(100);
  });

  it('answers an empty day with no papers after one request', async () => {
    const stub = pagedFetch([]);
    expect(await fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now })).toEqual({
      papers: [],
      dropped: 0,
      undated: [],
    });
    expect(stub.calls()).toBe(1);
  });

  it('counts a full page as full even when some of its items are unreadable, and sums the dropped ones', async () => {
    const page0 = [...items(0, 95), 1, 'x', null, {}, { paper: { title: 'no id' } }];
    const page1 = [...items(95, 3), { paper: { id: '../evil', title: 'T' } }];
    const stub = pagedFetch([page0, page1]);
    const result = await fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now });
    expect(stub.calls()).toBe(2);
    expect(result.papers).toHaveLength(98);
    expect(result.dropped).toBe(6);
  });

  it('lists a paper once when it shifts onto the next page between requests, keeping the first copy', async () => {
    const page0 = items(0, 100);
    const repeated = makeDailyItem(paperIdFor(DAY, 99), DAY, { paper: { upvotes: 999 } });
    const page1 = [repeated, ...items(100, 2)];
    const stub = pagedFetch([page0, page1]);
    const result = await fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now });
    expect(result.papers).toHaveLength(102);
    expect(new Set(result.papers.map((p) => p.id)).size).toBe(102);
    expect(result.papers.find((p) => p.id === paperIdFor(DAY, 99))?.upvotes).toBe(page0[99]!.paper.upvotes);
  });

  it('gives up paging after 30 pages when a misbehaving server never sends a short page', async () => {
    const stub = stubFetch(() => json(items(0, 100)));
    const result = await fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now });
    expect(stub.calls()).toBe(30);
    expect(stub.urls.at(-1)).toBe(dailyUrl(`date=${DAY}`, 29));
    expect(result.papers).toHaveLength(100);
  });

  it('files the papers of a week or month under the day each was featured', async () => {
    const monday = makeDailyItem('2503.00001', '2025-03-03', {
      paper: { submittedOnDailyAt: '2025-03-03T08:00:00.000Z' },
    });
    const tuesday = makeDailyItem('2503.00002', '2025-03-04', {
      paper: { submittedOnDailyAt: '2025-03-04T08:00:00.000Z' },
    });
    const week = pagedFetch([[monday, tuesday]]);
    const byWeek = await fetchDailyPapers({ week: '2025-W10' }, { fetch: week.fetch, now });
    expect(week.urls).toEqual([dailyUrl('week=2025-W10', 0)]);
    expect(byWeek.papers.map((p) => [p.id, p.day])).toEqual([
      ['2503.00001', '2025-03-03'],
      ['2503.00002', '2025-03-04'],
    ]);

    const month = pagedFetch([[monday]]);
    await fetchDailyPapers({ month: '2025-03' }, { fetch: month.fetch, now });
    expect(month.urls).toEqual([dailyUrl('month=2025-03', 0)]);
  });

  it('sends no cookies, asks for JSON and makes the request abortable', async () => {
    const stub = pagedFetch([[]]);
    await fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now });
    const init = stub.inits[0];
    expect(init?.credentials).toBe('omit');
    expect(new Headers(init?.headers).get('accept')).toBe('application/json');
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });
});

describe('fetchDailyPapers: failures', () => {
  it('reports a server error as an HTTP failure with its status', async () => {
    const stub = stubFetch(() => new Response('Internal Server Error', { status: 500 }));
    const err = await failure(fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now }));
    expect(err).toMatchObject({ kind: 'http', status: 500, name: 'FetchFailure' });
    expect(err.message).toContain('500');
    expect(stub.calls()).toBe(1);
  });

  it('reports an invalid date (400) as an HTTP failure', async () => {
    const stub = stubFetch(() => json({ error: 'Invalid date' }, { status: 400 }));
    expect(await failure(fetchDailyPapers({ date: '2025-13-40' }, { fetch: stub.fetch, now }))).toMatchObject({
      kind: 'http',
      status: 400,
    });
  });

  it('fails the whole day when a later page fails, rather than passing off half a day as complete', async () => {
    const stub = stubFetch((_url, _init, call) =>
      call === 0 ? json(items(0, 100)) : new Response('Bad Gateway', { status: 502 }),
    );
    expect(await failure(fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now }))).toMatchObject({
      kind: 'http',
      status: 502,
    });
  });

  it('reports 429 as rate-limited with the wait from Retry-After', async () => {
    const stub = stubFetch(() => new Response('', { status: 429, headers: { 'Retry-After': '120' } }));
    const err = await failure(fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now }));
    expect(err).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterMs: 120_000 });
  });

  it('reports 429 with the wait from the RateLimit header, measured from the injected clock', async () => {
    const rl = stubFetch(() => new Response('', { status: 429, headers: { RateLimit: '"api";r=0;t=42' } }));
    expect(await failure(fetchDailyPapers({ date: DAY }, { fetch: rl.fetch, now }))).toMatchObject({
      retryAfterMs: 42_000,
    });

    const dated = stubFetch(
      () => new Response('', { status: 429, headers: { 'Retry-After': new Date(NOW + 90_000).toUTCString() } }),
    );
    expect(await failure(fetchDailyPapers({ date: DAY }, { fetch: dated.fetch, now }))).toMatchObject({
      retryAfterMs: 90_000,
    });
  });

  it('reports 429 without any wait when the server names none, leaving the default to the caller', async () => {
    const stub = stubFetch(() => new Response('', { status: 429 }));
    const err = await failure(fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now }));
    expect(err.kind).toBe('rate-limited');
    expect(err.retryAfterMs).toBeUndefined();
  });

  it.each([
    ['an HTML error page', '<!doctype html><title>Oops</title>'],
    ['truncated JSON', '[{"paper":{"id":"2503.0'],
    ['an empty body', ''],
  ])('reports %s as malformed', async (_label, body) => {
    const stub = stubFetch(() => new Response(body, { status: 200 }));
    expect((await failure(fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now }))).kind).toBe('malformed');
  });

  it.each([[{ error: 'nope' }], [null], ['papers'], [42]])(
    'reports the non-list JSON %j as malformed',
    async (body) => {
      const stub = stubFetch(() => json(body));
      expect((await failure(fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now }))).kind).toBe('malformed');
    },
  );

  it('reports a fetch that cannot connect as a network failure', async () => {
    const stub = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const err = await failure(fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now }));
    expect(err.kind).toBe('network');
    expect(err.message).toContain('Failed to fetch');
  });

  it('reports a connection that breaks off mid-body as a network failure', async () => {
    const stub = stubFetch((_url, init) => stallingBody(init?.signal, true));
    expect((await failure(fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now }))).kind).toBe('network');
  });
});

describe('fetchDailyPapers: timeouts', () => {
  /** Records when a promise settles, without letting its rejection go unhandled. */
  function track(promise: Promise<unknown>) {
    const state = { settled: false };
    promise.then(
      () => (state.settled = true),
      () => (state.settled = true),
    );
    return state;
  }

  it('gives up on a request that never answers after timeoutMs, as a timeout', async () => {
    vi.useFakeTimers();
    const stub = hangingFetch();
    const promise = fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now, timeoutMs: 5_000 });
    const state = track(promise);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await failure(promise)).kind).toBe('timeout');
    expect(stub.calls()).toBe(1);
  });

  it('waits 15 seconds by default before giving up', async () => {
    vi.useFakeTimers();
    expect(REQUEST_TIMEOUT_MS).toBe(15_000);
    const promise = fetchDailyPapers({ date: DAY }, { fetch: hangingFetch().fetch, now });
    const state = track(promise);
    await vi.advanceTimersByTimeAsync(14_999);
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await failure(promise)).kind).toBe('timeout');
  });

  it('gives up on a response whose body stalls after the headers, as a timeout', async () => {
    vi.useFakeTimers();
    const stub = stubFetch((_url, init) => stallingBody(init?.signal));
    const promise = fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now, timeoutMs: 3_000 });
    const state = track(promise);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await failure(promise)).kind).toBe('timeout');
  });

  it('gives each page its own time budget', async () => {
    vi.useFakeTimers();
    // Every page takes 4 s of a 5 s budget: slow, but each within its own limit.
    const stub = stubFetch(
      (url) =>
        new Promise<Response>((resolve) => {
          const p = Number(new URL(url).searchParams.get('p'));
          setTimeout(() => resolve(json(p < 2 ? items(p * 100, 100) : items(200, 1))), 4_000);
        }),
    );
    const promise = fetchDailyPapers({ date: DAY }, { fetch: stub.fetch, now, timeoutMs: 5_000 });
    track(promise);
    await vi.advanceTimersByTimeAsync(12_000);
    expect((await promise).papers).toHaveLength(201);
  });

  it('leaves no timer running once a request has finished or failed', async () => {
    vi.useFakeTimers();
    await fetchDailyPapers({ date: DAY }, { fetch: pagedFetch([makeDay(DAY, 3)]).fetch, now });
    expect(vi.getTimerCount()).toBe(0);
    await failure(
      fetchDailyPapers({ date: DAY }, { fetch: stubFetch(() => new Response('', { status: 503 })).fetch, now }),
    );
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('fetchPaper', () => {
  const flat = () => ({ ...makeDailyItem('2503.01234', DAY).paper, numComments: 2, models: 1 });

  it('reads one paper from /api/papers/<id>', async () => {
    const stub = stubFetch(() => json(flat()));
    const paper = await fetchPaper('2503.01234', { fetch: stub.fetch, now });
    expect(stub.urls).toEqual(['https://huggingface.co/api/papers/2503.01234']);
    expect(paper).toMatchObject({ id: '2503.01234', title: flat().title, numComments: 2, fetchedAt: NOW });
  });

  it('answers undefined for a paper Hugging Face has not indexed (404)', async () => {
    const stub = stubFetch(() => json({ error: 'Paper not found' }, { status: 404 }));
    expect(await fetchPaper('2503.99999', { fetch: stub.fetch, now })).toBeUndefined();
    expect(stub.calls()).toBe(1);
  });

  it('still reports other failures, so a server error is not mistaken for "unknown paper"', async () => {
    expect(
      (
        await failure(
          fetchPaper('2503.01234', { fetch: stubFetch(() => new Response('', { status: 500 })).fetch, now }),
        )
      ).kind,
    ).toBe('http');
    const limited = stubFetch(() => new Response('', { status: 429, headers: { 'Retry-After': '5' } }));
    expect(await failure(fetchPaper('2503.01234', { fetch: limited.fetch, now }))).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 5_000,
    });
    const offline = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    expect((await failure(fetchPaper('2503.01234', { fetch: offline.fetch, now }))).kind).toBe('network');
  });

  it('reports a 200 answer that is not a usable paper as malformed', async () => {
    const stub = stubFetch(() => json({ id: '2503.01234' }));
    expect((await failure(fetchPaper('2503.01234', { fetch: stub.fetch, now }))).kind).toBe('malformed');
  });

  it.each([
    ['another paper', '2503.09999'],
    ['a version of it (not its id)', '2503.01234v2'],
  ])('fails, naming the id asked for, when the answer is %s', async (_what, otherId) => {
    const stub = stubFetch(() => json({ ...flat(), id: otherId }));
    const err = await failure(fetchPaper('2503.01234', { fetch: stub.fetch, now }));
    expect(err.kind).toBe('wrong-paper');
    expect(err.message).toBe('Hugging Face sent another paper than arXiv:2503.01234');
  });

  it.each(['', '../settings', '2503.01234/../../x', '2503.01234?admin=1', 'a b', '%2e%2e'])(
    'never requests a path built from the bad id %j',
    async (id) => {
      const stub = stubFetch(() => json(flat()));
      expect(await fetchPaper(id, { fetch: stub.fetch, now })).toBeUndefined();
      expect(stub.calls()).toBe(0);
    },
  );
});

describe('searchPapers', () => {
  const searchUrl = (url: string) => new URL(url).searchParams;

  it('searches with q and a default limit of 50, in one request', async () => {
    const stub = stubFetch(() => json([]));
    await searchPapers('sparse attention & video', undefined, { fetch: stub.fetch, now });
    expect(stub.urls).toEqual(['https://huggingface.co/api/papers/search?q=sparse+attention+%26+video&limit=50']);
  });

  it("cuts the query to the API's 250 characters", async () => {
    const stub = stubFetch(() => json([]));
    const q = 'a'.repeat(200) + 'b'.repeat(100);
    await searchPapers(q, 10, { fetch: stub.fetch, now });
    expect(searchUrl(stub.urls[0]!).get('q')).toBe('a'.repeat(200) + 'b'.repeat(50));
  });

  it('does not send half an emoji when the cut falls inside one', async () => {
    const stub = stubFetch(() => json([]));
    await searchPapers('a'.repeat(249) + '🤗 models', 10, { fetch: stub.fetch, now });
    const sent = searchUrl(stub.urls[0]!).get('q')!;
    expect(sent).not.toContain('\uFFFD');
    expect(sent).toBe('a'.repeat(249));
  });

  it.each([
    [500, '120'],
    [121, '120'],
    [120, '120'],
    [20, '20'],
    [1, '1'],
    [0, '1'],
    [-5, '1'],
    [7.9, '7'],
    [Number.NaN, '50'],
    [Number.POSITIVE_INFINITY, '120'],
  ])('asks for a limit within 1..120 (limit %d → %s)', async (limit, expected) => {
    const stub = stubFetch(() => json([]));
    await searchPapers('llm', limit, { fetch: stub.fetch, now });
    expect(searchUrl(stub.urls[0]!).get('limit')).toBe(expected);
  });

  it('returns the readable results, each under the day it was featured, and counts the rest', async () => {
    const hit = makeDailyItem('2503.01234', DAY, { paper: { submittedOnDailyAt: '2025-03-02T10:00:00.000Z' } });
    const stub = stubFetch(() => json([hit, 'junk', { paper: {} }]));
    const result = await searchPapers('sparse', 10, { fetch: stub.fetch, now });
    expect(result.dropped).toBe(2);
    expect(result.papers.map((p) => [p.id, p.day, p.fetchedAt])).toEqual([['2503.01234', '2025-03-02', NOW]]);
  });

  it('reports a non-list answer as malformed and HTTP errors as such', async () => {
    expect(
      (await failure(searchPapers('x', 10, { fetch: stubFetch(() => json({ error: 'bad' })).fetch, now }))).kind,
    ).toBe('malformed');
    const limited = stubFetch(() => new Response('', { status: 429 }));
    expect((await failure(searchPapers('x', 10, { fetch: limited.fetch, now }))).kind).toBe('rate-limited');
  });
});
