/**
 * How long Hugging Face asked us to wait, from a 429's headers. `Retry-After` is seconds or an
 * HTTP date; `RateLimit` is either the IETF structured form (`"api";r=0;t=42`) or the older
 * `limit=500, remaining=0, reset=42`. The longest wait named wins.
 */
export function retryAfterMs(headers: Headers, nowMs: number): number | undefined {
  const waits: number[] = [];
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+(?:\.\d+)?$/.test(retryAfter)) waits.push(Math.ceil(Number(retryAfter) * 1000));
    // Every HTTP-date names a month; without that check Date.parse reads "-5" or "1.5" as a day in 2001 (wait 0).
    else if (/[a-z]/i.test(retryAfter)) {
      const at = Date.parse(retryAfter);
      if (!Number.isNaN(at)) waits.push(Math.max(0, at - nowMs));
    }
  }
  const rateLimit = headers.get('ratelimit') ?? headers.get('ratelimit-reset');
  if (rateLimit) {
    const m = /(?:^|[;,\s])(?:t|reset)=(\d+)/.exec(rateLimit) ?? /^\s*(\d+)\s*$/.exec(rateLimit);
    if (m?.[1]) waits.push(Number(m[1]) * 1000);
  }
  if (waits.length === 0) return undefined;
  // Never trust a server to park us for more than a day.
  return Math.min(Math.max(...waits), 86_400_000);
}
