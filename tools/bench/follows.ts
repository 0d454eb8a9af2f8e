// (f) Following at the follow cap: matching papers against 5,000 follows, keyed (what ships)
// beside the old pass over every follow, in Node (the matcher is a pure module); then the Following
// view and the badge reading the cache through the index, beside the old read (./following-view.ts).
// `vite-node tools/bench/follows-main.ts [papers]` runs this part alone (30,000 papers by default).

import { performance } from 'node:perf_hooks';
import type { Followed } from '../../lib/core/follows';
import type { Paper } from '../../lib/core/paper';
import { compileInterests, isOrg, isPerson } from '../../lib/views/follow-match';
import { benchFollowingView, type FollowSet } from './following-view';
import type { Session } from './session';
import { log, ms } from './util';

const FOLLOWS = 5000;
/** The old pass is slow: a sample of papers is enough to price it. */
const SCAN_SAMPLE = 100;

function followsFrom(papers: Paper[]): { people: Followed[]; orgs: Followed[] } {
  const people: Followed[] = [];
  for (const p of papers) {
    for (const name of p.authors) {
      if (people.length >= FOLLOWS - 100) break;
      people.push(people.length % 2 ? { name } : { name, hub: name.toLowerCase().replace(/\W+/g, '') });
    }
  }
  const orgs = Array.from({ length: 100 }, (_, i): Followed => ({
    name: `Lab ${i}`,
    ...(i % 2 ? { hub: `lab-${i}` } : {}),
  }));
  return { people, orgs };
}

/** A follower at the cap (`FOLLOWS`), and one following a few dozen accounts. */
function followSets(people: Followed[], orgs: Followed[]): FollowSet[] {
  return [
    { label: `${FOLLOWS.toLocaleString('en')} follows`, people, orgs },
    { label: '50 follows', people: people.filter((_, i) => i % 100 === 0), orgs: orgs.slice(0, 5) },
  ];
}

export async function benchFollows(s: Session, papers: Paper[]): Promise<string[][]> {
  const { people, orgs } = followsFrom(papers.slice(Math.floor(papers.length / 2)));
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
    ...(await benchFollowingView(s, papers, followSets(people, orgs), per)),
  ];
}
