// (f') The Following view over the cached papers in Chromium's IndexedDB, through the extension's
// own code: ./following-page.ts is bundled and run in an extension page (through the DevTools
// protocol, which the page's CSP does not govern), so what is timed is what ships (read and match,
// the fallback to one read of the table included), beside each path forced and the alternatives of
// each step: the candidates' ids by one `anyOf` or a request per key, the candidates by `bulkGet` or
// a `get` each. The badge reads the papers that arrived, by id (a day's 50 here).
// (fake-indexeddb is no judge here: its cursors and gets walk the whole index, 1 ms a get.)

import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { paperFollowKeys } from '../../lib/core/follow-keys';
import type { Followed } from '../../lib/core/follows';
import type { Paper } from '../../lib/core/paper';
import type { PageResult, PageRun } from './following-page';
import type { Session } from './session';
import { log, ms } from './util';

const RUNS = 5;
const NEW_PAPERS = 50;

export interface FollowSet {
  label: string;
  people: Followed[];
  orgs: Followed[];
}

/** The keys rows the build writes with every paper (the seed writes papers raw). */
export const followKeyRows = (papers: readonly Paper[]) => papers.map((p) => ({ id: p.id, keys: paperFollowKeys(p) }));

async function pageScript(): Promise<string> {
  const out = await build({
    entryPoints: [fileURLToPath(new URL('./following-page.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: '__followingBench',
    platform: 'browser',
    write: false,
    logLevel: 'warning',
  });
  // Evaluated as a script body: the bundle's `var` must be published for the later calls.
  return `${out.outputFiles[0]!.text}\nglobalThis.__followingBench = __followingBench;`;
}

function path({ keys, candidates, total, plan }: PageResult): string {
  if (keys > plan.keysShare * total) return 'too many keys: the table at once';
  return candidates > plan.scanShare * total ? 'too many found: the table' : 'the index';
}

function describe(label: string, r: PageResult): void {
  const t = (x: { median: number }) => ms(x.median);
  log(
    `following view, ${label}: ${r.keys} keys find ${r.candidates} of ${r.total} papers, ${r.matched} match; ` +
      `shipped view ${t(r.view)} (${path(r)}); ` +
      `index ${t(r.index)}, one read of the table ${t(r.scan)}`,
  );
  log(
    `  ids: anyOf ${t(r.idsAnyOf)}, a request per key ${t(r.idsPerKey)}; candidates: bulkGet ${t(r.bulkGet)}, ` +
      `a get each ${t(r.oneByOne)}; the table: getAll ${t(r.toArray)}, a filtered cursor ${t(r.cursor)}; ` +
      `badge ${t(r.badge)} (${r.badge.rows} new papers)`,
  );
}

export async function benchFollowingView(s: Session, papers: readonly Paper[], sets: FollowSet[]): Promise<string[][]> {
  const n = papers.length.toLocaleString('en');
  const script = await pageScript();
  const page = await s.context.newPage();
  await page.goto(`${s.origin}/popup.html`);
  await page.evaluate(script);
  const rows: string[][] = [];
  const newIds = papers.slice(0, NEW_PAPERS).map((p) => p.id);
  for (const { label, people, orgs } of sets) {
    const arg: PageRun = { people, orgs, newIds, runs: RUNS };
    const r = await page.evaluate(
      (a) =>
        (globalThis as unknown as { __followingBench: typeof import('./following-page') }).__followingBench.measure(a),
      arg,
    );
    describe(label, r);
    rows.push(
      [
        `Following view over ${n} papers, ${label}: shipped / index / one read of the table (median of ${RUNS})`,
        `${ms(r.view.median)} / ${ms(r.index.median)} / ${ms(r.scan.median)} (${r.keys} keys find ${r.candidates}, ${r.matched} match; shipped: ${path(r)})`,
        'reads only the followed papers when they are few',
      ],
      [`badge: ${NEW_PAPERS} new papers among ${n}, ${label}`, ms(r.badge.median), 'reads only the new papers'],
    );
  }
  await page.close();
  return rows;
}
