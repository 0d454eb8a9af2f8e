import { useCallback, useRef, useState } from 'preact/hooks';
import type { Paper } from '../core/paper';
import { updateSettings } from '../core/settings';

/**
 * "Not interested": marks a paper (hidden, and papers like it rank lower in "For you"), with Undo.
 * The marks are a setting (ids, latest first), so they follow the user to other devices with the
 * rest of the settings. A marked paper shown through "Show all" is unmarked by the same button.
 */
export function useNotInterested(stored: string[]) {
  const [last, setLast] = useState<Paper>();
  // The list at click time: two quick clicks must not each write a list missing the other's mark.
  const current = useRef(stored);
  current.current = stored;
  const write = (ids: string[]) => {
    current.current = ids;
    return updateSettings({ notInterested: ids });
  };
  const toggle = useCallback(async (paper: Paper) => {
    const ids = current.current;
    if (ids.includes(paper.id)) {
      setLast(undefined);
      await write(ids.filter((id) => id !== paper.id));
    } else {
      setLast(paper);
      await write([paper.id, ...ids]);
    }
  }, []);
  const undo = useCallback(async () => {
    if (last) await write(current.current.filter((id) => id !== last.id));
    setLast(undefined);
  }, [last]);
  return { toggle, last, undo, dismiss: () => setLast(undefined) };
}
