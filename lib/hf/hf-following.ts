/**
 * The optional Hugging Face account: whom it follows (`/api/users/{username}/following`, public,
 * no token), asked by the background when the username is set and then once a day, through the
 * one request gate. The answer is untrusted: each account is validated, the rest dropped.
 */
import * as v from 'valibot';
import { HF_USERNAME_RE, type HfAccount, type HfFollowingRecord } from '../core/follows';
import { singleLine } from '../core/single-line';
import { t } from '../core/i18n';
import { readHfFollowing } from '../store/hf-following';
import { setMeta } from '../store/meta-table';
import { askHf, type HfRequestDeps } from './gate';
import { FetchFailure, getJson, HF_ORIGIN, type ApiOptions } from './hf-api';

export const FOLLOWING_EVERY_MS = 24 * 3_600_000;
/** After a failure other than "no such user", the next try comes sooner than a day. */
export const FOLLOWING_RETRY_MS = 3_600_000;
const MAX_PAGES = 20;
const MAX_ACCOUNTS = 5000;

const hubName = v.pipe(v.string(), v.regex(HF_USERNAME_RE));

/** One followed account: the Hub's user objects name the account `user` (some answers `name`). */
const AccountSchema = v.pipe(
  v.object({
    user: v.fallback(v.optional(hubName), undefined),
    name: v.fallback(v.optional(hubName), undefined),
    fullname: v.fallback(
      v.optional(
        v.pipe(
          v.string(),
          v.transform((s) => singleLine(s, 200)),
        ),
      ),
      undefined,
    ),
    type: v.fallback(v.picklist(['user', 'org']), 'user'),
  }),
  v.check((a) => !!(a.user ?? a.name)),
  v.transform((a): HfAccount => {
    const out: HfAccount = { user: (a.user ?? a.name)!, type: a.type };
    if (a.fullname) out.fullname = a.fullname;
    return out;
  }),
);

/** Validates one page of the answer. Throws when it is not a list at all. */
export function parseFollowing(json: unknown): HfAccount[] {
  if (!Array.isArray(json)) throw new FetchFailure('malformed', t('errMalformed'));
  return json.flatMap((x) => {
    const r = v.safeParse(AccountSchema, x);
    return r.success ? [r.output] : [];
  });
}

/** The next page a `Link` header names, only when it is on huggingface.co. */
function nextPage(headers: Headers): string | undefined {
  const link = headers.get('link') ?? '';
  const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link);
  if (!m) return undefined;
  try {
    const url = new URL(m[1]!, HF_ORIGIN);
    return url.origin === HF_ORIGIN ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Every account `username` follows (following the pages the Hub links, within bounds). */
export async function fetchFollowing(username: string, opts: ApiOptions = {}): Promise<HfAccount[]> {
  if (!HF_USERNAME_RE.test(username)) throw new FetchFailure('http', t('hfUserInvalid', username), 404);
  const seen = new Map<string, HfAccount>();
  let url: string | undefined = `${HF_ORIGIN}/api/users/${encodeURIComponent(username)}/following`;
  for (let page = 0; url && page < MAX_PAGES && seen.size < MAX_ACCOUNTS; page++) {
    let next: string | undefined;
    const json = await getJson(url, opts, (h) => (next = nextPage(h)));
    for (const a of parseFollowing(json)) if (!seen.has(a.user.toLowerCase())) seen.set(a.user.toLowerCase(), a);
    url = next;
  }
  return [...seen.values()].slice(0, MAX_ACCOUNTS);
}

/** When the follows of `username` are next due (epoch ms); undefined when there is no username. */
export function followingDueAt(record: HfFollowingRecord | undefined, username: string): number | undefined {
  if (!username) return undefined;
  if (!record || record.username.toLowerCase() !== username.toLowerCase()) return 0;
  if (record.error) return record.error.at + (record.error.notFound ? FOLLOWING_EVERY_MS : FOLLOWING_RETRY_MS);
  return (record.fetchedAt ?? 0) + FOLLOWING_EVERY_MS;
}

export type FollowingOutcome =
  | { kind: 'done'; record: HfFollowingRecord }
  | { kind: 'failed'; record: HfFollowingRecord }
  | { kind: 'rate-limited'; until: number }
  | { kind: 'cleared' };

/**
 * Fetches and stores whom `username` follows. A failure changes nothing but the record's error
 * (the accounts already known for that username stay); no username removes the record.
 */
export async function refreshHfFollowing(deps: HfRequestDeps, username: string): Promise<FollowingOutcome> {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  if (!username) {
    await db.meta.delete('hfFollowing');
    return { kind: 'cleared' };
  }
  const before = await readHfFollowing(db);
  const same = before && before.username.toLowerCase() === username.toLowerCase();
  try {
    const asked = await askHf(deps, () => fetchFollowing(username, { fetch: deps.fetch, now }));
    if (!asked.ok) return { kind: 'rate-limited', until: asked.until };
    const record: HfFollowingRecord = { username, accounts: asked.value, fetchedAt: now() };
    await setMeta(db, 'hfFollowing', record);
    return { kind: 'done', record };
  } catch (err) {
    const notFound = err instanceof FetchFailure && err.status === 404;
    const message = notFound
      ? t('hfUserNotFound', username)
      : t('hfFollowingFailed', err instanceof Error ? err.message : String(err));
    const record: HfFollowingRecord = {
      username,
      accounts: same ? before.accounts : [],
      ...(same && before.fetchedAt !== undefined && { fetchedAt: before.fetchedAt }),
      error: { message, at: now(), ...(notFound && { notFound }) },
    };
    await setMeta(db, 'hfFollowing', record);
    return { kind: 'failed', record };
  }
}
