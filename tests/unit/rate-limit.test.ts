import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '@/lib/hf/rate-limit';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const DAY_MS = 86_400_000;

const wait = (headers: Record<string, string>, now = NOW) => retryAfterMs(new Headers(headers), now);

describe('retryAfterMs: how long to wait after Hugging Face answers 429', () => {
  it('reads Retry-After given in seconds', () => {
    expect(wait({ 'Retry-After': '120' })).toBe(120_000);
    expect(wait({ 'Retry-After': ' 7 ' })).toBe(7_000);
  });

  it('reads fractional Retry-After seconds as seconds, rounded up, not as a date (which would mean retry at once)', () => {
    expect(wait({ 'Retry-After': '1.5' })).toBe(1_500);
    expect(wait({ 'Retry-After': '0.0001' })).toBe(1);
  });

  it('reads Retry-After given as an HTTP date, relative to now', () => {
    expect(wait({ 'Retry-After': 'Sat, 01 Mar 2025 12:02:00 GMT' })).toBe(120_000);
    expect(wait({ 'Retry-After': 'Sat, 01 Mar 2025 12:02:00 GMT' }, NOW + 30_000)).toBe(90_000);
  });

  it('retries at once when the Retry-After date is already past', () => {
    expect(wait({ 'Retry-After': 'Sat, 01 Mar 2025 11:00:00 GMT' })).toBe(0);
  });

  it('reads the structured RateLimit header ("api";r=0;t=120)', () => {
    expect(wait({ RateLimit: '"api";r=0;t=120' })).toBe(120_000);
  });

  it('reads the older RateLimit header (limit=500, remaining=0, reset=42)', () => {
    expect(wait({ RateLimit: 'limit=500, remaining=0, reset=42' })).toBe(42_000);
  });

  it('reads a bare RateLimit-Reset header', () => {
    expect(wait({ 'RateLimit-Reset': '42' })).toBe(42_000);
  });

  it("does not mistake the policy's window (w=300) or quota (q=500) for a wait", () => {
    expect(wait({ RateLimit: '"api";r=0;t=42', 'RateLimit-Policy': '"api";q=500;w=300' })).toBe(42_000);
    expect(wait({ 'RateLimit-Policy': '"api";q=500;w=300' })).toBeUndefined();
  });

  it('does not mistake other parameters that end in t or reset for the reset time', () => {
    expect(wait({ RateLimit: '"api";pt=999;r=0;t=5' })).toBe(5_000);
    expect(wait({ RateLimit: 'limit=500, remaining=0, softreset=999, reset=5' })).toBe(5_000);
  });

  it('waits for the longest of Retry-After and RateLimit when both are present', () => {
    expect(wait({ 'Retry-After': '30', RateLimit: '"api";r=0;t=120' })).toBe(120_000);
    expect(wait({ 'Retry-After': '300', RateLimit: '"api";r=0;t=120' })).toBe(300_000);
    expect(
      wait({ 'Retry-After': 'Sat, 01 Mar 2025 12:10:00 GMT', RateLimit: 'limit=500, remaining=0, reset=42' }),
    ).toBe(600_000);
  });

  // A malformed header must leave the caller's default wait in place, never turn into "retry at once".
  it('names no wait when the 429 carries no usable header', () => {
    expect(wait({})).toBeUndefined();
    expect(wait({ 'Content-Type': 'application/json' })).toBeUndefined();
    expect(wait({ 'Retry-After': 'soon' })).toBeUndefined();
    expect(wait({ 'Retry-After': '-5' })).toBeUndefined();
    expect(wait({ 'Retry-After': '-1.5' })).toBeUndefined();
    expect(wait({ 'Retry-After': '2 minutes' })).toBeUndefined();
    expect(wait({ 'Retry-After': '' })).toBeUndefined();
    expect(wait({ RateLimit: '"api";r=0' })).toBeUndefined();
  });

  it('uses the header it can read when the other is garbage', () => {
    expect(wait({ 'Retry-After': 'soon', RateLimit: '"api";r=0;t=60' })).toBe(60_000);
    expect(wait({ 'Retry-After': '15', RateLimit: 'whenever' })).toBe(15_000);
  });

  it('never parks refreshes for more than a day, whatever the server says', () => {
    expect(wait({ 'Retry-After': '999999999' })).toBe(DAY_MS);
    expect(wait({ 'Retry-After': '9'.repeat(400) })).toBe(DAY_MS);
    expect(wait({ RateLimit: '"api";r=0;t=31536000' })).toBe(DAY_MS);
    expect(wait({ 'Retry-After': 'Sun, 01 Mar 2026 12:00:00 GMT' })).toBe(DAY_MS);
    expect(wait({ 'Retry-After': '86400' })).toBe(DAY_MS);
    expect(wait({ 'Retry-After': '86399' })).toBe(DAY_MS - 1000);
  });
});
