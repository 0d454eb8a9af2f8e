/**
 * The background's behaviour, separate from its entrypoint so tests can run it against
 * `fakeBrowser`. Chrome stops the worker whenever it likes: nothing here lives only in memory
 * except the in-flight refresh, and `start()` (run at every wake) rebuilds alarms and badge from storage.
 */
import { browser, type Browser } from 'wxt/browser';
import { ensureRefreshAlarm, REFRESH_ALARM, RETRY_ALARM, scheduleRetry } from './alarms';
import { updateBadge } from '../views/badge';
import { paperRefFromUrl, parseArxivId } from '../core/arxiv-id';
import { t } from '../core/i18n';
import { maybeNotify, notifyCodeReleased } from './notify';
import { markDayNotified, noteRefresh } from './settle';
import { writeFallback } from '../views/glance-fallback';
import { runSync, scheduleSync, SYNC_ALARM } from './sync-runner';
import { readSyncStatus, syncSummary } from '../sync/sync';
import { SAVED_CHANGED_KEY } from '../core/saved-mirror';
import { SETTINGS_KEY } from '../core/settings';
import { META_KEY } from '../sync/codec';
import { SYNC_SETTINGS_KEY } from '../sync/settings';
import { clockTime } from '../core/format';
import { loadSettings, type Settings } from '../core/settings';

export const SAVE_COMMAND = 'save-paper';
/** A sync at least this often even when nothing announced a change (a missed event, a new device). */
const SYNC_EVERY_MS = 30 * 60_000;
import type { PapertabDB } from '../store/db';
import { getStatus, type HfRequestDeps } from '../feed/gate';
import { refreshFeed, type RefreshOutcome, type RefreshReason } from '../feed/refresh';
import { fetchRange } from '../feed/range-fetch';
import { fetchTrending } from '../feed/trending-fetch';
import { checkArtifacts } from '../feed/artifacts';
import { searchHf } from '../feed/hf-search';
import {
  CONTENT_SCRIPT_MESSAGES,
  isFromExtensionPage,
  isFromPaperPage,
  parseMessage,
  senderPaperId,
  type RefreshReply,
  type SearchHfReply,
  type CompleteReply,
  type CheckArtifactsReply,
} from '../core/messages';
import type { SaveReply } from '../core/save-request';
import { completeIncomplete, saveById, unsaveById } from '../save/save-paper';
import { mirrorSavedIds } from '../store/saved-ids';
import { menuTarget } from './context-menu';
import { ARCHIVE_ALARM } from './alarms';
import { createArchiveRunner, fold } from './archive-runner';
import { FOLLOWING_ALARM, syncHfFollowing } from './hf-following-runner';
import { createZoteroRunner, isZoteroMessage, type ZoteroReply } from './zotero-runner';

export interface BackgroundDeps {
  db: PapertabDB;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  refreshMinutes?: number;
}

export function describeOutcome(outcome: RefreshOutcome): RefreshReply {
  switch (outcome.kind) {
    case 'done':
      return { ok: true, message: t('replyUpToDate') };
    case 'skipped':
      return {
        ok: false,
        message:
          outcome.reason === 'rate-limited'
            ? t('replyRateLimited', clockTime(outcome.until))
            : t('replyBackingOff', clockTime(outcome.until)),
      };
    case 'failed':
      return { ok: false, message: t('replyFailed', outcome.error.message, clockTime(outcome.nextAttemptAt)) };
  }
}

export function createBackground(deps: BackgroundDeps) {
  const now = deps.now ?? Date.now;
  const settings = async () => {
    const s = await loadSettings();
    return deps.refreshMinutes ? { ...s, refreshMinutes: deps.refreshMinutes } : s;
  };
  /** Everything that asks Hugging Face goes through the one gate with these (a 429 arms the retry). */
  const hf = { db: deps.db, fetch: deps.fetch, now, scheduleRetry } satisfies HfRequestDeps;
  let inflight: Promise<RefreshOutcome> | undefined;
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
  const zotero = createZoteroRunner({ db: deps.db, fetch: deps.fetch, now, random: deps.random, hf });
  const archive = createArchiveRunner({ ...hf, random: deps.random }, async () => (await settings()).archiveEnabled);
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

  /** The day's notification once its list has settled (only a refresh that got answers can tell), and code releases. */
  async function notifyAfterRefresh(done: boolean, s: Settings, found: Awaited<ReturnType<typeof updateBadge>>) {
    const day = done ? await noteRefresh(deps.db, now()) : undefined;
    if (day && (await maybeNotify(deps.db, s, found, day))) await markDayNotified(deps.db, day);
    await notifyCodeReleased(deps.db, s);
  }

  /** Run at every worker start: idempotent. */
  async function start(): Promise<void> {
    const s = await settings();
    const minutes = s.refreshMinutes;
    await ensureRefreshAlarm(minutes);
    const status = await getStatus(deps.db);
    // A retry alarm lost with the browser is re-armed; one whose time passed is done right away below.
    if (status.nextAttemptAt && status.nextAttemptAt > now()) await scheduleRetry(status.nextAttemptAt);
    await updateBadge(deps.db, s);
    await following(s.hfUsername);
    // A worker stopped between a save and its mirror update leaves the mirror stale: rebuild it.
    await mirrorSavedIds(deps.db);
    const due = !status.lastSuccessAt || now() - status.lastSuccessAt >= minutes * 60_000;
    if (due) await refresh('startup');
    await completeIncomplete(hf);
    await archive.start();
    await zotero.library.setEnabled(s.zoteroEnabled);
    foldSoon();
    // Each wake is not a reason to sync: edits and other devices schedule their own.
    const last = await readSyncStatus().catch(() => undefined);
    if (!last || now() - last.at >= SYNC_EVERY_MS) await sync();
  }

  async function onAlarm(alarm: Browser.alarms.Alarm): Promise<void> {
    if (alarm.name === REFRESH_ALARM) await refresh('alarm');
    else if (alarm.name === RETRY_ALARM) await refresh('retry');
    else if (alarm.name === SYNC_ALARM) await sync();
    else if (alarm.name === ARCHIVE_ALARM) await archive.run();
    else if (alarm.name === FOLLOWING_ALARM) await following((await settings()).hfUsername);
  }

  /** Sync the reading list and settings (never throws: a failed sync is reported in its status). */
  async function sync(): Promise<void> {
    await runSync(hf).catch((err: unknown) => console.warn('Papertab: sync failed', err));
  }

  /**
   * Storage changes that call for a sync: a reading-list or settings edit here, or another
   * device's write. Debounced with an alarm; a sync that finds nothing new writes nothing.
   */
  async function onStorageChanged(changes: Record<string, unknown>, area: string): Promise<void> {
    const local = area === 'local' && (SAVED_CHANGED_KEY in changes || SETTINGS_KEY in changes);
    const remote = area === 'sync' && (META_KEY in changes || SYNC_SETTINGS_KEY in changes);
    if (local || remote) await scheduleSync(now());
  }

  async function onMessage(
    raw: unknown,
    sender: Browser.runtime.MessageSender,
  ): Promise<RefreshReply | SaveReply | SearchHfReply | CompleteReply | CheckArtifactsReply | ZoteroReply | undefined> {
    const message = parseMessage(raw);
    if (!message) return undefined;
    const origin = new URL(browser.runtime.getURL('/')).origin;
    const fromPage = isFromExtensionPage(sender, browser.runtime.id, origin);
    const fromPaperSite = CONTENT_SCRIPT_MESSAGES.has(message.type) && isFromPaperPage(sender, browser.runtime.id);
    if (!fromPage && !fromPaperSite) return undefined;
    // A paper page's script may send to Zotero only the paper its tab shows.
    if (isZoteroMessage(message)) {
      return zotero.onMessage(message, !fromPage, fromPage ? undefined : senderPaperId(sender, browser.runtime.id));
    }
    switch (message.type) {
      case 'savePaper':
      case 'unsavePaper': {
        // A paper page's script acts for the paper its page shows, never for one the page's own
        // scripts chose (the same paper on arXiv and Hugging Face, any version, is one id).
        // What is not a paper id at all gets the plain refusal from saveById/unsaveById.
        const asked = parseArxivId(message.id);
        if (!fromPage && asked && senderPaperId(sender, browser.runtime.id) !== asked.id) return undefined;
        return message.type === 'savePaper' ? saveById(hf, message.id, message.page) : unsaveById(hf, message.id);
      }
      case 'refresh':
        return describeOutcome(await refresh('manual'));
      case 'fetchRange':
        return fetchRange(hf, message.range);
      case 'searchHf':
        return searchHf(hf, message.q);
      case 'fetchTrending':
        return fetchTrending(hf, message.range);
      case 'checkArtifacts': {
        const checked = await artifacts();
        // A code release found by the lookups is told now, not at the next refresh.
        await notifyCodeReleased(deps.db, await settings()).catch(() => false);
        return { checked };
      }
      case 'archive':
        return archive.onMessage(message.action, message.drop);
      case 'completeIncomplete':
        return { completed: await completeIncomplete(hf) };
      case 'syncNow':
        try {
          const status = await runSync(hf);
          return { ok: !!status?.ok, message: status ? syncSummary(status) : t('syncOff') };
        } catch (err) {
          return { ok: false, message: t('syncFailed', err instanceof Error ? err.message : String(err)) };
        }
    }
  }

  /** A context-menu save: no page to read, so Hugging Face (or later completion) fills it in. */
  async function onMenu(info: Browser.contextMenus.OnClickData): Promise<SaveReply | undefined> {
    const id = menuTarget(info);
    return id ? saveById(hf, id) : undefined;
  }

  /** Settings changed (options page or sync): new interval, new badge. */
  async function onSettings(s: Settings): Promise<void> {
    await ensureRefreshAlarm(deps.refreshMinutes ?? s.refreshMinutes);
    await updateBadge(deps.db, s);
    // Switched on: start (or resume) at once; switched off: the run checks the setting and stops.
    if (s.archiveEnabled) void archive.run();
    await following(s.hfUsername);
    await zotero.library.setEnabled(s.zoteroEnabled);
  }

  /** The "save the paper in this tab" keyboard command. */
  async function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<SaveReply | undefined> {
    if (command !== SAVE_COMMAND) return undefined;
    const active = tab?.url ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    const id = active?.url ? paperRefFromUrl(active.url)?.id : undefined;
    if (!id) return { ok: false, saved: false, message: t('replyNotPaperTab') };
    const reply = await saveById(hf, id);
    // A brief per-tab mark on the toolbar button: the command has no other visible answer.
    if (active?.id !== undefined) await browser.action.setBadgeText({ tabId: active.id, text: reply.ok ? '✓' : '!' });
    return reply;
  }

  return { start, refresh, sync, onAlarm, onMessage, onMenu, onSettings, onCommand, onStorageChanged, archive };
}
