/**
 * The one gate every request to Hugging Face goes through (the refresh, a range, a search, a
 * save's lookup): while a 429's wait is on, nothing asks; a 429 received is recorded for all of
 * them and arms the retry alarm. The background builds its dependencies once.
 */
import { DEFAULT_RATE_LIMIT_WAIT_MS } from './backoff';
import { FetchFailure } from './hf-api';
import type { PapertabDB } from '../store/db';
import { EMPTY_STATUS, getMeta, setMeta, type RefreshStatus } from '../store/meta-table';

export async function getStatus(db: PapertabDB): Promise<RefreshStatus> {
  return (await getMeta(db, 'refreshStatus')) ?? { ...EMPTY_STATUS };
}

/**
 * Records a 429 from any request to Hugging Face (a range, a search, a save's lookup): until the
 * time it names, nothing asks again, the background refresh and the Refresh button included.
 * Returns that time.
 */
export async function recordRateLimit(
  db: PapertabDB,
  failure: FetchFailure,
  at: number,
  extra: Partial<RefreshStatus> = {},
): Promise<number> {
  const until = at + (failure.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS);
  await db.transaction('rw', db.meta, async () => {
    const latest = await getStatus(db);
    await setMeta(db, 'refreshStatus', {
      ...latest,
      ...extra,
      lastError: { kind: failure.kind, message: failure.message, at },
      nextAttemptAt: Math.max(until, latest.nextAttemptAt ?? 0),
      rateLimitedUntil: Math.max(until, latest.rateLimitedUntil ?? 0),
    });
  });
  return until;
}

/** What a request to Hugging Face made outside the refresh needs to honour and record a 429. */
export interface HfRequestDeps {
  db: PapertabDB;
  fetch?: typeof fetch;
  now?: () => number;
  /** Arms the retry alarm for the time a 429 named (the background's; absent in some tests). */
  scheduleRetry?: (at: number | undefined) => Promise<void>;
}

/**
 * Makes a request to Hugging Face unless a 429's wait is on (then it is not made), and records a
 * 429 it gets (and arms the retry). Other failures are thrown as they are.
 */
export async function askHf<T>(
  deps: HfRequestDeps,
  request: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; until: number }> {
  const now = deps.now ?? Date.now;
  const { rateLimitedUntil } = await getStatus(deps.db);
  if (rateLimitedUntil && rateLimitedUntil > now()) return { ok: false, until: rateLimitedUntil };
  try {
    return { ok: true, value: await request() };
  } catch (err) {
    if (!(err instanceof FetchFailure) || err.kind !== 'rate-limited') throw err;
    const until = await recordRateLimit(deps.db, err, now());
    await deps.scheduleRetry?.(until);
    return { ok: false, until };
  }
}
