/**
 * Saved papers' Hub artifacts (models, datasets, Spaces citing them), asked by the background at
 * most once a day per saved paper, a few papers per run, through the one gate (a 429 stops the run
 * and binds every other request). A saved paper without code is looked up again in the same pass,
 * so code released long after the paper left the feed is still found ("Code released").
 */
import { askHf, type HfRequestDeps } from './gate';
import { fetchPaper, FetchFailure } from './hf-api';
import { fetchPaperRepos } from './hf-repos';
import type { PaperArtifacts } from '../core/extras';
import type { SavedPaper } from '../core/saved';
import { setMeta } from '../store/meta-table';
import { refreshSavedCopies } from '../store/papers';

export const ARTIFACTS_EVERY_MS = 24 * 60 * 60_000;
export const ARTIFACTS_PER_RUN = 10;

export const artifactsKey = (id: string): `artifacts:${string}` => `artifacts:${id}`;

/** Due when never asked, or asked a day ago or more (either way: a clock set back does not stall it for long). */
export function artifactsDue(rec: PaperArtifacts | undefined, nowMs: number): boolean {
  return !rec || Math.abs(nowMs - rec.checkedAt) >= ARTIFACTS_EVERY_MS;
}

/** Asks for the artifacts of up to `limit` saved papers that are due, newest saves first. Returns how many were asked. */
export async function checkArtifacts(deps: HfRequestDeps, limit = ARTIFACTS_PER_RUN): Promise<number> {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const saved = await db.saved.orderBy('savedAt').reverse().toArray();
  const recs = await db.meta.bulkGet(saved.map((s) => artifactsKey(s.id)));
  const due = saved
    .map((s, i) => ({ s, rec: recs[i]?.value as PaperArtifacts | undefined }))
    .filter(({ rec }) => artifactsDue(rec, now()))
    .slice(0, limit);
  let checked = 0;
  for (const { s, rec } of due) {
    const outcome = await checkOne(deps, s, rec);
    if (outcome === 'stop') break;
    checked++;
  }
  return checked;
}

async function checkOne(deps: HfRequestDeps, s: SavedPaper, rec: PaperArtifacts | undefined): Promise<'done' | 'stop'> {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const opts = { fetch: deps.fetch, now };
  try {
    const asked = await askHf(deps, () => fetchPaperRepos(s.id, opts));
    if (!asked.ok) return 'stop';
    await setMeta(db, artifactsKey(s.id), { checkedAt: now(), ...asked.value });
  } catch (err) {
    if (isOffline(err)) return 'stop';
    // A bad answer waits its day like a good one.
    await setMeta(db, artifactsKey(s.id), {
      checkedAt: now(),
      models: rec?.models ?? [],
      datasets: rec?.datasets ?? [],
      spaces: rec?.spaces ?? [],
    });
  }
  if (s.paper.githubRepo || s.incomplete) return 'done';
  try {
    const lookup = await askHf(deps, () => fetchPaper(s.id, opts));
    if (!lookup.ok) return 'stop';
    const paper = lookup.value;
    if (paper) await db.transaction('rw', db.saved, db.meta, () => refreshSavedCopies(db, [paper], now()));
  } catch (err) {
    if (isOffline(err)) return 'stop';
  }
  return 'done';
}

/** Offline or timing out: the next run tries again. */
function isOffline(err: unknown): boolean {
  return err instanceof FetchFailure && (err.kind === 'network' || err.kind === 'timeout');
}
