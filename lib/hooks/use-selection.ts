import { useState } from 'preact/hooks';

/** A set of ids the user picked (checkboxes): one at a time, all shown at once, or none. */
export function useSelection() {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const select = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const selectOnly = (ids: string[]) => setSelected(new Set(ids));
  return { selected, select, selectOnly, clear: () => setSelected(new Set()) };
}
