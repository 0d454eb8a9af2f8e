import { useCallback, useRef, useState } from 'preact/hooks';
import { db } from '../store/db';
import type { Paper } from '../core/paper';
import { restoreSaved, savedIds, savePaper, unsavePaper } from '../reading-list/list';
import type { SavedPaper } from '../core/saved';
import { useLiveQuery } from './use-live-query';

/** Saved ids (live, from any page or the background) and a toggle with Undo for removals. */
export function useSaved() {
  const ids = useLiveQuery(() => savedIds(db()), [], new Set<string>());
  const [removed, setRemoved] = useState<SavedPaper | undefined>();
  // The toggle reads the ids at click time, so it stays one function: memoised cards whose own
  // props did not change are not re-rendered when another paper is saved.
  const current = useRef(ids);
  current.current = ids;
  const toggle = useCallback(async (paper: Paper) => {
    if (current.current.has(paper.id)) setRemoved(await unsavePaper(db(), paper.id));
    else {
      await savePaper(db(), paper);
      setRemoved(undefined);
    }
  }, []);
  const undo = useCallback(async () => {
    if (removed) await restoreSaved(db(), removed);
    setRemoved(undefined);
  }, [removed]);
  return { ids, toggle, removed, undo, dismiss: () => setRemoved(undefined) };
}
