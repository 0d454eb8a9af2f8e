/**
 * The reading list as BibTeX: one arXiv-style `@misc` entry per paper (lib/core/citation.ts), with
 * the DOI arXiv registers and the abstract, so reference managers recognise the preprint. Private
 * notes are never exported.
 *
 * Citation keys stay put as the list changes, so a LaTeX document's `\cite{…}` keeps compiling: a
 * paper's key is `<lastname><year><titleword>` from the paper alone; only when an earlier-saved
 * paper on the list already has that key does the later one add its id (`…deep240412345`). Saving,
 * removing or importing other papers never changes the key of a paper saved first.
 */
import type { SavedPaper } from '../../core/saved';
import { asciiFold, baseKey, bibtexEntry, disambiguatedKey, escapeBibtex } from '../../core/citation';

export { asciiFold, baseKey, escapeBibtex };

type Keyed = Pick<SavedPaper, 'id' | 'paper' | 'savedAt'>;

/** Earlier saved first; the id breaks ties, so every device orders a synced list alike. */
const bySaved = (a: Keyed, b: Keyed) => a.savedAt - b.savedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Citation keys by paper id. The earliest-saved paper of those sharing a base key keeps it; the
 * others add their id. Keys depend on each paper and its save time, never on list order.
 */
export function bibtexKeys(list: readonly Keyed[]): Map<string, string> {
  const groups = new Map<string, Keyed[]>();
  const seen = new Set<string>();
  for (const s of list) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    const base = baseKey(s.paper);
    const group = groups.get(base);
    if (group) group.push(s);
    else groups.set(base, [s]);
  }
  const keys = new Map<string, string>();
  const taken = new Set(groups.keys());
  for (const [base, group] of groups) {
    const [first, ...later] = [...group].sort(bySaved);
    keys.set(first!.id, base);
    for (const s of later) {
      let key = disambiguatedKey(s.paper);
      // Only a title word made to match another key could collide here; stay unique regardless.
      while (taken.has(key)) key += 'x';
      taken.add(key);
      keys.set(s.id, key);
    }
  }
  return keys;
}

/**
 * The key a paper has (or will have once saved, being saved last) given the reading list: what the
 * copy actions use, so a copied entry and the exported file cite the paper alike.
 */
export function citationKeyFor(paper: SavedPaper['paper'], list: readonly Keyed[]): string {
  const mine = list.some((s) => s.id === paper.id);
  const all = mine ? list : [...list, { id: paper.id, paper, savedAt: Number.MAX_SAFE_INTEGER }];
  return bibtexKeys(all).get(paper.id)!;
}

/**
 * The list as a .bib file, in list order; a paper listed twice is exported once. A part of the
 * list (a filter, a selection) passes the whole list's `keys`, so each paper keeps its key.
 */
export function toBibtex(list: readonly SavedPaper[], keys = bibtexKeys(list)): string {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const saved of list) {
    if (seen.has(saved.id)) continue;
    seen.add(saved.id);
    entries.push(bibtexEntry(saved, keys.get(saved.id) ?? baseKey(saved.paper), { abstract: true }));
  }
  return entries.join('\n');
}
