/** Small typed records kept in the `meta` table. */
import type { PapertabDB } from './db';
import type { CodeRelease, DaySettle, PaperArtifacts, TrendingOrder } from '../core/extras';
import type { ArchiveState } from '../core/archive';
import type { HfFollowingRecord } from '../core/follows';

export interface FetchErrorInfo {
  kind: string;
  message: string;
  at: number;
}

export interface RefreshStatus {
  lastSuccessAt?: number;
  lastAttemptAt?: number;
  lastError?: FetchErrorInfo;
  /** Consecutive failed refreshes (drives the exponential backoff). */
  failures: number;
  /** No automatic refresh before this time (backoff or a server's Retry-After). */
  nextAttemptAt?: number;
  /** Set after a 429: no request at all, not even a manual one, before this time. */
  rateLimitedUntil?: number;
}

export interface MetaValues {
  refreshStatus: RefreshStatus;
  /** Newest day with papers the user has looked at (new tab or popup). */
  seenDay: string;
  /** Newest day a desktop notification was shown for (one per day). */
  notifiedDay: string;
  /** Papers that arrived since the user last opened the new tab or the popup (lib/store/arrivals.ts). */
  unseenPapers: { ids: string[] };
  /** The newest day's list, as the notification watches it settle (lib/background/settle.ts). */
  notifySettle: DaySettle;
  /** Saved papers whose code appeared after they were saved (lib/store/code-released.ts). */
  codeReleased: Record<string, CodeRelease>;
  /** Hugging Face's trending order of a day, week or month (`trending:date:2026-11-24`). */
  [trending: `trending:${string}`]: TrendingOrder;
  /** The models, datasets and Spaces citing a saved paper (`artifacts:2404.12345`). */
  [artifacts: `artifacts:${string}`]: PaperArtifacts;
  /** The offline archive's progress and cursor (absent while it is off). */
  archive: ArchiveState;
  /** When each of the archive's requests in the last window went out (its sliding-window budget). */
  archiveRequests: number[];
  /** Whom the optional Hugging Face account follows (lib/hf/hf-following.ts). */
  hfFollowing: HfFollowingRecord;
  /** When a week or month listing (`range:week:2026-W48`) was last fetched whole. */
  [range: `range:${string}`]: number;
}

export async function getMeta<K extends keyof MetaValues>(db: PapertabDB, key: K): Promise<MetaValues[K] | undefined> {
  const rec = await db.meta.get(key);
  return rec?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends keyof MetaValues>(db: PapertabDB, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

export const EMPTY_STATUS: RefreshStatus = { failures: 0 };
