import { useCallback, useRef, useState } from 'preact/hooks';
import { db } from '../store/db';
import type { Paper } from '../core/paper';
import type { SavedPaper } from '../core/saved';
import { useLiveQuery } from './use-live-query';

// The reading list's writers (and the sync bookkeeping they carry) load on the first save or
// removal, not with every page that shows a Save button.
const list = () => import('../reading-list/list');
const readIds = async () => new Set((await db().saved.toCollection().primaryKeys()) as string[]);

/** Saved ids (live, from any page or the background) and a toggle with Undo for removals. */
export function useSaved() {
  const ids = useLiveQuery(readIds, [], new Set<string>());
  const [removed, setRemoved] = useState<SavedPaper | undefined>();
  // The toggle reads the ids at click time, so it stays one function: memoised cards whose own
  // props did not change are not re-rendered when another paper is saved.
  const current = useRef(ids);
  current.current = ids;
  const toggle = useCallback(async (paper: Paper) => {
    const { savePaper, unsavePaper } = await list();
    if (current.current.has(paper.id)) setRemoved(await unsavePaper(db(), paper.id));
    else {
      await savePaper(db(), paper);
      setRemoved(undefined);
    }
  }, []);
  const undo = useCallback(async () => {
    if (removed) await (await list()).restoreSaved(db(), removed);
    setRemoved(undefined);
  }, [removed]);
  return { ids, toggle, removed, undo, dismiss: () => setRemoved(undefined) };
}
