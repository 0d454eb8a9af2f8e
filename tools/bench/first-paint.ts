// (a) new tab: navigation start → first <article> in the DOM (median), steady state (snapshot present);
// (b) the same for a static extension page of the same build (bench-blank.html), and the ratio a/b;
// (a') the ratio to the one-module page in every layout (Comfortable, Compact, Grid): three runs each,
// the layouts taken in turn, the median of the three ratios; then back to Comfortable.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadOnce, loadProbeInit, type LoadResult } from './load';
import type { Session } from './session';
import { benchVariants } from './variants';
import { kb, log, ms, sleep, stats } from './util';

const LOAD_RUNS = 25;
export const BLANK_PAGE = 'bench-blank.html';
/** A blank extension page with one module script that adds its article: the least any page with code can do. */
export const MODULE_PAGE = 'bench-module.html';

/** Writes the blank page (b) into the build copy `copy`, before the browser loads it. */
export async function writeBlankPage(copy: string): Promise<void> {
  await writeFile(
    join(copy, BLANK_PAGE),
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Blank</title></head>' +
      '<body><article><h2>Blank</h2></article></body></html>\n',
  );
  await writeFile(
    join(copy, 'bench-module.js'),
    "const a=document.createElement('article');a.textContent='Blank';document.body.append(a);\n",
  );
  await writeFile(
    join(copy, MODULE_PAGE),
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Blank</title></head>' +
      '<body><script type="module" src="/bench-module.js"></script></body></html>\n',
  );
}

/** The papertab: keys in the extension's localStorage that hold a snapshot of papers. */
async function snapshotKeys(s: Session, url: string): Promise<{ key: string; bytes: number; papers?: number }[]> {
  const page = await s.context.newPage();
  await page.goto(url);
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
}

export type Layout = 'Comfortable' | 'Compact' | 'Grid';
export const LAYOUTS: Layout[] = ['Comfortable', 'Compact', 'Grid'];
/** Runs per layout; the figure is the median of their ratios. */
const RUNS = 3;
/** Loads of each page per run, alternating. */
const RUN_LOADS = 15;

/** Chooses a layout the way a user does (Order and filters → Layout), which also updates the first-paint mirror. */
async function chooseLayout(s: Session, name: Layout): Promise<void> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${s.origin}/newtab.html`);
  await page.getByRole('button', { name: /Order and filters/ }).click();
  await page.getByRole('group', { name: 'Layout' }).getByRole('button', { name }).click();
  await page.waitForFunction(
    (want) => (localStorage.getItem('papertab:settings') ?? '').includes(`"density":"${want}"`),
    name.toLowerCase(),
  );
  await page.close();
}

/** How many papers the first paint draws (on one more load, before the app takes over). */
async function paintedCount(s: Session, url: string): Promise<number> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(() => {
    new MutationObserver((_, o) => {
      const main = document.querySelector('main.glance');
      if (!main) return;
      (window as unknown as { painted: number }).painted = main.querySelectorAll('article').length;
      o.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { painted?: number }).painted !== undefined);
  const painted = await page.evaluate(() => (window as unknown as { painted: number }).painted);
  await page.close();
  return painted;
}

/** One run: the new tab and the one-module page loaded alternately; the ratio of their medians. */
async function ratioRun(s: Session, newtabUrl: string, moduleUrl: string): Promise<{ a: number; m: number }> {
  const newtab: LoadResult[] = [];
  const module: LoadResult[] = [];
  for (let i = 0; i < RUN_LOADS; i++) {
    const pair = [
      () => loadOnce(s.context, newtabUrl).then((r) => newtab.push(r)),
      () => loadOnce(s.context, moduleUrl).then((r) => module.push(r)),
    ];
    await pair[i % 2]!();
    await pair[(i + 1) % 2]!();
  }
  return {
    a: stats(newtab.map((r) => r.probe.firstArticle!)).median,
    m: stats(module.map((r) => r.probe.firstArticle!)).median,
  };
}

export interface LayoutPaint {
  layout: Layout;
  /** Per run: the new tab's median, the module page's, their ratio. */
  runs: { a: number; m: number; ratio: number }[];
  ratio: number;
  painted: number;
}

/** Each layout, three runs (layouts taken in turn, so load spikes spread over all of them); medians of the ratios. */
async function benchLayouts(s: Session, newtabUrl: string, moduleUrl: string): Promise<LayoutPaint[]> {
  const out = LAYOUTS.map((layout): LayoutPaint => ({ layout, runs: [], ratio: NaN, painted: 0 }));
  for (let run = 0; run < RUNS; run++) {
    for (const entry of out) {
      await chooseLayout(s, entry.layout);
      await loadOnce(s.context, newtabUrl); // rewrites the snapshot in this layout
      if (run === 0) entry.painted = await paintedCount(s, newtabUrl);
      const r = await ratioRun(s, newtabUrl, moduleUrl);
      entry.runs.push({ ...r, ratio: r.a / r.m });
    }
  }
  for (const entry of out) entry.ratio = stats(entry.runs.map((r) => r.ratio)).median;
  await chooseLayout(s, 'Comfortable');
  return out;
}

/** Times (a) and (b), prints them (and the variants with BENCH_VARIANTS); returns the table's rows. */
export async function benchFirstPaint(s: Session, copy: string): Promise<string[][]> {
  await s.context.addInitScript(loadProbeInit);
  const newtabUrl = `${s.origin}/newtab.html`;
  const blankUrl = `${s.origin}/${BLANK_PAGE}`;
  const moduleUrl = `${s.origin}/${MODULE_PAGE}`;
  const warm = await loadOnce(s.context, newtabUrl); // writes the localStorage snapshot
  await sleep(500);
  await loadOnce(s.context, blankUrl);
  log(
    `init script on chrome-extension:// pages: ran at document start (readyState "${warm.probe.readyState}", ` +
      `article present: ${warm.probe.articleAtInit}, at ${ms(warm.probe.initAt)})`,
  );
  const snapshots = (await snapshotKeys(s, blankUrl)).filter((k) => k.papers !== undefined);
  log(
    `localStorage snapshot: ${
      snapshots.map((k) => `${k.key} (${k.papers} papers, ${kb(k.bytes)})`).join(', ') || 'none found'
    }`,
  );

  const newtab: LoadResult[] = [];
  const blank: LoadResult[] = [];
  const module: LoadResult[] = [];
  await loadOnce(s.context, moduleUrl);
  for (let i = 0; i < LOAD_RUNS; i++) {
    // Rotate the order so no page always runs right after another.
    const order = [
      () => loadOnce(s.context, newtabUrl).then((r) => newtab.push(r)),
      () => loadOnce(s.context, blankUrl).then((r) => blank.push(r)),
      () => loadOnce(s.context, moduleUrl).then((r) => module.push(r)),
    ];
    for (let k = 0; k < 3; k++) await order[(i + k) % 3]!();
  }
  const m = stats(module.map((r) => r.probe.firstArticle!));
  const moduleRatio = stats(newtab.map((r) => r.probe.firstArticle!)).median / m.median;
  const a = stats(newtab.map((r) => r.probe.firstArticle!));
  const b = stats(blank.map((r) => r.probe.firstArticle!));
  const aFcp = stats(newtab.flatMap((r) => (r.fcp === undefined ? [] : [r.fcp])));
  const bFcp = stats(blank.flatMap((r) => (r.fcp === undefined ? [] : [r.fcp])));
  const ratio = a.median / b.median;
  if (process.env.BENCH_VARIANTS) await benchVariants(s, copy);
  log();
  log(
    `(a) new tab, navigation start → first article: median ${ms(a.median)} (n=${a.n}, p95 ${ms(a.p95)}, min ${ms(a.min)}, max ${ms(a.max)}); first contentful paint median ${ms(aFcp.median)}`,
  );
  log(
    `(b) blank extension page, same measure:       median ${ms(b.median)} (n=${b.n}, p95 ${ms(b.p95)}, min ${ms(b.min)}, max ${ms(b.max)}); first contentful paint median ${ms(bFcp.median)}`,
  );
  log(`    ratio a/b: ${ratio.toFixed(2)}`);
  log(
    `(b') blank extension page with one module script: median ${ms(m.median)} (n=${m.n}, p95 ${ms(m.p95)}); ` +
      `ratio a/b': ${moduleRatio.toFixed(2)} (target ≤ 1.1)`,
  );
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
  const layouts = await benchLayouts(s, newtabUrl, moduleUrl);
  for (const l of layouts)
    log(
      `(a') ${l.layout.padEnd(11)} first paint draws ${l.painted} papers; new tab / one-module page, per run: ` +
        `${l.runs.map((r) => `${ms(r.a)} / ${ms(r.m)} = ${r.ratio.toFixed(2)}`).join('; ')}; median ${l.ratio.toFixed(2)} (target ≤ 1.1)`,
    );
  if (process.env.BENCH_VERBOSE) {
    const list = (rs: LoadResult[]) => rs.map((r) => r.probe.firstArticle!.toFixed(0)).join(' ');
    log(`    samples in run order (ms): new tab ${list(newtab)}`);
    log(`                               blank   ${list(blank)}`);
  }
  return [
    [`new tab: navigation → first paper in the DOM (median of ${a.n})`, ms(a.median), ''],
    [`blank extension page: navigation → its article (median of ${b.n})`, ms(b.median), ''],
    ['ratio new tab / blank page', ratio.toFixed(2), '≤ 1.5'],
    [`blank extension page with one module script (median of ${m.n})`, ms(m.median), ''],
    [
      'ratio new tab / blank page with one module script',
      `**${moduleRatio.toFixed(2)}**`,
      `≤ 1.1 (${moduleRatio <= 1.1 ? 'met' : 'not met'})`,
    ],
    ...layouts.map((l) => [
      `ratio new tab / one-module page, ${l.layout} (${l.painted} papers painted), median of ${RUNS} runs of ${RUN_LOADS} loads each`,
      `**${l.ratio.toFixed(2)}** (${l.runs.map((r) => r.ratio.toFixed(2)).join(', ')})`,
      `≤ 1.1 (${l.ratio <= 1.1 ? 'met' : 'not met'})`,
    ]),
  ];
}
