/**
 * The background's behaviour, separate from its entrypoint so tests can run it against
 * `fakeBrowser`. Chrome stops the worker whenever it likes: nothing here lives only in memory
 * except the jobs in flight (`work.ts`), and `start()` (run at every wake) rebuilds alarms and
 * badge from storage. Messages go through the one router (`router.ts`, over the table in
 * lib/core/messages.ts) to their handlers (`handlers.ts`).
 */
import { browser, type Browser } from 'wxt/browser';
import { ARCHIVE_ALARM, ensureRefreshAlarm, REFRESH_ALARM, RETRY_ALARM, scheduleRetry } from './alarms';
import { updateBadge } from '../views/badge';
import { paperRefFromUrl } from '../core/arxiv-id';
import { t } from '../core/i18n';
import { scheduleSync, SYNC_ALARM } from './sync-runner';
import { readSyncStatus } from '../sync/status';
import { SAVED_CHANGED_KEY } from '../core/saved-mirror';
import { SETTINGS_KEY } from '../core/settings';
import { type Settings } from '../core/settings-schema';
import { META_KEY } from '../sync/codec';
import { SYNC_SETTINGS_KEY } from '../sync/settings';
import { getStatus } from '../hf/gate';
import type { SaveReply } from '../core/save-request';
import { completeIncomplete, saveById } from '../hf/save-paper';
import { rebuildSavedMirror } from '../store/reading-list';
import { joinStoredDuplicates } from '../reading-list/same-paper';
import { menuTarget } from './context-menu';
import { FOLLOWING_ALARM } from './hf-following-runner';
import { createWork, type BackgroundDeps } from './work';
import { createRouter } from './router';
import { messageHandlers } from './handlers';

export type { BackgroundDeps } from './work';
export { describeOutcome } from './handlers';

export const SAVE_COMMAND = 'save-paper';
/** A sync at least this often even when nothing announced a change (a missed event, a new device). */
const SYNC_EVERY_MS = 30 * 60_000;

export function createBackground(deps: BackgroundDeps) {
  const work = createWork(deps);
  const { hf, now, settings, archive, refresh, sync, following } = work;

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
    // Papers an earlier version saved under an old-style id with its subject class join their one key.
    await joinStoredDuplicates(deps.db, now());
    // A worker stopped between a save and its mirror update leaves the mirror stale: rebuild it.
    await rebuildSavedMirror(deps.db);
    const due = !status.lastSuccessAt || now() - status.lastSuccessAt >= minutes * 60_000;
    if (due) await refresh('startup');
    await completeIncomplete(hf);
    await archive.start();
    await work.zotero.library.setEnabled(s.zoteroEnabled);
    work.foldSoon();
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

  /**
   * Storage changes that call for a sync: a reading-list or settings edit here, or another
   * device's write. Debounced with an alarm; a sync that finds nothing new writes nothing.
   */
  async function onStorageChanged(changes: Record<string, unknown>, area: string): Promise<void> {
    const local = area === 'local' && (SAVED_CHANGED_KEY in changes || SETTINGS_KEY in changes);
    const remote = area === 'sync' && (META_KEY in changes || SYNC_SETTINGS_KEY in changes);
    if (local || remote) await scheduleSync(now());
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
    await work.zotero.library.setEnabled(s.zoteroEnabled);
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

  const onMessage = createRouter(messageHandlers(work));
  return { start, refresh, sync, onAlarm, onMessage, onMenu, onSettings, onCommand, onStorageChanged, archive };
}
