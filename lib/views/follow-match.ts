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
import type { Settings } from '../core/settings';
import { compileWatch, containsPhrase, tokens, type CompiledWatch } from './watch';

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

/** Prepares the matcher once; `match` runs per paper and names what it matched. */
export function compileInterests(interests: Interests): CompiledWatch {
  const keywords = compileWatch({ keywords: interests.keywords, authors: [], orgs: [] });
  const people = interests.people.filter((f) => f.hub || tokens(f.name).length);
  const orgs = interests.orgs.filter((f) => f.hub || tokens(f.name).length);
  const empty = keywords.empty && !people.length && !orgs.length;
  return {
    empty,
    match(paper) {
      if (empty) return undefined;
      const terms = keywords.match(paper)?.terms ?? [];
      for (const f of followedAuthors(paper, people)) if (!terms.includes(f.name)) terms.push(f.name);
      for (const f of orgs) if (isOrg(f, paper.organization) && !terms.includes(f.name)) terms.push(f.name);
      return terms.length ? { terms } : undefined;
    },
  };
}
