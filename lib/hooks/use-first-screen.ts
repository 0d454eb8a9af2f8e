import { useEffect, useState } from 'preact/hooks';
import type { Paper } from '../core/paper';

/** Result cards rendered at a keystroke: about a screenful; the rest of the page follows after the frame. */
export const FIRST_SCREEN = 4;

const idsOf = (papers: readonly Paper[] | undefined) => papers?.map((p) => p.id).join(' ');

/**
 * How many of `papers` (a keystroke's results) to render: results that changed render the first
 * screen, so they show within the frame; the rest follows once that frame is painted. Results
 * the same as those shown render all at once.
 */
export function useFirstScreen(papers: readonly Paper[] | undefined): number {
  const [whole, setWhole] = useState<readonly Paper[]>();
  const all = papers?.length ?? 0;
  const same = !!papers && (whole === papers || idsOf(whole) === idsOf(papers));
  useEffect(() => {
    if (!papers || same) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setWhole(papers))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [papers]);
  return same ? all : Math.min(all, FIRST_SCREEN);
}
