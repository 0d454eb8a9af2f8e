import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { follow, unfollow, type Followed, type HfFollowingRecord } from '../core/follows';
import { updateSettings } from '../core/settings';
import { type Settings } from '../core/settings-schema';
import { readStore } from '../store/raw-read';
import { accountsFor } from '../store/hf-following';
import type { CompiledInterests } from '../views/follow-match';
import { useLiveRead } from './use-live-read';

export type FollowKind = 'people' | 'orgs';

/** What a page knows of the user's follows, and the one way to change them. */
export interface Follows {
  /** Followed by hand (the settings). */
  people: Followed[];
  orgs: Followed[];
  /** Followed through the Hugging Face account (read only here: unfollow them on the Hub). */
  viaHf: { people: Followed[]; orgs: Followed[] };
  /** The stored record of the Hugging Face account's follows, whoever it belongs to. */
  hfRecord?: HfFollowingRecord;
  /** Followed people, organizations and watched keywords, matched per paper. */
  matcher: CompiledInterests;
  /** Follows by hand, written at once. */
  add: (kind: FollowKind, entry: Followed) => void;
  /** Stops following these entries (all that stood for one author, say), written at once. */
  remove: (kind: FollowKind, entries: readonly Followed[]) => void;
}

type Matching = typeof import('../views/follow-match');
let matching: Matching | undefined;
let loading: Promise<Matching> | undefined;
/** The matcher's code loads once someone or something is followed: most openings need none. */
const loadMatching = () => (loading ??= import('../views/follow-match').then((m) => (matching = m)));

const NONE: CompiledInterests = { empty: true, keys: [], keywords: false, match: () => undefined };
/** Follows exist but their matcher's code is on its way: nothing is marked yet, nothing is "empty". */
const PENDING: CompiledInterests = { ...NONE, empty: false, pending: true };
const NO_ACCOUNTS = { people: [], orgs: [] };
const META = ['meta'];

/** The follows, live: a change from any page, the background or sync shows everywhere. */
export function useFollows(settings: Settings): Follows {
  const hfRecord = useLiveRead(() => readStore((reads) => reads.meta('hfFollowing')), META, [], undefined);
  const accounts = useMemo(() => accountsFor(hfRecord, settings.hfUsername), [hfRecord, settings.hfUsername]);
  const any =
    settings.watchKeywords.length + settings.followPeople.length + settings.followOrgs.length + accounts.length > 0;
  const [mod, setMod] = useState(matching);
  useEffect(() => {
    if (any && !mod) void loadMatching().then(setMod);
  }, [any, mod]);
  const matcher = useMemo(
    () => (!any ? NONE : mod ? mod.compileInterests(mod.interestsOf(settings, accounts)) : PENDING),
    [any, mod, settings.watchKeywords, settings.followPeople, settings.followOrgs, accounts],
  );
  const viaHf = useMemo(
    () => (mod && accounts.length ? mod.accountsAsFollows(accounts) : NO_ACCOUNTS),
    [mod, accounts],
  );
  const add = useCallback(
    (kind: FollowKind, entry: Followed) => {
      const key = kind === 'people' ? 'followPeople' : 'followOrgs';
      void updateSettings({ [key]: follow(settings[key], entry) });
    },
    [settings.followPeople, settings.followOrgs],
  );
  const remove = useCallback(
    (kind: FollowKind, entries: readonly Followed[]) => {
      const key = kind === 'people' ? 'followPeople' : 'followOrgs';
      void updateSettings({ [key]: entries.reduce<Followed[]>((list, e) => unfollow(list, e), settings[key]) });
    },
    [settings.followPeople, settings.followOrgs],
  );
  return { people: settings.followPeople, orgs: settings.followOrgs, viaHf, hfRecord, matcher, add, remove };
}
