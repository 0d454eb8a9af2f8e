// `npm run bench`: figures for the README, measured on the built extension in one Chromium run.
// Prints numbers only (no assertions); exits non-zero only when something crashes.
//
//  (a) new tab: navigation start → first <article> in the DOM (median), steady state (snapshot present)
//  (b) the same for a static extension page of the same build (bench-blank.html), and the ratio a/b
//  (c) search over 10,000 cached papers: keystroke → filtered results in the DOM (median, p95)
//  (d) JS and CSS bytes (gzip) the new tab loads at every opening (first paint + app), and on first search
//
// The first article is timed by an init script (Playwright's addInitScript, which does run at
// document start on chrome-extension:// pages; the bench checks and prints it) that installs a
// MutationObserver and records performance.now() — whose origin is the navigation start.

import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { parseDailyItems } from '../lib/feed/hf-schema';
import type { DayRecord, Paper } from '../lib/core/paper';
import { makeDailyItem, makeDay, utcDay } from '../tests/fixtures/papers';
import { extensionPath, launchExtension } from '../tests/support/extension';
import { startStandIn, type StandIn } from '../tests/support/standin';
import { until } from '../tests/support/until';

const DAYS = 200;
const PER_DAY = 50;
const LOAD_RUNS = 25;
const QUERIES = ['diffusion', 'language model', 'reinforcement learning agent'];
const BLANK_PAGE = 'bench-blank.html';
const COUNT_RE = /\d+ (papers? )?match/;

// --- small helpers --------------------------------------------------------------------------

interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

function stats(values: number[]): Stats {
  const xs = [...values].sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return { n, median: NaN, p95: NaN, min: NaN, max: NaN };
  const median = n % 2 ? xs[(n - 1) / 2]! : (xs[n / 2 - 1]! + xs[n / 2]!) / 2;
  // Nearest-rank percentile.
  const p95 = xs[Math.min(n - 1, Math.ceil(0.95 * n) - 1)]!;
  return { n, median, p95, min: xs[0]!, max: xs[n - 1]! };
}

const ms = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const sleep = (t: number): Promise<void> => new Promise((r) => setTimeout(r, t));

function log(line = ''): void {
  console.log(line);
}

// --- data -----------------------------------------------------------------------------------

interface SeedData {
  papers: Paper[];
  days: DayRecord[];
  newest: string;
  authorsByFrequency: [string, number][];
  avgSummaryBytes: number;
}

/** 10,000 papers over 200 days, through the same validation and normalisation as real responses. */
function makeSeed(): SeedData {
  const fetchedAt = Date.now();
  const papers: Paper[] = [];
  const days: DayRecord[] = [];
  for (let i = 0; i < DAYS; i++) {
    const date = utcDay(-1 - i);
    const items = makeDay(date, PER_DAY);
    // Real abstracts run ~1 KB; the fixture's are about half that, so each gets a second paragraph.
    for (const item of items) {
      const more = makeDailyItem(`${item.paper.id}-more`, date).summary;
      item.paper.summary = `${item.paper.summary} ${more}`;
      item.summary = item.paper.summary;
    }
    const parsed = parseDailyItems(items, date, fetchedAt);
    papers.push(...parsed.items);
    days.push({ date, status: 'ok', count: parsed.items.length, dropped: parsed.dropped, fetchedAt });
  }
  const freq = new Map<string, number>();
  for (const p of papers) for (const a of p.authors) freq.set(a, (freq.get(a) ?? 0) + 1);
  const authorsByFrequency = [...freq].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const avgSummaryBytes = papers.reduce((s, p) => s + Buffer.byteLength(p.summary), 0) / papers.length;
  return { papers, days, newest: utcDay(-1), authorsByFrequency, avgSummaryBytes };
}

// --- browser --------------------------------------------------------------------------------

interface Session {
  context: BrowserContext;
  origin: string;
  worker: Worker;
  close(): Promise<void>;
}

/** Launches a copy of the build (the one with the extra blank page). */
async function launch(dir: string, hf: StandIn): Promise<Session> {
  const ext = await launchExtension({ port: hf.port, extensionDir: dir });
  return {
    context: ext.context,
    origin: `chrome-extension://${ext.extensionId}`,
    worker: await ext.sw(),
    close: () => ext.close(),
  };
}

// Runs inside the page (raw IndexedDB, so it works whatever Dexie version the build declares).
type Row = Record<string, unknown>;
async function idbWrite(stores: Record<string, Row[]>): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('papertab');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(Object.keys(stores), 'readwrite');
      for (const [name, rows] of Object.entries(stores)) for (const row of rows) tx.objectStore(name).put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });
  } finally {
    db.close();
  }
}

async function idbRead({ storeName, key }: { storeName: string; key: string }): Promise<unknown> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('papertab');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  try {
    if (!db.objectStoreNames.contains(storeName)) return undefined;
    return await new Promise((resolve, reject) => {
      const req = db.transaction(storeName, 'readonly').objectStore(storeName).get(key);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}

async function seed(s: Session, data: SeedData): Promise<void> {
  // An extension page opens (and creates or upgrades) the database the way the build declares it.
  const page = await s.context.newPage();
  await page.goto(`${s.origin}/popup.html`);
  // The install refresh (against an empty stand-in) must be over, or it could race the seed.
  await until(
    'the install refresh',
    async () =>
      (await page.evaluate(idbRead, { storeName: 'meta', key: 'refreshStatus' }).catch(() => undefined)) as
        { value?: { lastSuccessAt?: number } } | undefined,
    (status) => !!status?.value?.lastSuccessAt,
    30_000,
  );
  const BATCH = 1000;
  for (let i = 0; i < data.papers.length; i += BATCH) {
    await page.evaluate(idbWrite, { papers: data.papers.slice(i, i + BATCH) as unknown as Row[] });
  }
  await page.evaluate(idbWrite, {
    days: data.days as unknown as Row[],
    meta: [
      { key: 'seenDay', value: data.newest },
      // A refresh "just succeeded": the worker's start-up check finds nothing due.
      { key: 'refreshStatus', value: { failures: 0, lastSuccessAt: Date.now() } },
    ],
  });
  await page.close();
}

// --- (a)/(b) first article ------------------------------------------------------------------

interface LoadProbe {
  initAt: number;
  readyState: string;
  articleAtInit: boolean;
  firstArticle?: number;
}

/** Installed with addInitScript: runs at document start of every page in the context. */
function loadProbeInit(): void {
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

interface LoadResult {
  probe: LoadProbe;
  fcp?: number;
  /** The new tab's own marks: its entry script starting, and done painting (absent on the blank page). */
  marks?: { start?: number; end?: number };
}

async function loadOnce(context: BrowserContext, url: string): Promise<LoadResult> {
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

// --- (c) search -----------------------------------------------------------------------------

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

interface SearchHarness {
  arm(): void;
  /** Waits until the count text has not changed for `stableMs`; returns when it last changed, and its text. */
  settle(stableMs: number, timeoutMs: number): Promise<{ changedAt: number; count: string }>;
  wait(timeoutMs: number): Promise<{ keyAt?: number; resultAt?: number; frameAt?: number; count: string }>;
  focusAt?: number;
}

/** Runs in the page: watches the search box's keydowns and the DOM for the results they produce. */
function installSearchHarness(countSource: string): void {
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

interface SearchReport {
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

/** BENCH_PROFILE=1: where the page's time goes while typing (V8 sampling profiler, self time per function). */
async function startProfiler(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return cdp;
}

async function printProfile(cdp: CDPSession): Promise<void> {
  const { profile } = await cdp.send('Profiler.stop');
  const dt = new Map<number, number>();
  profile.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  const self = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const where = f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : '';
    const name = `${f.functionName || '(anonymous)'} ${where}`.trim();
    self.set(name, (self.get(name) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
  }
  const top = [...self].filter(([n]) => n !== '(idle)' && n !== '(program)').sort((a, b) => b[1] - a[1]);
  log('    profile while typing (self time, ms):');
  for (const [name, t] of top.slice(0, 30)) log(`      ${t.toFixed(1).padStart(7)}  ${name}`);
}

async function benchSearch(s: Session, queries: string[]): Promise<SearchReport> {
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
    if (profiler) await printProfile(profiler);
    return report;
  } finally {
    await page.close();
  }
}

// --- (d) bytes ------------------------------------------------------------------------------

interface FileSize {
  path: string;
  raw: number;
  gzip: number;
}

interface Bytes {
  /** JS the new tab loads up front: its entry and every static import, transitively. */
  js: FileSize[];
  css: FileSize[];
  /**
   * JS the new tab loads right after its first paint, at every opening: what the entry itself
   * imports dynamically (the app), with its static imports, minus the above.
   */
  app: FileSize[];
  /** JS loaded only on use, by later dynamic import() (search), with its own static imports. */
  lazy: FileSize[];
}

/** Static and dynamic import specifiers of a built chunk (quotes or backticks, as Rollup writes them). */
function importsOf(code: string): { statics: string[]; dynamics: string[] } {
  const statics = [...code.matchAll(/\bfrom\s*["'`]([^"'`]+\.js)["'`]|\bimport\s*["'`]([^"'`]+\.js)["'`]/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
  const dynamics = [...code.matchAll(/\bimport\s*\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]!);
  return { statics, dynamics };
}

async function newtabBytes(dir: string): Promise<Bytes> {
  const html = await readFile(join(dir, 'newtab.html'), 'utf8');
  const attr = (tag: string, name: string): string | undefined =>
    new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
  const rooted = (p: string): string => posix.normalize(`/${p.replace(/^\//, '')}`);
  const entries: string[] = [];
  const css = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    const href = attr(tag, 'href');
    const rel = attr(tag, 'rel') ?? '';
    if (/^<script/i.test(tag) && src) entries.push(rooted(src));
    else if (href && /modulepreload/i.test(rel)) entries.push(rooted(href));
    else if (href && /stylesheet/i.test(rel)) css.add(rooted(href));
  }
  const resolve = (spec: string, from: string): string => posix.normalize(posix.join(posix.dirname(from), spec));

  /** Walks static imports from `roots`; returns the files reached (not in `known`) and the dynamic imports seen. */
  async function walk(roots: string[], known: Set<string>): Promise<{ files: Set<string>; dynamics: Set<string> }> {
    const files = new Set<string>();
    const dynamics = new Set<string>();
    const queue = [...roots];
    while (queue.length) {
      const path = queue.shift()!;
      if (files.has(path) || known.has(path)) continue;
      files.add(path);
      const { statics, dynamics: dyn } = importsOf(await readFile(join(dir, path), 'utf8'));
      for (const spec of statics) queue.push(resolve(spec, path));
      for (const spec of dyn) dynamics.add(resolve(spec, path));
    }
    return { files, dynamics };
  }

  const initial = await walk(entries, new Set());
  const app = await walk([...initial.dynamics], initial.files);
  const lazy = new Set<string>();
  let pending = [...app.dynamics].filter((p) => !initial.files.has(p) && !app.files.has(p));
  while (pending.length) {
    const more = await walk(pending, new Set([...initial.files, ...app.files, ...lazy]));
    for (const f of more.files) lazy.add(f);
    pending = [...more.dynamics].filter((p) => !initial.files.has(p) && !app.files.has(p) && !lazy.has(p));
  }
  const measure = async (path: string): Promise<FileSize> => {
    const buf = await readFile(join(dir, path));
    return { path, raw: buf.length, gzip: gzipSync(buf).length };
  };
  return {
    js: await Promise.all([...initial.files].map(measure)),
    css: await Promise.all([...css].map(measure)),
    app: await Promise.all([...app.files].map(measure)),
    lazy: await Promise.all([...lazy].map(measure)),
  };
}

// --- machine --------------------------------------------------------------------------------

async function chromiumVersion(context: BrowserContext): Promise<string> {
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const v = (await cdp.send('Browser.getVersion')) as { product: string };
    await page.close();
    return v.product;
  } catch {
    const { stdout } = await promisify(execFile)(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']);
    return stdout.trim();
  }
}

function cpuModel(): string {
  const fromOs = os.cpus()[0]?.model?.trim();
  return fromOs || 'unknown CPU';
}

// --- main -----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const hf = await startStandIn(); // no days set: every date answers [] (an empty feed)
  const copy = await mkdtemp(join(os.tmpdir(), 'papertab-bench-ext-'));
  let session: Session | undefined;
  try {
    await cp(extensionPath, copy, { recursive: true });
    await writeFile(
      join(copy, BLANK_PAGE),
      '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Blank</title></head>' +
        '<body><article><h2>Blank</h2></article></body></html>\n',
    );

    log('Papertab bench');
    log('==============');
    const t0 = Date.now();
    const data = makeSeed();
    log(
      `data: ${data.papers.length} papers over ${data.days.length} days (newest ${data.newest}), ` +
        `abstracts ${kb(data.avgSummaryBytes)} on average; generated in ${Date.now() - t0} ms`,
    );

    session = await launch(copy, hf);
    const s = session;
    const version = await chromiumVersion(s.context);
    log(
      `machine: ${cpuModel()}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM; ` +
        `${version} (headless); Node ${process.version}; ${os.platform()} ${os.release()}`,
    );

    const loadStart = os.loadavg()[0]!;
    const t1 = Date.now();
    await seed(s, data);
    log(`seeded IndexedDB in ${Date.now() - t1} ms`);
    // Nothing may refresh while we measure: the status says a refresh just succeeded, and the alarms go.
    await s.worker.evaluate(() =>
      (globalThis as unknown as { chrome: { alarms: { clearAll(): Promise<boolean> } } }).chrome.alarms.clearAll(),
    );
    hf.requests.length = 0;

    // (a) and (b) ----------------------------------------------------------------------------
    await s.context.addInitScript(loadProbeInit);
    const newtabUrl = `${s.origin}/newtab.html`;
    const blankUrl = `${s.origin}/${BLANK_PAGE}`;
    const warm = await loadOnce(s.context, newtabUrl); // writes the localStorage snapshot
    await sleep(500);
    await loadOnce(s.context, blankUrl);
    log(
      `init script on chrome-extension:// pages: ran at document start (readyState "${warm.probe.readyState}", ` +
        `article present: ${warm.probe.articleAtInit}, at ${ms(warm.probe.initAt)})`,
    );
    const snap = await (async () => {
      const page = await s.context.newPage();
      await page.goto(blankUrl);
      const keys = await page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('papertab:'))
          .map((k) => {
            const raw = localStorage.getItem(k) ?? '';
            let papers: number | undefined;
            try {
              const v = JSON.parse(raw) as { papers?: unknown[] };
              papers = Array.isArray(v?.papers) ? v.papers.length : undefined;
            } catch {
              papers = undefined;
            }
            return { key: k, bytes: raw.length, papers };
          }),
      );
      await page.close();
      return keys;
    })();
    const snapshots = snap.filter((k) => k.papers !== undefined);
    log(
      `localStorage snapshot: ${
        snapshots.map((k) => `${k.key} (${k.papers} papers, ${kb(k.bytes)})`).join(', ') || 'none found'
      }`,
    );

    const newtab: LoadResult[] = [];
    const blank: LoadResult[] = [];
    for (let i = 0; i < LOAD_RUNS; i++) {
      // Alternate the order so neither page always runs right after the other.
      if (i % 2 === 0) {
        newtab.push(await loadOnce(s.context, newtabUrl));
        blank.push(await loadOnce(s.context, blankUrl));
      } else {
        blank.push(await loadOnce(s.context, blankUrl));
        newtab.push(await loadOnce(s.context, newtabUrl));
      }
    }
    const a = stats(newtab.map((r) => r.probe.firstArticle!));
    const b = stats(blank.map((r) => r.probe.firstArticle!));
    const aFcp = stats(newtab.flatMap((r) => (r.fcp === undefined ? [] : [r.fcp])));
    const bFcp = stats(blank.flatMap((r) => (r.fcp === undefined ? [] : [r.fcp])));
    const ratio = a.median / b.median;
    if (process.env.BENCH_VARIANTS) {
      // Where the new tab's time goes: the blank page plus the new tab's stylesheet, plus a module script.
      const html = await readFile(join(copy, 'newtab.html'), 'utf8');
      const css = /href="([^"]+\.css)"/.exec(html)?.[1] ?? '';
      const head = '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>V</title>';
      await writeFile(
        join(copy, 'v-css.html'),
        `${head}<link rel="stylesheet" href="${css}"></head><body><article><h2>x</h2></article></body></html>`,
      );
      await writeFile(
        join(copy, 'v-mod.js'),
        "const a=document.createElement('article');a.textContent='x';document.body.append(a);\n",
      );
      await writeFile(
        join(copy, 'v-mod.html'),
        `${head}</head><body><script type="module" src="/v-mod.js"></script></body></html>`,
      );
      await writeFile(
        join(copy, 'v-modcss.html'),
        `${head}<link rel="stylesheet" href="${css}"></head><body><script type="module" src="/v-mod.js"></script></body></html>`,
      );
      await writeFile(
        join(copy, 'v-classic.html'),
        `${head}<link rel="stylesheet" href="${css}"></head><body><script src="/v-mod.js"></script></body></html>`,
      );
      await writeFile(
        join(copy, 'v-classic-head.html'),
        `${head}<link rel="stylesheet" href="${css}"><script src="/v-mod.js" defer></script></head><body></body></html>`,
      );
      const inline = `<style>${await readFile(join(copy, css.replace(/^\//, '')), 'utf8')}</style>`;
      await writeFile(
        join(copy, 'v-modcss-async.html'),
        `${head}<link rel="stylesheet" href="${css}"></head><body><script type="module" async src="/v-mod.js"></script></body></html>`,
      );
      await writeFile(
        join(copy, 'v-inline-mod.html'),
        `${head}${inline}</head><body><script type="module" src="/v-mod.js"></script></body></html>`,
      );
      await writeFile(
        join(copy, 'v-inline-async.html'),
        `${head}${inline}</head><body><script type="module" async src="/v-mod.js"></script></body></html>`,
      );
      for (const v of [
        'v-css.html',
        'v-mod.html',
        'v-modcss.html',
        'v-classic.html',
        'v-classic-head.html',
        'v-modcss-async.html',
        'v-inline-mod.html',
        'v-inline-async.html',
      ]) {
        const runs: number[] = [];
        for (let i = 0; i < 15; i++) runs.push((await loadOnce(s.context, `${s.origin}/${v}`)).probe.firstArticle!);
        log(`variant ${v}: median ${ms(stats(runs).median)}`);
      }
    }
    log();
    log(
      `(a) new tab, navigation start → first article: median ${ms(a.median)} (n=${a.n}, p95 ${ms(a.p95)}, min ${ms(a.min)}, max ${ms(a.max)}); first contentful paint median ${ms(aFcp.median)}`,
    );
    log(
      `(b) blank extension page, same measure:       median ${ms(b.median)} (n=${b.n}, p95 ${ms(b.p95)}, min ${ms(b.min)}, max ${ms(b.max)}); first contentful paint median ${ms(bFcp.median)}`,
    );
    log(`    ratio a/b: ${ratio.toFixed(2)} (target ≤ 1.5)`);
    const starts = stats(newtab.flatMap((r) => (r.marks?.start === undefined ? [] : [r.marks.start])));
    const paints = stats(
      newtab.flatMap((r) =>
        r.marks?.start === undefined || r.marks.end === undefined ? [] : [r.marks.end - r.marks.start],
      ),
    );
    log(
      `    where (a) goes: document start ${ms(stats(newtab.map((r) => r.probe.initAt)).median)}, entry script starts ` +
        `${ms(starts.median)}, its paint takes ${ms(paints.median)} (medians)`,
    );
    if (process.env.BENCH_VERBOSE) {
      const list = (rs: LoadResult[]) => rs.map((r) => r.probe.firstArticle!.toFixed(0)).join(' ');
      log(`    samples in run order (ms): new tab ${list(newtab)}`);
      log(`                               blank   ${list(blank)}`);
    }

    // (c) ------------------------------------------------------------------------------------
    const authors = data.authorsByFrequency;
    const common = authors[0]?.[0];
    const rare = authors[Math.floor(authors.length / 2)]?.[0];
    const queries = [...QUERIES, ...[common, rare].filter((x): x is string => !!x)];
    log();
    const search = await benchSearch(s, queries);
    let searchRow: string[] = [];
    let indexRow: string[] = [];
    if (!search.available) {
      log('search: not available in this build (no searchbox named "Search papers" on the new tab)');
      searchRow = ['search: keystroke → results in the DOM', 'not available in this build', 'p95 ≤ 16 ms'];
    } else {
      const c = stats(search.steady.map((t) => t.toResults!));
      const f = stats(search.steady.flatMap((t) => (t.toFrame === undefined ? [] : [t.toFrame])));
      log(`(c) search over ${data.papers.length} papers, queries typed one character at a time:`);
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
          `    first keystroke (starts the index build): first results after ${ms(search.first.toResults)} ("${search.first.count}")` +
            (search.focusToFirstResults !== undefined
              ? `; focus → first results ${ms(search.focusToFirstResults)}`
              : ''),
        );
        if (search.indexComplete)
          log(
            `    index complete (count stopped changing) ${ms(search.indexComplete.after)} after the first keystroke ("${search.indexComplete.count}")`,
          );
      } else log('    first keystroke: no results appeared within 30 s');
      searchRow = [
        `search over ${data.papers.length.toLocaleString('en')} papers: keystroke → results in the DOM, median / p95 (${c.n} keystrokes)`,
        `${ms(c.median)} / ${ms(c.p95)}`,
        'p95 ≤ 16 ms',
      ];
      indexRow = [
        'search: one-off index build, first keystroke → first results / index complete',
        `${search.first?.toResults !== undefined ? ms(search.first.toResults) : 'n/a'} / ${
          search.indexComplete ? ms(search.indexComplete.after) : 'n/a'
        }`,
        '',
      ];
    }

    // (d) ------------------------------------------------------------------------------------
    const bytes = await newtabBytes(copy);
    const sum = (files: FileSize[], key: 'gzip' | 'raw') => files.reduce((n, f) => n + f[key], 0);
    const firstGzip = sum(bytes.js, 'gzip');
    const jsGzip = firstGzip + sum(bytes.app, 'gzip');
    const jsRaw = sum(bytes.js, 'raw') + sum(bytes.app, 'raw');
    const cssGzip = sum(bytes.css, 'gzip');
    const cssRaw = sum(bytes.css, 'raw');
    log();
    log(`(d) what the new tab loads at every opening, each file gzipped (zlib level 6):`);
    log(`    before the first paint (newtab.html's script and its static imports):`);
    for (const f of [...bytes.js, ...bytes.css]) log(`      ${f.path}: ${kb(f.raw)} raw, ${kb(f.gzip)} gzip`);
    log(`    right after it (the app: the entry's import() and its static imports):`);
    for (const f of bytes.app) log(`      ${f.path}: ${kb(f.raw)} raw, ${kb(f.gzip)} gzip`);
    log(
      `    JS ${kb(jsGzip)} gzip (${kb(jsRaw)} raw; target ≤ 60 KB), of which ${kb(firstGzip)} before the first paint; ` +
        `CSS ${kb(cssGzip)} gzip (${kb(cssRaw)} raw)`,
    );
    const lazyGzip = sum(bytes.lazy, 'gzip');
    if (bytes.lazy.length) {
      log(`    loaded only when used (search; not counted above):`);
      for (const f of bytes.lazy) log(`      ${f.path}: ${kb(f.raw)} raw, ${kb(f.gzip)} gzip`);
    }
    const staticSet = new Set([...bytes.js, ...bytes.css, ...bytes.app, ...bytes.lazy].map((f) => f.path));
    const runtimeExtra = [...new Set(search.loadedResources)].filter(
      (p) => /\.(m?js|css)$/.test(p) && !staticSet.has(p),
    );
    if (search.loadedResources.length) {
      log(
        `    cross-check (files the new tab requested, searching included): ${
          runtimeExtra.length ? `also loaded ${runtimeExtra.join(', ')}` : 'nothing beyond the files above'
        }`,
      );
    }

    // The background must have stayed quiet: any daily_papers request came from it.
    const bgRequests = hf.requests.filter((r) => r.path.startsWith('/api/daily_papers')).length;
    const pageRequests = hf.requests.length - bgRequests;
    log();
    log(
      `requests to the stand-in during measurement: ${bgRequests} feed refresh (background), ${pageRequests} other (pages, e.g. online search)`,
    );

    const loadEnd = os.loadavg()[0]!;
    log(
      `load average (1 min): ${loadStart.toFixed(2)} before, ${loadEnd.toFixed(2)} after, on ${os.cpus().length} cores`,
    );

    // Table -----------------------------------------------------------------------------------
    const rows: string[][] = [
      [`new tab: navigation → first paper in the DOM (median of ${a.n})`, ms(a.median), ''],
      [`blank extension page: navigation → its article (median of ${b.n})`, ms(b.median), ''],
      ['ratio new tab / blank page', ratio.toFixed(2), '≤ 1.5'],
      searchRow,
      ...(indexRow.length ? [indexRow] : []),
      ['new tab JS at every opening (first paint + app), gzip', kb(jsGzip), '≤ 60 KB'],
      ['of which before the first paper, gzip', kb(firstGzip), ''],
      ...(bytes.lazy.length ? [['JS loaded on first search, gzip', kb(lazyGzip), '']] : []),
      ['new tab CSS, gzip', kb(cssGzip), ''],
    ];
    log();
    const busy = Math.max(loadStart, loadEnd) > os.cpus().length * 0.75;
    log(
      `Measured with \`npm run bench\` on ${cpuModel()} (${os.cpus().length} cores), ${version.replace('HeadlessChrome', 'Chromium')} headless, ` +
        `Node ${process.version}; ${data.papers.length.toLocaleString('en')} cached papers over ${DAYS} days` +
        (busy ? ` (machine busy: load ${Math.max(loadStart, loadEnd).toFixed(1)}, figures noisy).` : '.'),
    );
    log();
    log('| figure | measured | target |');
    log('| --- | --- | --- |');
    for (const r of rows) log(`| ${r.join(' | ')} |`);
  } finally {
    await session?.close().catch(() => undefined);
    await hf.close();
    await rm(copy, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
