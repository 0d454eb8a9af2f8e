/** The stored follows of the optional Hugging Face account (the `hfFollowing` meta record). */
import type { HfAccount, HfFollowingRecord } from '../core/follows';
import type { PapertabDB } from './db';
import { getMeta } from './meta-table';

/** The record, whoever it belongs to. */
export function readHfFollowing(db: PapertabDB): Promise<HfFollowingRecord | undefined> {
  return getMeta(db, 'hfFollowing');
}

/**
 * The accounts that count as followed: those of the username now in the settings only, so
 * clearing or changing the username drops them at once, before the background has caught up.
 */
export function accountsFor(record: HfFollowingRecord | undefined, username: string): HfAccount[] {
  if (!username || !record || record.username.toLowerCase() !== username.toLowerCase()) return [];
  return record.accounts;
}

export async function followedAccounts(db: PapertabDB, username: string): Promise<HfAccount[]> {
  return username ? accountsFor(await readHfFollowing(db), username) : [];
}
