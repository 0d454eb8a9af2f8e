// Runs inside an extension page (bundled by ./following-view.ts): the Following view's reads through
// the extension's own code (lib/views/following.ts, lib/views/badge.ts) on the database the build
// opened, and the alternatives each step could take, each timed as a median of `runs`.

import { createDb, type PapertabDB } from '../../lib/store/db';
import type { Followed } from '../../lib/core/follows';
import { setMeta } from '../../lib/store/meta-table';
import { DEFAULTS } from '../../lib/core/settings-schema';
import { compileInterests } from '../../lib/views/follow-match';
import { findNewPapers } from '../../lib/views/badge';
import { idsWithKeys } from '../../lib/store/follow-keys';
import { READ_PLAN, loadFollowing } from '../../lib/views/following';

export interface PageRun {
  people: Followed[];
  orgs: Followed[];
  newIds: string[];
  runs: number;
}

export type Timing = { median: number; rows: number };

async function time(runs: number, f: () => Promise<number>): Promise<Timing> {
  const out: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    rows = await f();
    out.push(performance.now() - t);
  }
  out.sort((a, b) => a - b);
  return { median: out[Math.floor(out.length / 2)]!, rows };
}

const unique = (ids: string[]) => [...new Set(ids)];

/** The candidates' ids: one `anyOf` over the multi-entry index, or one request per key (what ships). */
const idsAnyOf = (db: PapertabDB, keys: string[]) =>
  db.transaction('r', db.followKeys, async () => unique(await db.followKeys.where('keys').anyOf(keys).primaryKeys()));
const idsPerKey = (db: PapertabDB, keys: string[]) =>
  db.transaction('r', db.followKeys, async () =>
    unique((await Promise.all(keys.map((k) => db.followKeys.where('keys').equals(k).primaryKeys()))).flat()),
  );

/** The candidates: `bulkGet`, or one `get` per id (all issued at once, in one transaction). */
const bulk = (db: PapertabDB, ids: string[]) =>
  db.transaction('r', db.papers, async () => (await db.papers.bulkGet(ids)).filter(Boolean).length);
const oneByOne = (db: PapertabDB, ids: string[]) =>
  db.transaction('r', db.papers, async () => (await Promise.all(ids.map((id) => db.papers.get(id)))).length);

export async function measure({ people, orgs, newIds, runs }: PageRun) {
  const db = createDb();
  await db.open();
  const matcher = compileInterests({ keywords: [], people, orgs });
  const ids = await idsWithKeys(db, matcher.keys);
  const total = await db.papers.count();
  await setMeta(db, 'unseenPapers', { ids: newIds });
  const settings = { ...DEFAULTS, followPeople: people, followOrgs: orgs };
  const result = {
    keys: matcher.keys.length,
    candidates: ids.length,
    total,
    plan: READ_PLAN,
    matched: (await loadFollowing(db, matcher)).length,
    // What ships, end to end (read and match).
    view: await time(runs, async () => (await loadFollowing(db, matcher)).length),
    // Each path forced, read and match.
    index: await time(
      runs,
      async () => (await loadFollowing(db, matcher, { keysShare: Infinity, scanShare: Infinity })).length,
    ),
    scan: await time(runs, async () => (await loadFollowing(db, matcher, { keysShare: 0, scanShare: 0 })).length),
    // The steps and their alternatives.
    idsAnyOf: await time(runs, async () => (await idsAnyOf(db, matcher.keys)).length),
    idsPerKey: await time(runs, async () => (await idsPerKey(db, matcher.keys)).length),
    bulkGet: await time(runs, () => bulk(db, ids)),
    oneByOne: await time(runs, () => oneByOne(db, ids)),
    toArray: await time(runs, async () => (await db.papers.toArray()).length),
    cursor: await time(
      runs,
      async () => (await db.papers.filter((p) => matcher.match(p) !== undefined).toArray()).length,
    ),
    badge: await time(runs, async () => (await findNewPapers(db, settings)).count),
  };
  db.close();
  return result;
}

export type PageResult = Awaited<ReturnType<typeof measure>>;
