import { useState } from 'preact/hooks';
import { archiveTimeLeftMs, estimateArchive } from '@/lib/core/archive';
import { clockTime } from '@/lib/core/format';
import { intlLocale, t } from '@/lib/core/i18n';
import { send } from '@/lib/core/send';
import { getArchive } from '@/lib/store/archive-store';
import { formatBytes } from '@/lib/store/cache-admin';
import { db } from '@/lib/store/db';
import type { SectionProps } from '@/lib/hooks/use-settings-form';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import { archiveProgressText } from '../shared/ArchiveStatusLine';

/**
 * Settings, "Offline archive": the switch with the archive's size before it starts, then its
 * progress (bar, months and papers, time left), Pause and Cancel; turning it off asks whether to
 * keep or drop what it fetched.
 */
export function ArchiveSection({ settings, save, setNote }: SectionProps) {
  const state = useLiveQuery(() => getArchive(db()), [], undefined);
  const [asking, setAsking] = useState(false);
  const estimate = estimateArchive(Date.now());
  const number = (n: number) => n.toLocaleString(intlLocale());

  async function turnOff() {
    await save({ archiveEnabled: false });
    if (state) setAsking(true);
  }
  /** One request to the background's archive; its answer (or why none came) is the page's note. */
  async function ask(request: { action: 'stop'; drop: boolean } | { action: 'pause' | 'resume' }) {
    const reply = await send({ type: 'archive', ...request }).catch((err: unknown) => ({
      ok: false,
      message: String(err),
    }));
    setNote(reply.message);
  }
  const stop = (drop: boolean) => (setAsking(false), ask({ action: 'stop', drop }));
  const pauseOrResume = (action: 'pause' | 'resume') => ask({ action });

  const left = state && settings.archiveEnabled ? archiveTimeLeftMs(state, Date.now()) : undefined;
  const waiting = state?.status === 'running' ? state.nextAttemptAt : undefined;
  return (
    <section aria-labelledby="opt-archive">
      <h2 id="opt-archive">{t('optArchive')}</h2>
      <label class="choice">
        <input
          type="checkbox"
          checked={settings.archiveEnabled}
          onChange={(e) => void ((e.target as HTMLInputElement).checked ? save({ archiveEnabled: true }) : turnOff())}
        />
        {t('archiveOption')}
      </label>
      <p class="subtle">
        {t('archiveEstimate', number(estimate.papers), formatBytes(estimate.bytes), estimate.minutes)}
      </p>
      {asking && (
        <p role="alert">
          {t('archiveStopQuestion')}{' '}
          <button type="button" onClick={() => void stop(false)}>
            {t('archiveKeep')}
          </button>{' '}
          <button type="button" onClick={() => void stop(true)}>
            {t('archiveDrop')}
          </button>
        </p>
      )}
      {settings.archiveEnabled && state && (
        <div class="archive-progress">
          {state.status === 'done' ? (
            <p role="status">{t('archiveDone', number(state.papers))}</p>
          ) : (
            <>
              <label>
                <span id="archive-progress-label">{t('archiveProgressLabel')}</span>{' '}
                <progress value={state.monthsDone} max={state.monthsTotal} aria-labelledby="archive-progress-label" />
              </label>
              <p role="status">
                {archiveProgressText(state)}
                {left !== undefined && ` · ${t('archiveTimeLeft', Math.max(1, Math.round(left / 60_000)))}`}
                {state.status === 'paused' && ` · ${t('archivePausedNote')}`}
                {waiting !== undefined && waiting > Date.now() && ` · ${t('archiveWaiting', clockTime(waiting))}`}
              </p>
              {state.lastError && <p class="subtle">{t('archiveLastError', state.lastError.message)}</p>}
              <p>
                {state.status === 'paused' ? (
                  <button type="button" onClick={() => void pauseOrResume('resume')}>
                    {t('archiveResume')}
                  </button>
                ) : (
                  <button type="button" onClick={() => void pauseOrResume('pause')}>
                    {t('archivePause')}
                  </button>
                )}{' '}
                <button type="button" onClick={() => void turnOff()}>
                  {t('archiveCancel')}
                </button>
              </p>
            </>
          )}
        </div>
      )}
    </section>
  );
}
