/**
 * Two records of one paper under two keys: an old-style arXiv id with and without its subject class
 * (`math.DG/0211159`, `math/0211159`), which earlier versions stored apart. They become one record
 * under the one key (`canonicalPaperId`) by the list's merge rule (`mergeSaved`), except that nothing
 * the user wrote is dropped: two different notes are both kept (the one edited first on top), and
 * the tags are the union.
 */
import { canonicalPaperId } from '../core/paper-id';
import type { SavedPaper } from '../core/saved';
import type { PapertabDB } from '../store/db';
import { applyToList } from '../store/reading-list';
import { mergeSaved } from './merge';

/** The record under its canonical key (itself when the key is already canonical). */
function rekeyed(r: SavedPaper): SavedPaper {
  const id = canonicalPaperId(r.id);
  return id === r.id ? r : { ...r, id, paper: { ...r.paper, id } };
}

/** One record of two copies of the same paper (same canonical key), keeping both notes and all tags. */
export function joinSamePaper(a: SavedPaper, b: SavedPaper): SavedPaper {
  const [x, y] = [rekeyed(a), rekeyed(b)];
  const merged = mergeSaved(x, y);
  const [first, second] = x.edited.note <= y.edited.note ? [x, y] : [y, x];
  const notes = [first.note, second.note].filter((n) => n.trim() !== '');
  const note = notes.length === 2 && notes[0] !== notes[1] ? notes.join('\n\n') : merged.note;
  const tags = [...new Set([...merged.tags, ...x.tags, ...y.tags])];
  return { ...merged, note, tags };
}

/**
 * A batch (a backup's papers) with each record under an old-style id with its subject class moved to
 * the key without it, joined with a record there. Records under the same key stay as they are: the
 * list's merge combines them, as before.
 */
export function joinByCanonicalId(records: readonly SavedPaper[]): SavedPaper[] {
  const out = records.filter((r) => canonicalPaperId(r.id) === r.id);
  const at = new Map<string, number>();
  out.forEach((r, i) => at.set(r.id, at.get(r.id) ?? i));
  for (const r of records) {
    const id = canonicalPaperId(r.id);
    if (id === r.id) continue;
    const i = at.get(id);
    if (i === undefined) at.set(id, out.push(rekeyed(r)) - 1);
    else out[i] = joinSamePaper(out[i]!, r);
  }
  return out;
}

/**
 * Moves records stored under an old-style id with its subject class to the id without it, joining
 * them with a record already there, through the list's owner (one transaction, the mirror
 * rewritten). Idempotent; reads only the keys when there is nothing to move. Returns how many moved.
 */
export async function joinStoredDuplicates(db: PapertabDB, now: number): Promise<number> {
  const keys = (await db.saved.toCollection().primaryKeys()) as string[];
  if (keys.every((id) => canonicalPaperId(id) === id)) return 0;
  const result = await applyToList(
    db,
    async (read) => {
      const list = await read();
      const moving = list.filter((r) => canonicalPaperId(r.id) !== r.id);
      const targets = new Set(moving.map((r) => canonicalPaperId(r.id)));
      const joined = joinByCanonicalId([...list.filter((r) => targets.has(r.id)), ...moving]);
      return { puts: joined, deletes: moving.map((r) => r.id) };
    },
    { now },
  );
  return result.deletes.length;
}
