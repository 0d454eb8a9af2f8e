import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffDelayMs } from '@/lib/hf/backoff';

const MIN = 60_000;
/** The top of the jitter range: the full exponential delay. */
const full = () => 1;
/** The bottom of the jitter range: half the delay. */
const half = () => 0;

describe('backoffDelayMs: how long refreshes wait after consecutive failures', () => {
  it('starts at one minute and doubles with each failure', () => {
    expect(BACKOFF_BASE_MS).toBe(MIN);
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelayMs(n, full))).toEqual(
      [1, 2, 4, 8, 16, 32, 64].map((m) => m * MIN),
    );
  });

  it('never waits more than two hours, however long the outage', () => {
    expect(BACKOFF_MAX_MS).toBe(120 * MIN);
    expect(backoffDelayMs(8, full)).toBe(120 * MIN);
    expect(backoffDelayMs(50, full)).toBe(120 * MIN);
    expect(backoffDelayMs(5000, full)).toBe(120 * MIN);
  });

  it('treats a zero or negative failure count as the first failure', () => {
    expect(backoffDelayMs(0, full)).toBe(MIN);
    expect(backoffDelayMs(-3, full)).toBe(MIN);
  });

  it('jitters each delay between 50 % and 100 % so many installs do not retry in lockstep', () => {
    expect(backoffDelayMs(1, half)).toBe(30_000);
    expect(backoffDelayMs(1, () => 0.5)).toBe(45_000);
    expect(backoffDelayMs(3, half)).toBe(2 * MIN);
    expect(backoffDelayMs(3, () => 0.25)).toBe(2.5 * MIN);
    expect(backoffDelayMs(50, half)).toBe(60 * MIN);
    expect(backoffDelayMs(50, () => 0.999_999)).toBeCloseTo(120 * MIN, -2);
  });

  it('returns whole milliseconds usable as an alarm time', () => {
    const d = backoffDelayMs(1, () => 0.123_456_789);
    expect(Number.isInteger(d)).toBe(true);
    expect(d).toBe(Math.round(MIN * (0.5 + 0.5 * 0.123_456_789)));
  });

  it('uses real randomness by default, within the jitter range', () => {
    const delays = Array.from({ length: 200 }, () => backoffDelayMs(2));
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(MIN);
      expect(d).toBeLessThanOrEqual(2 * MIN);
    }
    expect(new Set(delays).size).toBeGreaterThan(1);
  });
});
