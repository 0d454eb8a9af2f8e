// (c) search over the cached papers: keystroke → filtered results in the DOM (median, p95), queries typed
// one character at a time the way a person would, after the page has settled.

import { type CDPSession, type Page } from 'playwright-core';
import { printProfile, startProfiler } from './profile';
import { installSearchHarness, type SearchHarness } from './search-harness';
import type { Session } from './session';
import { log, ms, sleep, stats } from './util';

const QUERIES = ['diffusion', 'language model', 'reinforcement learning agent'];
const COUNT_RE = /\d+ (papers? )?match/;

interface KeystrokeTiming {
  key: string;
  /** keydown (or beforeinput) timeStamp → first DOM mutation showing the new results/count. */
  toResults?: number;
  /** keydown timeStamp → the next animation frame after that mutation. */
  toFrame?: number;
  count: string;
  /** The page's performance.now() at the keydown and when the results showed. */
  keyAt?: number;
  resultAt?: number;
}

export interface SearchReport {
  available: boolean;
  all: KeystrokeTiming[];
  steady: KeystrokeTiming[];
  first?: KeystrokeTiming;
  focusToFirstResults?: number;
  /** First keystroke → the count's last change (the index complete), and that count. */
  indexComplete?: { after: number; count: string };
  unchanged: number;
  perQuery: { query: string; count: string }[];
  loadedResources: string[];
  /** Time inside the search index per query (User Timing 'papertab:search-query'), ms. */
  queryTimes: number[];
  /** The stored index's loading in the page: when it started (after navigation) and how long it took. */
  indexLoad?: { start: number; duration: number };
  /** The new tab's JS heap after a garbage collection, with the index loaded and results shown. */
  heapBytes?: number;
  /** Of which array buffers' backing stores (the index's typed arrays), when Chromium reports them. */
  backingBytes?: number;
}

async function typeAndTime(page: Page, key: string, timeoutMs: number): Promise<KeystrokeTiming> {
  await page.evaluate(() => (window as unknown as { __papertabSearch: SearchHarness }).__papertabSearch.arm());
  await page.keyboard.type(key);
  const r = await page.evaluate(
    (t) => (window as unknown as { __papertabSearch: SearchHarness }).__papertabSearch.wait(t),
    timeoutMs,
  );
  const timing: KeystrokeTiming = { key, count: r.count, keyAt: r.keyAt, resultAt: r.resultAt };
  if (r.keyAt !== undefined && r.resultAt !== undefined) timing.toResults = r.resultAt - r.keyAt;
  if (r.keyAt !== undefined && r.frameAt !== undefined) timing.toFrame = r.frameAt - r.keyAt;
  return timing;
}

async function runSearch(s: Session, queries: string[]): Promise<SearchReport> {
  const page = await s.context.newPage();
  let profiler: CDPSession | undefined;
  try {
    // Resource timing leaves chrome-extension:// files out, so the files loaded are taken from requests.
    const requested: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(s.origin)) requested.push(new URL(r.url()).pathname);
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${s.origin}/newtab.html`);
    await page.locator('article').first().waitFor();
    const box = page.getByRole('searchbox', { name: 'Search papers' });
    const available = await box
      .waitFor({ timeout: 3000 })
      .then(() => true)
      .catch(() => false);
    const report: SearchReport = {
      available,
      all: [],
      steady: [],
      unchanged: 0,
      perQuery: [],
      loadedResources: requested,
      queryTimes: [],
    };
    if (!available) return report;

    // As a person would: the page has settled before they start typing.
    await sleep(1000);
    await page.evaluate(installSearchHarness, COUNT_RE.source);
    await box.focus();
    for (const query of queries) {
      for (const [i, ch] of [...query].entries()) {
        const isFirst = report.first === undefined;
        const t = await typeAndTime(page, ch, isFirst ? 30_000 : 2000);
        report.all.push(t);
        if (isFirst) {
          report.first = t;
          const focusAt = await page.evaluate(
            () => (window as unknown as { __papertabSearch: SearchHarness }).__papertabSearch.focusAt,
          );
          if (focusAt !== undefined && t.resultAt !== undefined) report.focusToFirstResults = t.resultAt - focusAt;
          // An index built in steps shows partial counts first: keystrokes are timed once it is complete.
          const settled = await page.evaluate(() =>
            (window as unknown as { __papertabSearch: SearchHarness }).__papertabSearch.settle(1500, 60_000),
          );
          if (t.keyAt !== undefined)
            report.indexComplete = { after: settled.changedAt - t.keyAt, count: settled.count };
          if (process.env.BENCH_PROFILE) profiler = await startProfiler(page);
        } else if (t.toResults === undefined) report.unchanged++;
        else report.steady.push(t);
        if (i === query.length - 1) report.perQuery.push({ query, count: t.count });
      }
      await box.fill('');
      await sleep(300);
    }
    report.queryTimes = await page.evaluate(() =>
      performance.getEntriesByName('papertab:search-query').map((e) => e.duration),
    );
    report.indexLoad = await page.evaluate(() => {
      const e = performance.getEntriesByName('papertab:search-load')[0];
      return e && { start: e.startTime, duration: e.duration };
    });
    const cdp = await s.context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    // The index's typed arrays live outside the V8 heap proper: their backing stores are counted too.
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    report.heapBytes = heap.usedSize + (heap.backingStorageSize ?? 0);
    report.backingBytes = heap.backingStorageSize;
    if (profiler) await printProfile(profiler);
    return report;
  } finally {
    await page.close();
  }
}

/** The fixed queries, then the most frequent author's name and one of middling frequency. */
export function searchQueries(authorsByFrequency: [string, number][]): string[] {
  const common = authorsByFrequency[0]?.[0];
  const rare = authorsByFrequency[Math.floor(authorsByFrequency.length / 2)]?.[0];
  return [...QUERIES, ...[common, rare].filter((x): x is string => !!x)];
}

/** Times the search, prints it; returns the report and the table's rows. */
export async function benchSearch(
  s: Session,
  queries: string[],
  paperCount: number,
): Promise<{ search: SearchReport; rows: string[][] }> {
  const search = await runSearch(s, queries);
  if (!search.available) {
    log('search: not available in this build (no searchbox named "Search papers" on the new tab)');
    return { search, rows: [['search: keystroke → results in the DOM', 'not available in this build', 'p95 ≤ 16 ms']] };
  }
  const c = stats(search.steady.map((t) => t.toResults!));
  const f = stats(search.steady.flatMap((t) => (t.toFrame === undefined ? [] : [t.toFrame])));
  log(`(c) search over ${paperCount} papers, queries typed one character at a time:`);
  for (const q of search.perQuery) log(`      "${q.query}" → ${q.count || '(no count shown)'}`);
  log(
    `    keystroke (keydown) → filtered results in the DOM: median ${ms(c.median)}, p95 ${ms(c.p95)}, max ${ms(c.max)} ` +
      `(n=${c.n} keystrokes; target p95 ≤ 16 ms)`,
  );
  log(`    keystroke → the next animation frame after them: median ${ms(f.median)}, p95 ${ms(f.p95)}`);
  if (search.queryTimes.length) {
    const q = stats(search.queryTimes);
    log(`    of which the index query alone: median ${ms(q.median)}, p95 ${ms(q.p95)} (n=${q.n})`);
  }
  if (process.env.BENCH_VERBOSE) {
    log(
      `    keystrokes in order (ms): ${search.all.map((t) => `${t.key === ' ' ? '␣' : t.key}:${t.toResults?.toFixed(0) ?? '-'}`).join(' ')}`,
    );
  }
  if (search.unchanged) log(`    ${search.unchanged} keystrokes changed nothing visible within 2 s (not counted)`);
  if (search.first?.toResults !== undefined) {
    log(
      `    first keystroke: first results after ${ms(search.first.toResults)} ("${search.first.count}")` +
        (search.focusToFirstResults !== undefined ? `; focus → first results ${ms(search.focusToFirstResults)}` : ''),
    );
    if (search.indexComplete)
      log(
        `    index complete (count stopped changing) ${ms(search.indexComplete.after)} after the first keystroke ("${search.indexComplete.count}")`,
      );
  } else log('    first keystroke: no results appeared within 30 s');
  if (search.indexLoad)
    log(
      `    stored index loaded by the page ${ms(search.indexLoad.start)} after navigation (after the first paint), ` +
        `in ${ms(search.indexLoad.duration)}`,
    );
  const heapMb = search.heapBytes === undefined ? NaN : search.heapBytes / 2 ** 20;
  const backing =
    search.backingBytes === undefined ? 'not reported' : `${(search.backingBytes / 2 ** 20).toFixed(1)} MB`;
  log(
    `    new tab JS heap with the index loaded (after GC, array buffers included): ${heapMb.toFixed(1)} MB, ` +
      `of which array buffers ${backing} (target ≤ 60 MB)`,
  );
  const complete = search.indexComplete?.after;
  const met = (ok: boolean) => (ok ? 'met' : 'not met');
  const rows = [
    [
      `search, first keystroke ("${search.first?.key ?? ''}", one letter) in a fresh new tab → the count settled`,
      complete !== undefined ? ms(complete) : 'n/a',
      '',
    ],
    [
      `search over ${paperCount.toLocaleString('en')} papers: keystroke → results in the DOM, median / p95 (${c.n} keystrokes)`,
      `${ms(c.median)} / ${ms(c.p95)}`,
      `median ≤ 8 ms, p95 ≤ 16 ms (${met(c.median <= 8 && c.p95 <= 16)})`,
    ],
    [
      'of which the index query alone, median / p95',
      search.queryTimes.length ? `${ms(stats(search.queryTimes).median)} / ${ms(stats(search.queryTimes).p95)}` : 'n/a',
      '',
    ],
    [
      'stored index loaded by the page: after navigation / taking',
      search.indexLoad ? `${ms(search.indexLoad.start)} / ${ms(search.indexLoad.duration)}` : 'n/a',
      '',
    ],
    [
      'new tab JS heap with the index loaded (after GC, array buffers included)',
      `${heapMb.toFixed(1)} MB`,
      `≤ 60 MB (${met(heapMb <= 60)})`,
    ],
  ];
  return { search, rows };
}
