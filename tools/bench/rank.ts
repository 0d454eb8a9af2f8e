// (e) "For you": ranking a month of papers (1,500) against a reading list of 1,000, in Node on this
// machine (the ranker is a pure module: the same code the new tab runs after its first paint).

import { performance } from 'node:perf_hooks';
import type { Paper } from '../../lib/core/paper';
import type { ReadingStatus, SavedPaper } from '../../lib/core/saved';
import { buildProfile } from '../../lib/views/rank/profile';
import { rankForYou } from '../../lib/views/rank/rank';
import { forgetVectors } from '../../lib/views/rank/terms';
import { log, ms, stats } from './util';

const SAVED = 1000;
const MONTH = 1500;
/** Cards the new tab renders at once: the reasons are worked out for these only. */
const SHOWN = 100;
const RUNS = 21;
const TARGET_MS = 20;

function saved(paper: Paper, i: number, now: number): SavedPaper {
  const status: ReadingStatus = (['to-read', 'reading', 'read'] as const)[i % 3]!;
  const at = now - i * 3_600_000;
  return {
    id: paper.id,
    paper,
    savedAt: at,
    updatedAt: at,
    status,
    tags: [],
    note: '',
    edited: { status: at, tags: at, note: at },
  };
}

/** Wall time per run; on a busy machine (other processes on the cores) it runs long, see `cpu`. */
const cpuTimes: number[] = [];
function time(fn: () => void, before?: () => void): number[] {
  const out: number[] = [];
  cpuTimes.length = 0;
  for (let i = 0; i < RUNS; i++) {
    before?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
  }
  return out;
}

export function benchRank(papers: Paper[]): string[][] {
  if (papers.length < SAVED + MONTH + 20) {
    log(`for you: needs ${SAVED + MONTH + 20} papers (BENCH_PAPERS), skipped`);
    return [];
  }
  const now = Date.now();
  const month = papers.slice(0, MONTH);
  const list = papers.slice(MONTH, MONTH + SAVED).map((p, i) => saved(p, i, now));
  const shunned = papers.slice(MONTH + SAVED, MONTH + SAVED + 20);
  /** What the new tab does when the list changes: profile, order, and the reasons of the cards it shows. */
  const all = () => {
    const r = rankForYou(month, buildProfile(list, shunned, now));
    for (const p of r.papers.slice(0, SHOWN)) r.explain(p);
  };
  // Cold: no paper's terms read yet (the first ranking after the page opens). Warm: each paper's
  // terms are kept per version, so a list change or another view costs only the arithmetic.
  const cold = stats(time(all, forgetVectors));
  all();
  const warm = stats(time(all));
  const warmCpu = stats(cpuTimes);
  const profile = buildProfile(list, shunned, now);
  const rankOnly = stats(time(() => rankForYou(month, profile)));
  log(
    `for you: ${MONTH} papers against ${SAVED} saved (+20 not interested), ${SHOWN} reasons: ` +
      `first ranking ${ms(cold.median)} (p95 ${ms(cold.p95)}), then ${ms(warm.median)} (p95 ${ms(warm.p95)}), ` +
      `of which ordering alone ${ms(rankOnly.median)}; CPU time of the second ${ms(warmCpu.median)}`,
  );
  const what = `${MONTH.toLocaleString('en')} papers against ${SAVED.toLocaleString('en')} saved, ${SHOWN} reasons`;
  return [
    [
      `"For you": rank a month (${what}; median, p95)`,
      `${ms(warm.median)}, ${ms(warm.p95)} (CPU ${ms(warmCpu.median)})`,
      `< ${TARGET_MS} ms`,
    ],
    [
      '"For you": the first ranking after opening, every paper\'s terms read (median)',
      ms(cold.median),
      'off the first paint',
    ],
  ];
}
