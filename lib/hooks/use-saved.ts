import { useCallback, useRef, useState } from 'preact/hooks';
import { loadDb, readStore } from '../store/raw-read';
import { send } from '../core/send';
import type { Paper } from '../core/paper';
import type { SavedPaper } from '../core/saved';
import { useLiveRead } from './use-live-read';

// Removal and Undo (which need the removed record back) load the reading list's writers on first
// use, not with every page that shows a Save button.
const list = () => import('../reading-list/list');
const readIds = async () => new Set(await readStore((reads) => reads.savedIds()));
const SAVED = ['saved'];

/**
 * Saves through the background, asked in the click's own task: a page closed a moment after the
 * click (the popup, a new tab) cannot lose the save, as it could when the page loaded the writer
 * and wrote itself. Only if the background cannot be asked does the page write.
 */
function saveViaBackground(paper: Paper): Promise<unknown> {
  return send({ type: 'savePaper', id: paper.id })
    .then((reply) => {
      if (!reply?.ok) throw new Error(reply?.message ?? 'no reply');
    })
    .catch(async () => (await list()).savePaper(await loadDb(), paper));
}

/** Saved ids (live, from any page or the background) and a toggle with Undo for removals. */
export function useSaved() {
  const ids = useLiveRead(readIds, SAVED, [], new Set<string>());
  const [removed, setRemoved] = useState<SavedPaper | undefined>();
  // The toggle reads the ids at click time, so it stays one function: memoised cards whose own
  // props did not change are not re-rendered when another paper is saved.
  const current = useRef(ids);
  current.current = ids;
  const toggle = useCallback(async (paper: Paper) => {
    if (!current.current.has(paper.id)) {
      setRemoved(undefined);
      await saveViaBackground(paper);
      return;
    }
    setRemoved(await (await list()).unsavePaper(await loadDb(), paper.id));
  }, []);
  const undo = useCallback(async () => {
    if (removed) await (await list()).restoreSaved(await loadDb(), removed);
    setRemoved(undefined);
  }, [removed]);
  return { ids, toggle, removed, undo, dismiss: () => setRemoved(undefined) };
}
