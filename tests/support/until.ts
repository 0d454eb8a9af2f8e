/**
 * The one polling helper, for what neither Playwright's locators nor `expect.poll` can wait on (the
 * badge, a record in the worker, a page in either browser) and for the tools, which run outside vitest.
 */

/** How often `until` asks again: the wait ends on state, this only paces the asking. */
const POLL_INTERVAL_MS = 100;

/**
 * How long a state may take before a test gives up: a limit, never a pace (a passing test ends as soon
 * as its state holds). 20 s was overrun on a 2-core machine at load 20 (an install and its first
 * refresh, issue 21), so every wait on the browser defaults to this one figure.
 */
export const STATE_LIMIT_MS = 45_000;

/**
 * Polls `probe` until `done` holds for its value; throws after `timeoutMs` with `what`, the last
 * value and the last error in the message. A probe that throws (a page still loading, a context
 * being replaced) is asked again.
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = STATE_LIMIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await probe();
      error = undefined;
      if (done(last)) return last;
    } catch (err) {
      error = err;
    }
    if (Date.now() > deadline)
      throw new Error(
        `${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms${error ? `; last error ${String(error)}` : ''}`,
      );
    await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
  }
}
