/** Where a save went, named as Zotero's tree names it: "My Library › Reading group". Pure. */
import type { Selected, Target } from './schemas';

export interface TargetChoice {
  /** `L1` or `C12`, as updateSession takes it. */
  id: string;
  /** The path from the library down, joined with ›. */
  label: string;
}

/** The path of `targets[index]`: the nearest entry of each lower level before it, then itself. */
function pathAt(targets: readonly Target[], index: number): string {
  const parts = [targets[index]!.name];
  let level = targets[index]!.level;
  for (let i = index - 1; i >= 0 && level > 0; i--) {
    if (targets[i]!.level < level) {
      parts.unshift(targets[i]!.name);
      level = targets[i]!.level;
    }
  }
  return parts.join(' › ');
}

/** Every target Zotero offers, each named by its path. */
export function targetChoices(targets: readonly Target[]): TargetChoice[] {
  return targets.map((t, i) => ({ id: t.id, label: pathAt(targets, i) }));
}

/** The target selected in Zotero now, with its path. */
export function selectedTarget(sel: Selected): TargetChoice {
  const id = sel.id === null || sel.id === undefined ? `L${sel.libraryID}` : `C${sel.id}`;
  const index = sel.targets.findIndex((t) => t.id === id);
  if (index >= 0) return { id, label: pathAt(sel.targets, index) };
  return { id, label: sel.id === null || sel.id === undefined ? sel.libraryName : `${sel.libraryName} › ${sel.name}` };
}
