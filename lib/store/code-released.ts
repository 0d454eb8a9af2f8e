/**
 * "Code released": a saved paper whose `githubRepo` shows up in a later response (a refresh, a
 * range, a lookup) when its saved copy had none. Recorded in the same transaction as the copy,
 * so a worker stopped right after cannot lose it; the background notifies from the record.
 */
import type { Paper } from '../core/paper';
import type { CodeRelease } from '../core/extras';
import type { PapertabDB } from './db';
import { getMeta, setMeta } from './meta-table';

/** The repo a saved copy gained, if it had none before. */
export function gainedRepo(before: Paper, after: Paper): string | undefined {
  return !before.githubRepo && after.githubRepo ? after.githubRepo : undefined;
}

/** Records releases (call inside the transaction writing the saved copies). */
export async function recordCodeReleased(db: PapertabDB, found: { id: string; repo: string }[], at: number) {
  if (!found.length) return;
  const all = { ...(await getMeta(db, 'codeReleased')) };
  for (const { id, repo } of found) all[id] ??= { at, repo, notified: false };
  await setMeta(db, 'codeReleased', all);
}

export async function readCodeReleased(db: PapertabDB): Promise<Record<string, CodeRelease>> {
  return (await getMeta(db, 'codeReleased')) ?? {};
}

/** Marks releases as notified; returns the ones that were not yet. */
export async function takeUnnotified(db: PapertabDB): Promise<{ id: string; release: CodeRelease }[]> {
  return db.transaction('rw', db.meta, async () => {
    const all = await readCodeReleased(db);
    const fresh = Object.entries(all)
      .filter(([, r]) => !r.notified)
      .map(([id, release]) => ({ id, release }));
    if (!fresh.length) return [];
    for (const { id } of fresh) all[id] = { ...all[id]!, notified: true };
    await setMeta(db, 'codeReleased', all);
    return fresh;
  });
}
