/**
 * Which entries of the synced list go into one write when they do not all fit the budget. Three
 * rules, so that one paper can never stop the others (issue 18):
 * - an entry too large to share the area (alone, more than half the budget: a note from a backup
 *   can be) is left out and named; it stays on this device;
 * - every entry about a paper whose deletion the sync area holds is written again (this device
 *   merged it, so its entry holds at least what the area held): a write never drops a deletion
 *   to make room, and absence deletes nothing, so no paper's fate is lost;
 * - the rest goes newest first, cut where the budget ends.
 * If even those do not fit (the area shrank under other data), nothing is written.
 */
export interface FitEntry {
  at: number;
  id: string;
}

export interface Fitted<E> {
  chosen: E[];
  /** Ids left out because each alone is too large. */
  tooLarge: string[];
  /** The papers the area holds do not fit: write nothing. */
  short: boolean;
}

/** Characters of JSON under which an entry is small enough not to be measured on its own. */
const SMALL_CHARS = 2_048;

export async function fitEntries<E extends FitEntry>(
  entries: readonly E[],
  budget: number,
  measure: (es: readonly E[]) => Promise<number>,
  opts: { held: ReadonlySet<string>; size: (e: E) => number },
): Promise<Fitted<E>> {
  const tooLarge: string[] = [];
  const rest: E[] = [];
  for (const e of entries) {
    if (opts.size(e) > SMALL_CHARS && (await measure([e])) > budget / 2) tooLarge.push(e.id);
    else rest.push(e);
  }
  if ((await measure(rest)) <= budget) return { chosen: rest, tooLarge, short: false };
  const must = rest.filter((e) => opts.held.has(e.id));
  const may = rest.filter((e) => !opts.held.has(e.id));
  const inOrder = (extra: readonly E[]) => {
    const set = new Set<E>([...must, ...extra]);
    return rest.filter((e) => set.has(e));
  };
  if ((await measure(must)) > budget) return { chosen: [], tooLarge, short: true };
  // Compressed size grows with the prefix (not strictly, but the final candidate is measured).
  let [fits, fails] = [0, may.length];
  while (fails - fits > 1) {
    const mid = Math.floor((fits + fails) / 2);
    if ((await measure(inOrder(may.slice(0, mid)))) <= budget) fits = mid;
    else fails = mid;
  }
  return { chosen: inOrder(may.slice(0, fits)), tooLarge, short: false };
}
