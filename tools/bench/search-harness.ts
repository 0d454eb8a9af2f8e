// Runs in the new tab: watches the search box's keydowns and the DOM for the results they produce.

export interface SearchHarness {
  arm(): void;
  /** Waits until the count text has not changed for `stableMs`; returns when it last changed, and its text. */
  settle(stableMs: number, timeoutMs: number): Promise<{ changedAt: number; count: string }>;
  wait(timeoutMs: number): Promise<{ keyAt?: number; resultAt?: number; frameAt?: number; count: string }>;
  focusAt?: number;
}

/** Installed with page.evaluate; `countSource` is the source of the regexp a result count matches. */
export function installSearchHarness(countSource: string): void {
  const countRe = new RegExp(countSource);
  const input = document.querySelector<HTMLInputElement>('input[type="search"]');
  if (!input) throw new Error('no search box');
  const articles = document.getElementsByTagName('article');
  const countText = (): string =>
    [...document.querySelectorAll('[role="status"]')].map((e) => e.textContent ?? '').find((t) => countRe.test(t)) ??
    '';
  const snapshot = () => ({ count: countText(), first: articles[0], n: articles.length });

  let armed = false;
  let before = snapshot();
  let keyAt: number | undefined;
  let resultAt: number | undefined;
  let frameAt: number | undefined;
  let lastMutationAt = 0;
  let count = '';
  let lastCount = countText();
  let countChangedAt = performance.now();
  const harness: SearchHarness = {
    async settle(stableMs, timeoutMs) {
      const start = performance.now();
      while (performance.now() - countChangedAt < stableMs && performance.now() - start < timeoutMs) {
        await new Promise((r) => setTimeout(r, 20));
      }
      return { changedAt: countChangedAt, count: lastCount };
    },
    arm() {
      armed = true;
      keyAt = resultAt = frameAt = undefined;
      before = snapshot();
    },
    async wait(timeoutMs) {
      const start = performance.now();
      // Done once the results are in, their frame has run and the DOM has been quiet for 30 ms.
      while (performance.now() - start < timeoutMs) {
        if (resultAt !== undefined && frameAt !== undefined && performance.now() - lastMutationAt > 30) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      armed = false;
      return { keyAt, resultAt, frameAt, count };
    },
  };
  input.addEventListener('focus', () => (harness.focusAt ??= performance.now()));
  document.addEventListener(
    'keydown',
    (e) => {
      if (armed && keyAt === undefined && e.target === input) keyAt = e.timeStamp;
    },
    true,
  );
  // Characters typed without a key event (Playwright inserts text the keyboard layout lacks, e.g. "ü").
  document.addEventListener(
    'beforeinput',
    (e) => {
      if (armed && keyAt === undefined && e.target === input) keyAt = e.timeStamp;
    },
    true,
  );
  new MutationObserver((records) => {
    const t = performance.now();
    const c = countText();
    if (c !== lastCount) {
      lastCount = c;
      countChangedAt = t;
    }
    if (!armed || keyAt === undefined) return;
    if (records.every((r) => r.target === input)) return;
    lastMutationAt = t;
    if (resultAt !== undefined) return;
    const now = snapshot();
    // Results are in when a count shows and it, or the list of articles, differs from before the key.
    if (countRe.test(now.count) && (now.count !== before.count || now.first !== before.first || now.n !== before.n)) {
      resultAt = t;
      count = now.count;
      requestAnimationFrame(() => (frameAt = performance.now()));
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  (window as unknown as { __papertabSearch: SearchHarness }).__papertabSearch = harness;
}
