/**
 * The background's side of the offline archive: one run at a time per worker, driven by an alarm
 * (re-armed from storage at every start), and the stored search index folded after new papers.
 */
import { browser } from 'wxt/browser';
import { ARCHIVE_ALARM } from './alarms';
import { runArchive, type ArchiveDeps } from '../hf/archive';
import { getArchive, stopArchive, updateArchive } from '../store/archive-store';
import { foldSearchIndex } from '../store/search-store';
import { buildStoredIndex } from '../search/stored';
import type { RefreshReply } from '../core/messages';
import { t, tn } from '../core/i18n';
import type { PapertabDB } from '../store/db';

/** When a run that failed outright tries again. */
const RETRY_AFTER_FAILURE_MS = 15 * 60_000;

export function createArchiveRunner(deps: ArchiveDeps, enabled: () => Promise<boolean>) {
  let inflight: Promise<void> | undefined;

  async function arm(at: number | undefined): Promise<void> {
    if (at === undefined) await browser.alarms.clear(ARCHIVE_ALARM);
    else await browser.alarms.create(ARCHIVE_ALARM, { when: Math.max(at, Date.now()) });
  }

  /** Runs the archive now (sharing a run in flight); a no-op while it is off. */
  function run(): Promise<void> {
    inflight ??= (async () => {
      try {
        if (!(await enabled())) return void (await arm(undefined));
        await arm(await runArchive(deps, { enabled }));
      } catch (err) {
        console.warn('Papertab: archive step failed', err);
        // Whatever failed (a full disk that could not even record it), the archive comes back.
        await arm(Date.now() + RETRY_AFTER_FAILURE_MS).catch(() => undefined);
      } finally {
        await fold(deps.db);
      }
    })().finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  async function onMessage(action: 'pause' | 'resume' | 'stop', drop = false): Promise<RefreshReply> {
    await inflight;
    if (action === 'stop') {
      await arm(undefined);
      const dropped = await stopArchive(deps.db, drop);
      await fold(deps.db);
      return { ok: true, message: drop ? tn(dropped, 'archiveDroppedOne', 'archiveDroppedOther') : t('archiveKept') };
    }
    await updateArchive(deps.db, (s) =>
      action === 'pause'
        ? s.status === 'running'
          ? { ...s, status: 'paused' }
          : undefined
        : s.status === 'paused'
          ? { ...s, status: 'running', nextAttemptAt: undefined }
          : undefined,
    );
    if (action === 'resume') void run();
    else await arm(undefined);
    return { ok: true, message: t(action === 'pause' ? 'archivePaused' : 'archiveResumed') };
  }

  /** At every worker start: a running archive whose alarm was lost goes on. */
  async function start(): Promise<void> {
    const state = await getArchive(deps.db);
    if ((await enabled()) && state?.status !== 'paused' && !(await browser.alarms.get(ARCHIVE_ALARM))) void run();
  }

  return { run, onMessage, start };
}

/** Folds papers written since the stored search index was built into a new one, when enough have piled up. */
export async function fold(db: PapertabDB): Promise<void> {
  await foldSearchIndex(db, buildStoredIndex).catch((err: unknown) =>
    console.warn('Papertab: search index not stored', err),
  );
}
