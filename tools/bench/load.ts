// One timed page load: navigation start → first <article> in the DOM, first contentful paint, the
// new tab's own marks. Timed by an init script (Playwright's addInitScript, which does run at document
// start on chrome-extension:// pages; the bench checks and prints it) that installs a MutationObserver
// and records performance.now(), whose origin is the navigation start.

import { type BrowserContext } from 'playwright-core';
import { sleep } from './util';

export interface LoadProbe {
  initAt: number;
  readyState: string;
  articleAtInit: boolean;
  firstArticle?: number;
}

/** Installed with addInitScript: runs at document start of every page in the context. */
export function loadProbeInit(): void {
  const probe: LoadProbe = {
    initAt: performance.now(),
    readyState: document.readyState,
    articleAtInit: document.querySelector('article') !== null,
  };
  (window as unknown as { __papertabBench: LoadProbe }).__papertabBench = probe;
  const observer = new MutationObserver(() => {
    if (probe.firstArticle !== undefined) return;
    if (document.querySelector('article')) {
      probe.firstArticle = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

export interface LoadResult {
  probe: LoadProbe;
  fcp?: number;
  /** The new tab's own marks: its entry script starting, and done painting (absent on the blank page). */
  marks?: { start?: number; end?: number };
}

export async function loadOnce(context: BrowserContext, url: string): Promise<LoadResult> {
  // Extension pages share one renderer process: let the previous page's teardown finish first.
  await sleep(250);
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const result = await page.evaluate(async () => {
      const w = window as unknown as { __papertabBench?: LoadProbe };
      const until = performance.now() + 10_000;
      while (w.__papertabBench?.firstArticle === undefined && performance.now() < until) {
        await new Promise((r) => setTimeout(r, 5));
      }
      let fcp: number | undefined;
      for (let i = 0; i < 100 && fcp === undefined; i++) {
        fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        if (fcp === undefined) await new Promise((r) => setTimeout(r, 10));
      }
      const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
      const marks = { start: mark('papertab:first-paint-start'), end: mark('papertab:first-paint-end') };
      return { probe: w.__papertabBench ?? null, fcp, marks };
    });
    if (!result.probe) throw new Error(`the init script did not run on ${url}`);
    if (result.probe.firstArticle === undefined) throw new Error(`no <article> appeared on ${url} within 10 s`);
    return { ...result, probe: result.probe };
  } finally {
    await page.close();
  }
}
