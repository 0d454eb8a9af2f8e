/**
 * The background's side of the optional Hugging Face account: fetch whom it follows when the
 * username is set or changed, then once a day, on a one-shot alarm re-armed after each run (the
 * browser keeps alarms while the worker sleeps; every start recomputes what is due from storage).
 */
import { browser } from 'wxt/browser';
import type { HfRequestDeps } from '../hf/gate';
import { followingDueAt, refreshHfFollowing, type FollowingOutcome } from '../hf/hf-following';
import { readHfFollowing } from '../store/hf-following';

export const FOLLOWING_ALARM = 'papertab-hf-following';

/**
 * Brings the stored follows in line with `username`: removes them when it is empty, fetches them
 * when due (a new username is due at once), and arms the alarm for the next time. Idempotent.
 */
export async function syncHfFollowing(deps: HfRequestDeps, username: string): Promise<FollowingOutcome | undefined> {
  const now = deps.now ?? Date.now;
  const record = await readHfFollowing(deps.db);
  const due = followingDueAt(record, username);
  if (due === undefined) {
    await browser.alarms.clear(FOLLOWING_ALARM);
    return record ? refreshHfFollowing(deps, '') : undefined;
  }
  let outcome: FollowingOutcome | undefined;
  let next: number;
  if (due <= now()) {
    outcome = await refreshHfFollowing(deps, username);
    next =
      outcome.kind === 'rate-limited' ? outcome.until : (followingDueAt(await readHfFollowing(deps.db), username) ?? 0);
  } else next = due;
  const existing = await browser.alarms.get(FOLLOWING_ALARM);
  if (!existing || Math.abs(existing.scheduledTime - next) >= 1000)
    await browser.alarms.create(FOLLOWING_ALARM, { when: Math.max(next, now() + 1000) });
  return outcome;
}
