// (f') The Following view's read over the cached papers in Chromium's IndexedDB: through the
// `followKeys` index (what ships: one index lookup per followed key, then the candidates by id)
// beside the old read of every cached paper. Raw IndexedDB in an extension page, the same requests
// the view's Dexie calls make; the matching that follows either read is priced in Node (./follows.ts).
// The badge reads the papers that arrived, by id (a day's 50 here), whatever the cache holds.
// (fake-indexeddb is no judge here: its cursors and gets walk the whole index, 1 ms a get.)

import { followQueryKeys, paperFollowKeys } from '../../lib/core/follow-keys';
import type { Followed } from '../../lib/core/follows';
import type { Paper } from '../../lib/core/paper';
import type { Session } from './session';
import { log, ms, stats } from './util';

const RUNS = 7;
const NEW_PAPERS = 50;

export interface FollowSet {
  label: string;
  people: Followed[];
  orgs: Followed[];
}

/** The keys rows the build writes with every paper (the seed writes papers raw). */
export const followKeyRows = (papers: readonly Paper[]) => papers.map((p) => ({ id: p.id, keys: paperFollowKeys(p) }));

// Runs inside the page.
async function timeReads({ keys, newIds, runs }: { keys: string[]; newIds: string[]; runs: number }) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('papertab');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const req = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const byIds = (ids: string[]) => {
    const papers = db.transaction('papers').objectStore('papers');
    return Promise.all(ids.map((id) => req(papers.get(id))));
  };
  const viaIndex = async () => {
    const index = db.transaction('followKeys').objectStore('followKeys').index('keys');
    const lists = await Promise.all(keys.map((k) => req(index.getAllKeys(k))));
    const ids = [...new Set(lists.flat())] as string[];
    return (await byIds(ids)).length;
  };
  const scan = async () => (await req(db.transaction('papers').objectStore('papers').getAll())).length;
  const badge = async () => (await byIds(newIds)).length;
  const time = async (f: () => Promise<number>) => {
    const out: number[] = [];
    let read = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      read = await f();
      out.push(performance.now() - t);
    }
    return { times: out, read };
  };
  const result = { index: await time(viaIndex), scan: await time(scan), badge: await time(badge) };
  db.close();
  return result;
}

export async function benchFollowingView(
  s: Session,
  papers: readonly Paper[],
  sets: FollowSet[],
  matchPerPaper: number,
): Promise<string[][]> {
  const n = papers.length.toLocaleString('en');
  const page = await s.context.newPage();
  await page.goto(`${s.origin}/popup.html`);
  const rows: string[][] = [];
  const newIds = papers.slice(0, NEW_PAPERS).map((p) => p.id);
  for (const { label, people, orgs } of sets) {
    const keys = followQueryKeys(people, orgs);
    const r = await page.evaluate(timeReads, { keys, newIds, runs: RUNS });
    const index = stats(r.index.times).median + r.index.read * matchPerPaper;
    const scan = stats(r.scan.times).median + r.scan.read * matchPerPaper;
    const badge = stats(r.badge.times).median + r.badge.read * matchPerPaper;
    log(
      `following view, ${label} (${keys.length} keys): index reads ${r.index.read} papers in ${ms(stats(r.index.times).median)}, ` +
        `the old read of all ${r.scan.read} takes ${ms(stats(r.scan.times).median)}; with matching: ${ms(index)} / ${ms(scan)}; ` +
        `badge: ${r.badge.read} new papers in ${ms(badge)}`,
    );
    rows.push(
      [
        `Following view over ${n} papers, ${label}: read and match, index / old read of every paper (median)`,
        `${ms(index)} / ${ms(scan)} (${r.index.read} papers read)`,
        'reads only the followed papers',
      ],
      [`badge: ${NEW_PAPERS} new papers among ${n}, ${label}`, ms(badge), 'reads only the new papers'],
    );
  }
  await page.close();
  return rows;
}
