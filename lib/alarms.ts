/** The two alarms the background owns; both are re-created from storage at every start. */
import { browser } from 'wxt/browser';

export const REFRESH_ALARM = 'papertab-refresh';
export const RETRY_ALARM = 'papertab-retry';
export const DEFAULT_REFRESH_MINUTES = 30;

/** Creates the periodic refresh alarm unless an identical one exists (creating resets its schedule). */
export async function ensureRefreshAlarm(periodInMinutes = DEFAULT_REFRESH_MINUTES): Promise<void> {
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(REFRESH_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
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
