import { useCallback, useState } from 'preact/hooks';
import { db } from './db';
import type { Paper } from './paper';
import { restoreSaved, savedIds, savePaper, unsavePaper, type SavedPaper } from './reading-list';
import { useLiveQuery } from './use-live-query';

/** Saved ids (live, from any page or the background) and a toggle with Undo for removals. */
export function useSaved() {
  const ids = useLiveQuery(() => savedIds(db()), [], new Set<string>());
  const [removed, setRemoved] = useState<SavedPaper | undefined>();
  const toggle = useCallback(
    async (paper: Paper) => {
      if (ids.has(paper.id)) setRemoved(await unsavePaper(db(), paper.id));
      else {
        await savePaper(db(), paper);
        setRemoved(undefined);
      }
    },
    [ids],
  );
  const undo = useCallback(async () => {
    if (removed) await restoreSaved(db(), removed);
    setRemoved(undefined);
  }, [removed]);
  return { ids, toggle, removed, undo, dismiss: () => setRemoved(undefined) };
}
