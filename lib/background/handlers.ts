/** What the background does for each message of the table (lib/core/messages.ts). */
import { t } from '../core/i18n';
import { clockTime } from '../core/format';
import type { RefreshReply } from '../core/messages';
import { syncSummary } from '../sync/status';
import type { RefreshOutcome } from '../hf/refresh';
import { fetchRange } from '../hf/range-fetch';
import { fetchTrending } from '../hf/trending-fetch';
import { searchHf } from '../hf/hf-search';
import { completeIncomplete, saveById, unsaveById } from '../hf/save-paper';
import { notifyCodeReleased } from './notify';
import { markSeen } from '../views/badge';
import { runSync } from './sync-runner';
import type { Handlers } from './router';
import type { Work } from './work';

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

export function messageHandlers(work: Work): Handlers {
  const { hf } = work;
  return {
    // From a paper page, the router has already bound the id to the paper its tab shows.
    savePaper: (m) => saveById(hf, m.id, m.page),
    unsavePaper: (m) => unsaveById(hf, m.id),
    refresh: async () => describeOutcome(await work.refresh('manual')),
    markSeen: async () => {
      await markSeen(work.db);
      return { ok: true };
    },
    fetchRange: (m) => fetchRange(hf, m.range),
    searchHf: (m) => searchHf(hf, m.q),
    fetchTrending: (m) => fetchTrending(hf, m.range),
    checkArtifacts: async () => {
      const checked = await work.artifacts();
      // A code release found by the lookups is told now, not at the next refresh.
      await notifyCodeReleased(work.db, await work.settings()).catch(() => false);
      return { checked };
    },
    archive: (m) => work.archive.onMessage(m.action, m.drop),
    completeIncomplete: async () => ({ completed: await completeIncomplete(hf) }),
    ...work.zotero.handlers,
    syncNow: async () => {
      try {
        const status = await runSync(hf);
        return { ok: !!status?.ok, message: status ? syncSummary(status) : t('syncOff') };
      } catch (err) {
        return { ok: false, message: t('syncFailed', err instanceof Error ? err.message : String(err)) };
      }
    },
  };
}
