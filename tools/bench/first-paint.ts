// (a) new tab: navigation start → first <article> in the DOM (median), steady state (snapshot present);
// (b) the same for a static extension page of the same build (bench-blank.html), and the ratio a/b;
// (a') (a) again in the Compact density (its first paint draws twice as many papers), then back to
// Comfortable.

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

/** Chooses a density the way a user does (the new tab's switch), which also updates the first-paint mirror. */
async function chooseDensity(s: Session, name: 'Comfortable' | 'Compact'): Promise<void> {
  const page = await s.context.newPage();
  await page.goto(`${s.origin}/newtab.html`);
  const button = page.getByRole('group', { name: 'Density' }).getByRole('button', { name });
  await button.click();
  await page.waitForFunction(
    (compact) => (localStorage.getItem('papertab:settings') ?? '').includes(compact ? '"compact"' : '"comfortable"'),
    name === 'Compact',
  );
  await page.close();
}

/** Times the new tab in the Compact density against the blank page, alternating as for (a). */
async function benchCompact(
  s: Session,
  newtabUrl: string,
  blankUrl: string,
): Promise<{ a: number; ratio: number; n: number; painted: number }> {
  await chooseDensity(s, 'Compact');
  await loadOnce(s.context, newtabUrl); // rewrites the snapshot in this density
  const newtab: LoadResult[] = [];
  const blank: LoadResult[] = [];
  for (let i = 0; i < LOAD_RUNS; i++) {
    if (i % 2 === 0) {
      newtab.push(await loadOnce(s.context, newtabUrl));
      blank.push(await loadOnce(s.context, blankUrl));
    } else {
      blank.push(await loadOnce(s.context, blankUrl));
      newtab.push(await loadOnce(s.context, newtabUrl));
    }
  }
  // How many papers the compact first paint draws (checked on one more load, before the app takes over).
  const page = await s.context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, o) => {
      const main = document.querySelector('main.compact');
      if (!main) return;
      (window as unknown as { painted: number }).painted = main.querySelectorAll('article').length;
      o.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(newtabUrl);
  await page.waitForFunction(() => (window as unknown as { painted?: number }).painted !== undefined);
  const painted = await page.evaluate(() => (window as unknown as { painted: number }).painted);
  await page.close();
  await chooseDensity(s, 'Comfortable');
  const a = stats(newtab.map((r) => r.probe.firstArticle!));
  const b = stats(blank.map((r) => r.probe.firstArticle!));
  return { a: a.median, ratio: a.median / b.median, n: a.n, painted };
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
  const compact = await benchCompact(s, newtabUrl, moduleUrl);
  log(
    `(a') new tab in the Compact density, same measure: median ${ms(compact.a)} (n=${compact.n}; its first paint ` +
      `draws ${compact.painted} papers); ratio to the blank page with one module script loaded alongside: ${compact.ratio.toFixed(2)}`,
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
    [`the same, Compact density: navigation → first paper (median of ${compact.n})`, ms(compact.a), ''],
    [
      'ratio new tab (Compact) / blank page with one module script',
      compact.ratio.toFixed(2),
      `≤ 1.1 (${compact.ratio <= 1.1 ? 'met' : 'not met'})`,
    ],
    [`blank extension page with one module script (median of ${m.n})`, ms(m.median), ''],
    [
      'ratio new tab / blank page with one module script',
      `**${moduleRatio.toFixed(2)}**`,
      `≤ 1.1 (${moduleRatio <= 1.1 ? 'met' : 'not met'})`,
    ],
  ];
}
