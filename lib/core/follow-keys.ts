/**
 * The keys that find a paper by who wrote it: the one definition shared by the cache's index
 * (`followKeys` table, written with every paper) and the follows' lookups (lib/views/follow-match.ts).
 * A paper is found by a follow's keys whenever the follow matches it (a property test holds the two
 * to that): the keys narrow the papers read, the matcher then decides.
 *
 * Prefixes keep kinds apart: `u:` an author's linked Hub account, `w:` a word of an author's name,
 * `n:` the whole name of an unlinked author whose name has no word, `o:` the organization's Hub
 * name, `g:` a word of the organization's name or full name.
 *
 * Changing what a key is means re-keying the stored papers: a new schema version whose upgrade
 * writes every paper's keys again (lib/store/db.ts).
 */
import type { Paper } from './paper';
import { foldName, type Followed } from './follows';
import { tokens } from './words';

/** Everything a paper can be looked up by (each key once). */
export function paperFollowKeys(paper: Pick<Paper, 'authors' | 'authorUsers' | 'organization'>): string[] {
  const keys = new Set<string>();
  paper.authors.forEach((name, i) => {
    const user = paper.authorUsers?.[i];
    const words = tokens(name);
    if (user) keys.add(`u:${user.toLowerCase()}`);
    else if (!words.length) keys.add(`n:${foldName(name)}`);
    for (const w of words) keys.add(`w:${w}`);
  });
  const org = paper.organization;
  if (org) {
    keys.add(`o:${org.name.toLowerCase()}`);
    for (const w of [...tokens(org.name), ...tokens(org.fullname ?? '')]) keys.add(`g:${w}`);
  }
  return [...keys];
}

/** The longest word: every paper a phrase matches holds all its words, and long words are rare. */
function rarest(words: readonly string[]): string {
  return words.reduce((a, w) => (w.length > a.length ? w : a));
}

/** A followed person's keys: their account, and a word of their name (or the whole name if it has none). */
export function personKeys(f: Followed): string[] {
  const words = tokens(f.name);
  const byName = words.length ? `w:${rarest(words)}` : `n:${foldName(f.name)}`;
  return f.hub ? [`u:${f.hub.toLowerCase()}`, byName] : words.length ? [byName] : [];
}

/** A followed organization's key: its Hub name, or a word of its name. */
export function orgKeys(f: Followed): string[] {
  if (f.hub) return [`o:${f.hub.toLowerCase()}`];
  const words = tokens(f.name);
  return words.length ? [`g:${rarest(words)}`] : [];
}

/** Every key the follows look papers up by (each once). */
export function followQueryKeys(people: readonly Followed[], orgs: readonly Followed[]): string[] {
  return [...new Set([...people.flatMap(personKeys), ...orgs.flatMap(orgKeys)])];
}
