import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { follow, unfollow, foldWatchIntoFollows, type Followed } from '@/lib/core/follows';
import { applySyncedSettings, loadSettings, loadStored, SETTINGS_KEY, updateSettings } from '@/lib/core/settings';
import { parseStored, SETTINGS_VERSION } from '@/lib/core/settings-schema';
import type { Paper } from '@/lib/core/paper';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { storePapers } from '@/lib/store/papers';
import { accountsFor } from '@/lib/store/hf-following';
import { compileInterests, interestsOf } from '@/lib/views/follow-match';
import { loadFollowing } from '@/lib/views/following';
import { parseHash } from '@/lib/views/view';
import { paperOn } from '../fixtures/follows';

const stored = async () =>
  (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as { values: Record<string, unknown> };
const none = { watchKeywords: [], followPeople: [], followOrgs: [] };

describe('follow and unfollow', () => {
  it('follows once: the same account (any case) or, without one, the same name (any accents) is one entry', () => {
    let list: Followed[] = [];
    list = follow(list, { name: 'Ada Lovelace', hub: 'ada' });
    list = follow(list, { name: 'A. Lovelace', hub: 'ADA' });
    list = follow(list, { name: 'Tomás Ribeiro' });
    list = follow(list, { name: 'tomas  ribeiro' });
    expect(list).toEqual([{ name: 'Ada Lovelace', hub: 'ada' }, { name: 'Tomás Ribeiro' }]);
  });

  it('unfollows the entry named, and only it', () => {
    const list = [{ name: 'Ada Lovelace', hub: 'ada' }, { name: 'Ada Lovelace' }];
    expect(unfollow(list, { name: 'Ada Lovelace', hub: 'ada' })).toEqual([{ name: 'Ada Lovelace' }]);
    expect(unfollow(list, { name: 'Ada Lovelace' })).toEqual([{ name: 'Ada Lovelace', hub: 'ada' }]);
  });

  it('a stored list with garbage keeps its good entries (an account name that is not one is dropped)', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: {
        version: SETTINGS_VERSION,
        values: { followPeople: [{ name: 'Ada', hub: '../x y' }, 42, { hub: 'grace' }, { name: '  ' }] },
        edited: {},
      },
    });
    expect((await loadSettings()).followPeople).toEqual([{ name: 'Ada' }, { name: 'grace', hub: 'grace' }]);
  });
});

describe('the watch list moves into the follows', () => {
  const old = {
    version: 1,
    values: { watchKeywords: ['diffusion'], watchAuthors: ['Wei Li', 'Aidan Gómez'], watchOrgs: ['allenai'] },
    edited: { watchKeywords: 10, watchAuthors: 20, watchOrgs: 30 },
  };

  it('on load, watched authors and organizations become followed; keywords stay watched', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: old });
    const s = await loadSettings();
    expect(s.followPeople).toEqual([{ name: 'Wei Li' }, { name: 'Aidan Gómez' }]);
    expect(s.followOrgs).toEqual([{ name: 'allenai' }]);
    expect(s.watchKeywords).toEqual(['diffusion']);
    expect(s.watchAuthors).toEqual([]);
    expect(s.watchOrgs).toEqual([]);
    // The follow lists carry the watch list's edit time, so sync orders them like the edits they came from.
    expect((await loadStored()).edited).toMatchObject({ followPeople: 20, followOrgs: 30, watchAuthors: 20 });
  });

  it('is idempotent, and joins (not replaces) follows already there', () => {
    const withFollows = { ...old, values: { ...old.values, followPeople: [{ name: 'wei li' }, { name: 'Ada' }] } };
    const once = parseStored(withFollows).stored;
    const twice = parseStored(once).stored;
    expect(twice).toEqual(once);
    expect(once.values.followPeople).toEqual([{ name: 'wei li' }, { name: 'Ada' }, { name: 'Aidan Gómez' }]);
  });

  it('the next write stores the folded lists (an unfollow then sticks)', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: old });
    const s = await loadSettings();
    await updateSettings({ followPeople: s.followPeople.filter((f) => f.name !== 'Wei Li') });
    expect((await stored()).values).toMatchObject({ watchAuthors: [], followPeople: [{ name: 'Aidan Gómez' }] });
    expect((await loadSettings()).followPeople).toEqual([{ name: 'Aidan Gómez' }]);
  });

  it('authors watched on a device not yet updated arrive through sync as follows', async () => {
    await updateSettings({ followPeople: [{ name: 'Ada', hub: 'ada' }] }, 1000);
    await applySyncedSettings({ values: { watchAuthors: ['Grace Hopper'] }, edited: { watchAuthors: 5000 } }, 6000);
    const s = await loadSettings();
    expect(s.followPeople).toEqual([{ name: 'Ada', hub: 'ada' }, { name: 'Grace Hopper' }]);
    expect(s.watchAuthors).toEqual([]);
  });

  it('the fold itself leaves values without watch entries alone', () => {
    const values: Record<string, unknown> = { watchAuthors: [], followPeople: [{ name: 'x' }] };
    const edited: Record<string, unknown> = { followPeople: 3 };
    foldWatchIntoFollows(values, edited);
    expect(values).toEqual({ watchAuthors: [], followPeople: [{ name: 'x' }] });
    expect(edited).toEqual({ followPeople: 3 });
  });
});

describe('matching papers against the follows', () => {
  const linked = paperOn('2026-11-20', '2611.00001', {
    authors: ['Mira Okafor', 'Wei Li'],
    authorUsers: ['miraokafor', ''],
  });
  const unlinked = paperOn('2026-11-21', '2611.00002', { authors: ['Mira Okafor', 'Lisa Wong'] });
  const otherMira = paperOn('2026-11-21', '2611.00003', { authors: ['Mira Okafor'], authorUsers: ['mira-o'] });
  const google = paperOn('2026-11-22', '2611.00004', { organization: { name: 'google', fullname: 'Google' } });
  const research = paperOn('2026-11-22', '2611.00005', {
    organization: { name: 'google-research', fullname: 'Google Research' },
  });
  const match = (people: Followed[], orgs: Followed[] = [], p: Paper) =>
    compileInterests({ keywords: [], people, orgs }).match(p)?.terms;

  it('a person followed by account: papers linked to it, and unlinked authors of the same whole name', () => {
    const mira = [{ name: 'Mira Okafor', hub: 'miraokafor' }];
    expect(match(mira, [], linked)).toEqual(['Mira Okafor']);
    expect(match(mira, [], unlinked)).toEqual(['Mira Okafor']);
    // An author linked to another account is someone else.
    expect(match(mira, [], otherMira)).toBeUndefined();
  });

  it('a person known by name matches whole words, as the watch list did ("Li" is in "Wei Li", not "Lisa")', () => {
    expect(match([{ name: 'Li' }], [], linked)).toEqual(['Li']);
    expect(match([{ name: 'Li' }], [], unlinked)).toBeUndefined();
  });

  it('an organization followed by Hub name is that one only; by name, its words', () => {
    expect(match([], [{ name: 'Google', hub: 'google' }], google)).toEqual(['Google']);
    expect(match([], [{ name: 'Google', hub: 'google' }], research)).toBeUndefined();
    expect(match([], [{ name: 'google' }], research)).toEqual(['google']);
  });

  it("the Hugging Face account's follows count while its username is the one set", () => {
    const record = {
      username: 'me',
      accounts: [
        { user: 'miraokafor', fullname: 'Mira Okafor', type: 'user' as const },
        { user: 'google', fullname: 'Google', type: 'org' as const },
      ],
      fetchedAt: 1,
    };
    const terms = (username: string, p: Paper) =>
      compileInterests(interestsOf(none, accountsFor(record, username))).match(p)?.terms;
    expect(terms('me', linked)).toEqual(['Mira Okafor']);
    expect(terms('ME', google)).toEqual(['Google']);
    // Unset (or changed): they no longer count, at once.
    expect(terms('', linked)).toBeUndefined();
    expect(terms('someone-else', google)).toBeUndefined();
  });
});

describe('the Following view', () => {
  let db: PapertabDB;
  beforeEach(async () => {
    db = createDb(`follow-${Math.random()}`);
    await storePapers(db, [
      paperOn('2026-11-18', '2611.00010', { authors: ['Mira Okafor'], publishedAt: '2026-11-16T00:00:00.000Z' }),
      paperOn('2026-11-24', '2611.00011', { authors: ['Someone Else'] }),
      paperOn('2026-11-24', '2611.00012', { authors: ['Mira Okafor'], publishedAt: '2026-11-20T00:00:00.000Z' }),
      paperOn('2026-11-24', '2611.00013', {
        organization: { name: 'google' },
        publishedAt: '2026-11-22T00:00:00.000Z',
      }),
      paperOn('2025-01-02', '2501.00014', { summary: 'A diffusion model for proteins.' }),
    ]);
  });

  it('lists every cached paper of the followed people, organizations and watched keywords, newest first', async () => {
    const matcher = compileInterests(
      interestsOf({
        watchKeywords: ['diffusion model'],
        followPeople: [{ name: 'Mira Okafor' }],
        followOrgs: [{ name: 'Google', hub: 'google' }],
      }),
    );
    expect((await loadFollowing(db, matcher)).map((p) => p.id)).toEqual([
      '2611.00013',
      '2611.00012',
      '2611.00010',
      '2501.00014',
    ]);
  });

  it('is empty when nothing is followed', async () => {
    expect(await loadFollowing(db, compileInterests(interestsOf(none)))).toEqual([]);
  });

  it('is a view of its own, in the URL', () => {
    expect(parseHash('#/following')).toEqual({ kind: 'following' });
  });
});
