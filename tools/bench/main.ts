// `npm run bench`: figures for the README, measured on the built extension in one Chromium run.
// Prints numbers only (no assertions); exits non-zero only when something crashes.
//
//  (a) new tab: navigation start → first <article> in the DOM (median), steady state (snapshot present)
//  (b) the same for a static extension page of the same build (bench-blank.html), and the ratio a/b
//  (c) search over the cached papers: first keystroke in a fresh new tab → complete results; every
//      keystroke → results in the DOM (median, p95); the new tab's JS heap with the index loaded
//  (c') the first full word typed in a freshly opened new tab → complete results (./first-word.ts)
//  (d) JS and CSS bytes (gzip) the new tab loads at every opening (first paint + app), and on first search
//  (e) "For you": a month of papers ranked against a reading list of 1,000 (./rank.ts, in Node)
//
// Environment: BENCH_PAPERS or the first argument (papers cached, default 10000), BENCH_VERBOSE (samples in run order),
// BENCH_VARIANTS (variant pages, ./variants.ts), BENCH_PROFILE (CPU profile while typing, ./profile.ts),
// BENCH_ONLY (a comma-separated choice of paint, search, word, sizes, rank, follows; default all),
// BENCH_EXTENSION (a built extension's folder to measure instead of .output/chrome-mv3: a copy of an
// earlier build, to bench before and after side by side in the same conditions).

import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { extensionPath } from '../../tests/support/extension';
import { startStandIn } from '../../tests/support/standin';
import { benchFirstPaint, writeBlankPage } from './first-paint';
import { benchSearch, searchQueries } from './search';
import { benchFirstWord } from './first-word';
import { buildStoredIndex, makeSeed, paperCount, seed } from './seed';
import { chromiumVersion, cpuModel, launch, type Session } from './session';
import { benchRank } from './rank';
import { benchFollows } from './follows';
import { benchSizes } from './sizes';
import { kb, log } from './util';

const only = process.env.BENCH_ONLY?.split(',').map((x) => x.trim());
const want = (part: string): boolean => !only || only.includes(part);

async function main(): Promise<void> {
  const count = paperCount();
  const hf = await startStandIn(); // no days set: every date answers [] (an empty feed)
  const copy = await mkdtemp(join(os.tmpdir(), 'papertab-bench-ext-'));
  let session: Session | undefined;
  try {
    await cp(process.env.BENCH_EXTENSION || extensionPath, copy, { recursive: true });
    await writeBlankPage(copy);

    log('Papertab bench');
    log('==============');
    const t0 = Date.now();
    const data = makeSeed(count);
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
    log(`stored search index built by the background (a refresh's fold) in ${await buildStoredIndex(s)} ms`);
    // Nothing may refresh while we measure: the status says a refresh just succeeded, and the alarms go.
    await s.worker.evaluate(() =>
      (globalThis as unknown as { chrome: { alarms: { clearAll(): Promise<boolean> } } }).chrome.alarms.clearAll(),
    );
    hf.requests.length = 0;

    const paintRows = want('paint') ? await benchFirstPaint(s, copy) : []; // (a) and (b)
    log();
    const queries = searchQueries(data.authorsByFrequency);
    const searched = want('search') ? await benchSearch(s, queries, data.papers.length) : undefined; // (c)
    const wordRows = want('word') ? await benchFirstWord(s) : []; // (c')
    const sizeRows = want('sizes') ? await benchSizes(copy, searched?.search.loadedResources ?? []) : []; // (d)
    const searchRows = searched?.rows ?? [];
    log();
    const rankRows = want('rank') ? benchRank(data.papers) : []; // (e)
    const followRows = want('follows') ? await benchFollows(s, data) : []; // (f)

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
    const rows: string[][] = [...paintRows, ...wordRows, ...searchRows, ...sizeRows, ...rankRows, ...followRows];
    log();
    const busy = Math.max(loadStart, loadEnd) > os.cpus().length * 0.75;
    log(
      `Measured with \`npm run bench\` on ${cpuModel()} (${os.cpus().length} cores), ${version.replace('HeadlessChrome', 'Chromium')} headless, ` +
        `Node ${process.version}; ${data.papers.length.toLocaleString('en')} cached papers over ${data.days.length} days` +
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
