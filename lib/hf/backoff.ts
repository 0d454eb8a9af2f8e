/** Exponential backoff with jitter for failed refreshes: 1 min, 2, 4, … capped at 2 h. */
export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_MAX_MS = 2 * 60 * 60_000;
/** When a 429 names no wait, assume HF's 5-minute rate-limit window. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 5 * 60_000;

/** Delay before the next try after `failures` consecutive failures (≥ 1), jittered to 50–100 %. */
export function backoffDelayMs(failures: number, random: () => number = Math.random): number {
  const exp = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1), BACKOFF_MAX_MS);
  return Math.round(exp * (0.5 + 0.5 * random()));
}
