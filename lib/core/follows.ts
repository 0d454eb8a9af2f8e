/**
 * People and organizations the user follows: the records, their settings schema, the pure edits
 * (follow, unfollow) and the fold of the old watch list's authors and organizations into them.
 * Matching papers against them lives in `lib/views/follow-match.ts`.
 */
import * as v from 'valibot';

/**
 * One followed person or organization. `hub` is the Hugging Face account (a user name, or an
 * organization's Hub name) when known: it is the identity. Without it, `name` is matched as
 * whole words, as the watch list did (what the user typed, or an author's name from a card).
 */
export interface Followed {
  name: string;
  hub?: string;
}

/** An account the user's Hugging Face account follows (`/api/users/{username}/following`). */
export interface HfAccount {
  user: string;
  fullname?: string;
  type: 'user' | 'org';
}

/** What the background last learned about the optional Hugging Face account's follows. */
export interface HfFollowingRecord {
  /** The username these follows belong to: they count only while it is the one in the settings. */
  username: string;
  accounts: HfAccount[];
  /** When the list was last fetched whole (epoch ms); absent before a first success. */
  fetchedAt?: number;
  /** The last attempt's failure, in words, and when (cleared by a success). */
  error?: { message: string; at: number; notFound?: boolean };
}

/**
 * Hugging Face user and organization names: letters, digits, `-`, `_` and `.`, starting with a
 * letter or digit. Checked before a name goes into a URL or a record.
 */
export const HF_USERNAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;

const MAX_FOLLOWS = 500;

const clean = (s: string, max: number) => s.replace(/\s+/g, ' ').trim().slice(0, max);

const FollowedSchema = v.pipe(
  v.object({
    name: v.fallback(v.optional(v.string(), ''), ''),
    hub: v.fallback(v.optional(v.pipe(v.string(), v.regex(HF_USERNAME_RE))), undefined),
  }),
  v.transform(({ name, hub }): Followed => {
    const n = clean(name, 200) || hub || '';
    return hub ? { name: n, hub } : { name: n };
  }),
  v.check((f) => f.name !== ''),
);

/** The settings schema of a follow list: entries cleaned, the malformed dropped, duplicates merged. */
export const followList = v.pipe(
  v.array(v.unknown()),
  v.transform((list) =>
    dedupe(
      list.flatMap((x) => {
        const r = v.safeParse(FollowedSchema, x);
        return r.success ? [r.output] : [];
      }),
    ).slice(0, MAX_FOLLOWS),
  ),
);

/** An empty string (no account) or a valid Hugging Face username. */
export const hfUsernameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.check((s) => s === '' || HF_USERNAME_RE.test(s)),
);

/** Folded for comparison: case and accents ignored, spaces collapsed. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Two entries name the same one: the same account, else (neither has one) the same name. */
export function sameFollowed(a: Followed, b: Followed): boolean {
  if (a.hub && b.hub) return a.hub.toLowerCase() === b.hub.toLowerCase();
  if (a.hub || b.hub) return false;
  return foldName(a.name) === foldName(b.name);
}

function dedupe(list: Followed[]): Followed[] {
  const out: Followed[] = [];
  for (const f of list) if (!out.some((o) => sameFollowed(o, f))) out.push(f);
  return out;
}

/** The list with `entry` added (unchanged when already there). */
export function follow(list: readonly Followed[], entry: Followed): Followed[] {
  return dedupe([...list, entry]);
}

/** The list without `entry` (nor any entry naming the same one). */
export function unfollow(list: readonly Followed[], entry: Followed): Followed[] {
  return list.filter((f) => !sameFollowed(f, entry));
}

const FOLDS = [
  ['watchAuthors', 'followPeople'],
  ['watchOrgs', 'followOrgs'],
] as const;

/**
 * The watch list's authors and organizations became follows. Run on every settings read (stored,
 * or merged from sync): entries found in the old keys join the follow lists (by name, as typed)
 * and the old keys are emptied. Idempotent; nothing is dropped. The follow list's edit time
 * becomes the later of the two, so sync orders the result like the edits it came from.
 */
export function foldWatchIntoFollows(values: Record<string, unknown>, edited: Record<string, unknown>): void {
  for (const [from, to] of FOLDS) {
    const old = values[from];
    if (!Array.isArray(old) || old.length === 0) continue;
    const names = old.filter((x): x is string => typeof x === 'string').map((name) => ({ name }));
    const current = v.safeParse(followList, values[to]);
    values[to] = (current.success ? current.output : []).concat(names);
    values[from] = [];
    const at = (k: string) => (typeof edited[k] === 'number' && Number.isFinite(edited[k]) ? edited[k] : 0);
    edited[to] = Math.max(at(to), at(from));
  }
}
