// (f) Following at the follow cap: matching papers against 5,000 follows, keyed (what ships)
// beside the old pass over every follow, in Node (the matcher is a pure module); then the Following
// view and the badge in Chromium at 50, 500 and 5,000 follows drawn from the papers' authors
// (./authors.ts), through the index beside one read of the table (./following-view.ts).
// `vite-node tools/bench/follows-main.ts [papers]` runs this part alone (30,000 papers by default).

import { performance } from 'node:perf_hooks';
import { compileInterests, isOrg, isPerson } from '../../lib/views/follow-match';
import { benchFollowingView, type FollowSet } from './following-view';
import type { Session } from './session';
import type { SeedData } from './seed';
import { followsFrom } from './authors';
import { log, ms } from './util';

const FOLLOWS = 5000;
/** The old pass is slow: a sample of papers is enough to price it. */
const SCAN_SAMPLE = 100;

/** Readers following a few dozen, a few hundred, and the cap, drawn from who wrote the papers. */
function followSets(data: SeedData): FollowSet[] {
  const orgNames = [...new Set(data.papers.flatMap((p) => (p.organization ? [p.organization.name] : [])))].sort();
  return [50, 500, FOLLOWS].map((count) => {
    const [people, orgs] = followsFrom(data.authors, orgNames, count);
    return { label: `${count.toLocaleString('en')} follows`, people: people!, orgs: orgs! };
  });
}

export async function benchFollows(s: Session, data: SeedData): Promise<string[][]> {
  const { papers } = data;
  const sets = followSets(data);
  const { people, orgs } = sets[sets.length - 1]!;
  const t0 = performance.now();
  const matcher = compileInterests({ keywords: [], people, orgs });
  const compile = performance.now() - t0;
  const t1 = performance.now();
  let hits = 0;
  for (const p of papers) if (matcher.match(p)) hits++;
  const all = performance.now() - t1;
  const sample = papers.slice(0, SCAN_SAMPLE);
  const t2 = performance.now();
  for (const p of sample) {
    people.some((f) => p.authors.some((n, i) => isPerson(f, n, p.authorUsers?.[i] || undefined)));
    orgs.some((f) => isOrg(f, p.organization));
  }
  const scanPer = (performance.now() - t2) / sample.length;
  const per = all / papers.length;
  log(
    `following: ${people.length + orgs.length} follows indexed in ${ms(compile)}; ${papers.length} papers matched in ${ms(all)} ` +
      `(${hits} match); the old pass over every follow: ${ms(scanPer)} a paper`,
  );
  return [
    [
      `Following: match one paper against ${FOLLOWS.toLocaleString('en')} follows`,
      `${(per * 1000).toFixed(1)} µs (old pass: ${ms(scanPer)})`,
      'independent of the number of follows',
    ],
    [`Following: match ${papers.length.toLocaleString('en')} papers (no database)`, ms(all), ''],
    ...(await benchFollowingView(s, papers, sets)),
  ];
}
