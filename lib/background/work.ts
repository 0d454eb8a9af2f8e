/**
 * The background's long jobs, each one at a time per worker (callers arriving meanwhile share it):
 * the refresh, the artifacts lookups, the Hugging Face follow list, the search-index fold, sync.
 * Nothing here outlives the worker but what it writes: `start()` in `main.ts` redoes what is due.
 */
import { updateBadge } from '../views/badge';
import { writeFallback } from '../views/glance-fallback';
import { loadSettings } from '../core/settings';
import { type Settings } from '../core/settings-schema';
import type { HfRequestDeps } from '../hf/gate';
import { refreshFeed, type RefreshDeps, type RefreshOutcome, type RefreshReason } from '../hf/refresh';
import { checkArtifacts } from '../hf/artifacts';
import { scheduleRetry } from './alarms';
import { maybeNotify, notifyCodeReleased } from './notify';
import { markDayNotified, noteRefresh } from './settle';
import { runSync } from './sync-runner';
import { createArchiveRunner, fold } from './archive-runner';
import { syncHfFollowing } from './hf-following-runner';
import { createZoteroRunner } from './zotero-runner';

/** What the refresh needs, but the retry alarm, which the background arms itself. */
export interface BackgroundDeps extends Omit<RefreshDeps, 'scheduleRetry' | 'timeoutMs'> {
  refreshMinutes?: number;
}

export type Work = ReturnType<typeof createWork>;

export function createWork(deps: BackgroundDeps) {
  const now = deps.now ?? Date.now;
  const settings = async (): Promise<Settings> => {
    const s = await loadSettings();
    return deps.refreshMinutes ? { ...s, refreshMinutes: deps.refreshMinutes } : s;
  };
  /** Everything that asks Hugging Face goes through the one gate with these (a 429 arms the retry). */
  const hf = { db: deps.db, fetch: deps.fetch, now, scheduleRetry } satisfies HfRequestDeps;
  const zotero = createZoteroRunner({ db: deps.db, fetch: deps.fetch, now, random: deps.random, hf });
  const archive = createArchiveRunner({ ...hf, random: deps.random }, async () => (await settings()).archiveEnabled);

  let folding: Promise<void> = Promise.resolve();
  /** Folds new papers into the stored search index, one fold at a time (idempotent; redone at start). */
  function foldSoon(): void {
    folding = folding.then(() => fold(deps.db));
  }

  let artifactsRun: Promise<number> | undefined;
  /** One artifacts run at a time (a page asking meanwhile shares it): each paper is asked at most once a day. */
  function artifacts(): Promise<number> {
    artifactsRun ??= checkArtifacts(hf)
      .catch((err: unknown) => {
        console.warn('Papertab: artifacts lookup failed', err);
        return 0;
      })
      .finally(() => {
        artifactsRun = undefined;
      });
    return artifactsRun;
  }

  /** The Hugging Face account's follows, one run after another (a changed username waits its turn). */
  let followingQueue: Promise<unknown> = Promise.resolve();
  function following(username: string): Promise<void> {
    const run = followingQueue.then(async () => {
      const outcome = await syncHfFollowing(hf, username);
      // Papers of newly followed accounts colour the badge.
      if (outcome && outcome.kind !== 'rate-limited') await updateBadge(deps.db, await settings());
    });
    followingQueue = run.catch((err: unknown) => console.warn('Papertab: Hugging Face follows failed', err));
    return followingQueue as Promise<void>;
  }

  /** The day's notification once its list has settled (only a refresh that got answers can tell), and code releases. */
  async function notifyAfterRefresh(done: boolean, s: Settings, found: Awaited<ReturnType<typeof updateBadge>>) {
    const day = done ? await noteRefresh(deps.db, now()) : undefined;
    if (day && (await maybeNotify(deps.db, s, found, day))) await markDayNotified(deps.db, day);
    await notifyCodeReleased(deps.db, s);
  }

  let inflight: Promise<RefreshOutcome> | undefined;
  /** One refresh at a time per worker; callers arriving meanwhile share its outcome. */
  function refresh(reason: RefreshReason): Promise<RefreshOutcome> {
    inflight ??= (async () => {
      let done = false;
      try {
        const outcome = await refreshFeed({ ...hf, random: deps.random }, reason);
        done = outcome.kind === 'done';
        // Saved papers' artifacts (and code) ride on the periodic refresh; the Refresh button does not wait for them.
        if (done && reason !== 'manual') await artifacts();
        return outcome;
      } finally {
        const s = await settings();
        const found = await updateBadge(deps.db, s);
        await writeFallback(deps.db, now());
        await notifyAfterRefresh(done, s, found).catch((err: unknown) =>
          console.warn('Papertab: notification failed', err),
        );
        // After the refresh, not part of it: a refresh asked for meanwhile starts anew instead of
        // sharing one that is only folding its papers into the stored search index.
        foldSoon();
      }
    })().finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  /** Sync the reading list and settings (never throws: a failed sync is reported in its status). */
  async function sync(): Promise<void> {
    await runSync(hf).catch((err: unknown) => console.warn('Papertab: sync failed', err));
  }

  return { db: deps.db, now, hf, settings, archive, zotero, foldSoon, artifacts, following, refresh, sync };
}
