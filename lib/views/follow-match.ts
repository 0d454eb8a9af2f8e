/**
 * Matching papers against what the user follows: people and organizations followed by hand,
 * those the optional Hugging Face account follows, and the watched keywords. One matcher serves
 * the cards, the Following view, the badge and the notification.
 *
 * A person with a Hub account matches an author linked to that account, or an author linked to
 * none whose whole name is theirs; a person known only by name matches as whole words (as the
 * watch list did: "Li" matches "Wei Li"). An organization with a Hub name matches a paper of that
 * organization; one known only by name matches its name or full name as whole words.
 */
import type { Paper } from '../core/paper';
import { foldName, type Followed, type HfAccount } from '../core/follows';
import { followQueryKeys } from '../core/follow-keys';
import type { Settings } from '../core/settings-schema';
import { containsPhrase, tokens } from '../core/words';
import { compileWatch, type CompiledWatch } from './watch';

export interface Interests {
  keywords: string[];
  people: Followed[];
  orgs: Followed[];
}

/** The accounts a Hugging Face account follows, as follows (kept apart from those followed by hand). */
export function accountsAsFollows(accounts: readonly HfAccount[]): { people: Followed[]; orgs: Followed[] } {
  const as = (a: HfAccount): Followed => ({ name: a.fullname || a.user, hub: a.user });
  return {
    people: accounts.filter((a) => a.type === 'user').map(as),
    orgs: accounts.filter((a) => a.type === 'org').map(as),
  };
}

/** Everything followed or watched: the settings' lists and the Hugging Face account's follows. */
export function interestsOf(
  settings: Pick<Settings, 'watchKeywords' | 'followPeople' | 'followOrgs'>,
  accounts: readonly HfAccount[] = [],
): Interests {
  const fromHf = accountsAsFollows(accounts);
  return {
    keywords: settings.watchKeywords,
    people: [...settings.followPeople, ...fromHf.people],
    orgs: [...settings.followOrgs, ...fromHf.orgs],
  };
}

/** Whether a followed person is this author (`user`: the author's linked account, if any). */
export function isPerson(f: Followed, name: string, user: string | undefined): boolean {
  if (f.hub) return user ? user.toLowerCase() === f.hub.toLowerCase() : foldName(name) === foldName(f.name);
  return containsPhrase(tokens(name), tokens(f.name));
}

/** Whether a followed organization is this paper's. */
export function isOrg(f: Followed, org: Paper['organization']): boolean {
  if (!org) return false;
  if (f.hub) return org.name.toLowerCase() === f.hub.toLowerCase();
  const words = tokens(f.name);
  return [org.name, org.fullname ?? ''].some((n) => containsPhrase(tokens(n), words));
}

/** The followed people among a paper's authors (each once, by the name the list gives them). */
export function followedAuthors(paper: Paper, people: readonly Followed[]): Followed[] {
  return people.filter((f) => paper.authors.some((name, i) => isPerson(f, name, paper.authorUsers?.[i] || undefined)));
}

/** Every run of consecutive words in a name, as one key each: what a whole-words follow can equal. */
function phrases(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j <= words.length; j++) out.push(words.slice(i, j).join(' '));
  return out;
}

/** Follows grouped by the key a paper can be looked up with, each remembering its place in the list. */
class FollowIndex {
  private readonly byKey = new Map<string, number[]>();
  add(key: string, at: number): void {
    const list = this.byKey.get(key);
    if (list) list.push(at);
    else this.byKey.set(key, [at]);
  }
  collect(keys: Iterable<string>, into: Set<number>): void {
    for (const k of keys) for (const at of this.byKey.get(k) ?? []) into.add(at);
  }
}

/**
 * Indexes people by Hub account, by folded whole name (a Hub person matching an unlinked author)
 * and by word run (a person known by name only), so matching a paper costs the same whatever the
 * number of follows: a lookup per author and word run, never a pass over the list.
 */
function indexPeople(people: readonly Followed[]) {
  const hub = new FollowIndex();
  const whole = new FollowIndex();
  const words = new FollowIndex();
  people.forEach((f, at) => {
    if (f.hub) {
      hub.add(f.hub.toLowerCase(), at);
      whole.add(foldName(f.name), at);
    } else words.add(tokens(f.name).join(' '), at);
  });
  return (paper: Paper): Followed[] => {
    const found = new Set<number>();
    paper.authors.forEach((name, i) => {
      const user = paper.authorUsers?.[i] || undefined;
      if (user) hub.collect([user.toLowerCase()], found);
      else whole.collect([foldName(name)], found);
      words.collect(phrases(tokens(name)), found);
    });
    return [...found].sort((a, b) => a - b).map((at) => people[at]!);
  };
}

/** Indexes organizations by Hub name and by word run of their name (see `isOrg`). */
function indexOrgs(orgs: readonly Followed[]) {
  const hub = new FollowIndex();
  const words = new FollowIndex();
  orgs.forEach((f, at) => (f.hub ? hub.add(f.hub.toLowerCase(), at) : words.add(tokens(f.name).join(' '), at)));
  return (org: Paper['organization']): Followed[] => {
    if (!org) return [];
    const found = new Set<number>();
    hub.collect([org.name.toLowerCase()], found);
    words.collect([...phrases(tokens(org.name)), ...phrases(tokens(org.fullname ?? ''))], found);
    return [...found].sort((a, b) => a - b).map((at) => orgs[at]!);
  };
}

/**
 * A matcher, with what reads the cache for it: `keys` find every paper a followed person or
 * organization can match (lib/core/follow-keys.ts); watched keywords have no index, so with any
 * (`keywords`) only a pass over the cache finds their papers.
 */
export interface CompiledInterests extends CompiledWatch {
  keys: string[];
  keywords: boolean;
  /** Follows exist, but the matcher is not ready yet (lib/hooks/use-follows.ts loads it on use). */
  pending?: boolean;
}

/** Prepares the matcher once; `match` runs per paper and names what it matched. */
export function compileInterests(interests: Interests): CompiledInterests {
  const keywords = compileWatch({ keywords: interests.keywords, authors: [], orgs: [] });
  const people = interests.people.filter((f) => f.hub || tokens(f.name).length);
  const orgs = interests.orgs.filter((f) => f.hub || tokens(f.name).length);
  const empty = keywords.empty && !people.length && !orgs.length;
  const peopleOf = indexPeople(people);
  const orgsOf = indexOrgs(orgs);
  return {
    empty,
    keys: followQueryKeys(people, orgs),
    keywords: !keywords.empty,
    match(paper) {
      if (empty) return undefined;
      const terms = keywords.match(paper)?.terms ?? [];
      for (const f of [...peopleOf(paper), ...orgsOf(paper.organization)])
        if (!terms.includes(f.name)) terms.push(f.name);
      return terms.length ? { terms } : undefined;
    },
  };
}
