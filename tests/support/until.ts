/**
 * The one polling helper, for what neither Playwright's locators nor `expect.poll` can wait on (the
 * badge, a record in the worker) and for the tools, which run outside vitest.
 */

/** Polls `probe` until `done` holds for its value; throws after `timeoutMs` with `what` in the message. */
export async function until<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (done(last)) return last;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
