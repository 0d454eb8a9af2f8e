/** The two alarms the background owns; both are re-created from storage at every start. */
import { browser } from 'wxt/browser';

export const REFRESH_ALARM = 'papertab-refresh';
export const RETRY_ALARM = 'papertab-retry';
/** The offline archive's next step (lib/hf/archive.ts). */
export const ARCHIVE_ALARM = 'papertab-archive';
export const DEFAULT_REFRESH_MINUTES = 30;

/**
 * Creates the periodic refresh alarm unless an identical one exists (creating resets its schedule).
 * A refresh alarm already due sooner than one period (a one-shot, or the old period's next firing)
 * keeps its time: re-creating the alarm never postpones a refresh.
 */
export async function ensureRefreshAlarm(periodInMinutes = DEFAULT_REFRESH_MINUTES): Promise<void> {
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  const periodMs = periodInMinutes * 60_000;
  const when = existing && existing.scheduledTime < Date.now() + periodMs ? existing.scheduledTime : undefined;
  await browser.alarms.create(
    REFRESH_ALARM,
    when === undefined ? { periodInMinutes, delayInMinutes: periodInMinutes } : { periodInMinutes, when },
  );
}

/** Arms the one-shot retry alarm at `at`, or clears it. */
export async function scheduleRetry(at: number | undefined): Promise<void> {
  if (at === undefined) {
    await browser.alarms.clear(RETRY_ALARM);
    return;
  }
  const existing = await browser.alarms.get(RETRY_ALARM);
  if (existing && Math.abs(existing.scheduledTime - at) < 1000) return;
  await browser.alarms.create(RETRY_ALARM, { when: at });
}
