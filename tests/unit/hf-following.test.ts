import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { getMeta, setMeta } from '@/lib/store/meta-table';
import { storeDay } from '@/lib/store/papers';
import { DEFAULTS } from '@/lib/core/settings-schema';
import { fetchFollowing, FOLLOWING_EVERY_MS, parseFollowing } from '@/lib/hf/hf-following';
import { FOLLOWING_ALARM, syncHfFollowing } from '@/lib/background/hf-following-runner';
import { updateBadge, WATCH_BADGE_COLOR } from '@/lib/views/badge';
import { notificationText } from '@/lib/background/notify';
import { paperOn } from '../fixtures/follows';

/** Shaped like the Hub's user objects (huggingface_hub's `User`): `user`, `fullname`, `type`. */
const FOLLOWING = [
  {
    _id: '6039478ab3ecf716b1a5fd4d',
    avatarUrl: '/avatars/a.svg',
    fullname: 'Mira Okafor',
    user: 'miraokafor',
    type: 'user',
    isPro: false,
  },
  { _id: '5e6aca39878b8b2bf9806447', avatarUrl: '/avatars/g.svg', fullname: 'Google', user: 'google', type: 'org' },
];

const T0 = Date.parse('2026-11-30T08:00:00Z');

type Route = (url: URL) => Response;
function fakeFetch(route: Route) {
  const calls: string[] = [];
  const f = (async (input: string) => {
    calls.push(input);
    return route(new URL(input));
  }) as unknown as typeof fetch;
  return { f, calls };
}
const json = (value: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('the answer is validated', () => {
  it('keeps each well-formed account, drops the rest (no account name, a name that is not one)', () => {
    expect(
      parseFollowing([
        ...FOLLOWING,
        { fullname: 'No account' },
        { user: '../../etc', type: 'user' },
        { user: 'bare' },
        { name: 'by-name', type: 'martian' },
        'garbage',
      ]),
    ).toEqual([
      { user: 'miraokafor', fullname: 'Mira Okafor', type: 'user' },
      { user: 'google', fullname: 'Google', type: 'org' },
      { user: 'bare', type: 'user' },
      { user: 'by-name', type: 'user' },
    ]);
  });

  it('an answer that is not a list is a failure, not an empty list', () => {
    expect(() => parseFollowing({ error: 'nope' })).toThrow();
  });

  it('asks huggingface.co only, with the username escaped, and follows the pages it links there', async () => {
    const { f, calls } = fakeFetch((url) =>
      url.searchParams.get('cursor')
        ? json([{ user: 'second', type: 'user' }], 200, { link: '<https://evil.example/api/next>; rel="next"' })
        : json(FOLLOWING, 200, { link: '<https://huggingface.co/api/users/me.too/following?cursor=2>; rel="next"' }),
    );
    const accounts = await fetchFollowing('me.too', { fetch: f });
    expect(accounts.map((a) => a.user)).toEqual(['miraokafor', 'google', 'second']);
    expect(calls).toEqual([
      'https://huggingface.co/api/users/me.too/following',
      'https://huggingface.co/api/users/me.too/following?cursor=2',
    ]);
  });
});

describe('the background keeps them', () => {
  let db: PapertabDB;
  beforeEach(() => {
    db = createDb(`hff-${Math.random()}`);
  });
  afterEach(() => db.close());

  const deps = (f: typeof fetch, now = T0) => ({ db, fetch: f, now: () => now });

  it('fetches when a username is set, stores the accounts and arms the daily alarm', async () => {
    const { f, calls } = fakeFetch(() => json(FOLLOWING));
    const outcome = await syncHfFollowing(deps(f), 'adalovelace');
    expect(outcome?.kind).toBe('done');
    expect(calls).toHaveLength(1);
    expect(await getMeta(db, 'hfFollowing')).toEqual({
      username: 'adalovelace',
      accounts: [
        { user: 'miraokafor', fullname: 'Mira Okafor', type: 'user' },
        { user: 'google', fullname: 'Google', type: 'org' },
      ],
      fetchedAt: T0,
    });
    expect((await fakeBrowser.alarms.get(FOLLOWING_ALARM))?.scheduledTime).toBe(T0 + FOLLOWING_EVERY_MS);
  });

  it('asks again only once a day has passed (a restart in between asks nothing)', async () => {
    const { f, calls } = fakeFetch(() => json(FOLLOWING));
    await syncHfFollowing(deps(f), 'adalovelace');
    await syncHfFollowing(deps(f, T0 + 3_600_000), 'adalovelace');
    expect(calls).toHaveLength(1);
    await syncHfFollowing(deps(f, T0 + FOLLOWING_EVERY_MS), 'adalovelace');
    expect(calls).toHaveLength(2);
  });

  it('a changed username is asked at once; an unset one drops the accounts and the alarm', async () => {
    const { f, calls } = fakeFetch(() => json(FOLLOWING));
    await syncHfFollowing(deps(f), 'adalovelace');
    await syncHfFollowing(deps(f, T0 + 1000), 'grace');
    expect(calls.at(-1)).toBe('https://huggingface.co/api/users/grace/following');
    await syncHfFollowing(deps(f, T0 + 2000), '');
    expect(await getMeta(db, 'hfFollowing')).toBeUndefined();
    expect(await fakeBrowser.alarms.get(FOLLOWING_ALARM)).toBeUndefined();
  });

  it('a user Hugging Face does not know: a clear message, and nothing else changes', async () => {
    let known = true;
    const { f } = fakeFetch(() => (known ? json(FOLLOWING) : json({ error: 'Not found' }, 404)));
    await syncHfFollowing(deps(f), 'adalovelace');
    known = false;
    await syncHfFollowing(deps(f, T0 + FOLLOWING_EVERY_MS), 'adalovelace');
    const record = await getMeta(db, 'hfFollowing');
    expect(record?.error?.message).toBe('Hugging Face has no user named “adalovelace”. Nothing was changed.');
    expect(record?.accounts).toHaveLength(2);
    expect(record?.fetchedAt).toBe(T0);
  });

  it('a malformed answer keeps the accounts known and tries again within the hour', async () => {
    let good = true;
    const { f } = fakeFetch(() => (good ? json(FOLLOWING) : json({ not: 'a list' })));
    await syncHfFollowing(deps(f), 'adalovelace');
    good = false;
    const later = T0 + FOLLOWING_EVERY_MS;
    await syncHfFollowing(deps(f, later), 'adalovelace');
    expect((await getMeta(db, 'hfFollowing'))?.accounts).toHaveLength(2);
    expect((await fakeBrowser.alarms.get(FOLLOWING_ALARM))?.scheduledTime).toBe(later + 3_600_000);
  });

  it('obeys the rate-limit gate: nothing is asked while a 429 wait is on, and a 429 sets one for all', async () => {
    await setMeta(db, 'refreshStatus', { failures: 0, rateLimitedUntil: T0 + 60_000 });
    const { f, calls } = fakeFetch(() => json(FOLLOWING));
    expect((await syncHfFollowing(deps(f), 'adalovelace'))?.kind).toBe('rate-limited');
    expect(calls).toHaveLength(0);
    expect((await fakeBrowser.alarms.get(FOLLOWING_ALARM))?.scheduledTime).toBe(T0 + 60_000);

    await setMeta(db, 'refreshStatus', { failures: 0 });
    const limited = fakeFetch(() => new Response('slow down', { status: 429, headers: { 'retry-after': '120' } }));
    expect((await syncHfFollowing(deps(limited.f), 'adalovelace'))?.kind).toBe('rate-limited');
    expect((await getMeta(db, 'refreshStatus'))?.rateLimitedUntil).toBe(T0 + 120_000);
    expect(await getMeta(db, 'hfFollowing')).toBeUndefined();
  });

  it('a new paper by an account it follows colours the badge and is named in the notification', async () => {
    const { f } = fakeFetch(() => json(FOLLOWING));
    await syncHfFollowing(deps(f), 'adalovelace');
    await storeDay(
      db,
      '2026-11-30',
      [
        paperOn('2026-11-30', '2611.09001', { title: 'Mira’s paper', authors: ['Mira Okafor'] }),
        paperOn('2026-11-30', '2611.09002'),
      ],
      0,
      T0,
    );
    await setMeta(db, 'seenDay', '2026-11-29');
    const found = await updateBadge(db, { ...DEFAULTS, hfUsername: 'adalovelace' });
    const colour = await fakeBrowser.action.getBadgeBackgroundColor({});
    expect(
      `#${colour
        .slice(0, 3)
        .map((c) => c.toString(16).padStart(2, '0'))
        .join('')}`,
    ).toBe(WATCH_BADGE_COLOR);
    expect(notificationText(found).message).toContain('Mira Okafor');
    // Without the username, the same paper is not followed.
    expect((await updateBadge(db, DEFAULTS)).watched).toEqual([]);
  });
});
