/**
 * At what pace a page may learn whether a paper is saved. Hugging Face changes paper with
 * `history.pushState`, so a page's own script could move through thousands of ids a second and
 * watch the button; the button is unreadable to it (`save-button.ts`), and on top of that the
 * saved state of a paper not yet shown in this document is told at a person's pace: a few papers
 * at once, then one every `everyMs`. A paper already told is told again at once (back and forth
 * between two papers costs nothing).
 */
export const PACE = { burst: 3, everyMs: 20_000 };

export interface Pace {
  /** 0 if `id`'s state may be shown now (and counts it), else how many ms until it may. */
  wait(id: string): number;
}

export function createPace(now: () => number = Date.now, pace = PACE): Pace {
  const told = new Set<string>();
  let tokens = pace.burst;
  let at = now();
  return {
    wait(id) {
      if (told.has(id)) return 0;
      const t = now();
      tokens = Math.min(pace.burst, tokens + (t - at) / pace.everyMs);
      at = t;
      if (tokens < 1) return Math.ceil((1 - tokens) * pace.everyMs);
      tokens -= 1;
      told.add(id);
      return 0;
    },
  };
}
