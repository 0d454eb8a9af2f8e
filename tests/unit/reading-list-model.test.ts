/**
 * The whole reading list against a model (issue 8): three devices sharing one sync area, each with
 * its own clock (up to a day off, jumping now and then), run random sequences of saves, removals,
 * Undo, edits, bulk edits, JSON and BibTeX export and import, cache clearing, worker restarts and
 * interrupted syncs, syncing in any order. Once every device has synced, each must show exactly
 * what the user last did: the papers last saved, with their last note, status and tags; the papers
 * last removed, gone; nothing twice. See tests/support/reading-list-world.ts.
 *
 * A failure prints fast-check's seed and path; replay it with
 * `MODEL_SEED=<seed> MODEL_PATH=<path> npx vitest run --project unit tests/unit/reading-list-model.test.ts`.
 * `MODEL_RUNS` sets the number of runs (150 by default).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario, scenarioArb, type Scenario } from '../support/reading-list-world';

const HOUR = 3_600_000;

async function check(s: Scenario): Promise<void> {
  const { expected, views } = await runScenario(s);
  views.forEach((view, d) => expect(view, `device ${d}`).toEqual(expected));
}

describe('the reading list on several devices, against the model', () => {
  const seed = process.env.MODEL_SEED ? Number(process.env.MODEL_SEED) : undefined;
  const params = {
    numRuns: Number(process.env.MODEL_RUNS ?? 100),
    ...(seed === undefined ? {} : { seed, path: process.env.MODEL_PATH }),
  };

  it('every device ends as the user left it, with every clock right (property)', async () => {
    // fast-check's message names the seed and path, then the shrunk command list.
    await fc.assert(
      fc.asyncProperty(scenarioArb(false), (s) => check(s)),
      params,
    );
  }, 120_000);

  it('every device ends as the user left it, whatever the clocks say (property)', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb(true), (s) => check(s)),
      params,
    );
  }, 120_000);

  // Shrunk counterexamples found by the property, kept as they were found. Commands: `d` a device
  // (0–2), `p`/`ps` papers (0–3); every command is one more minute of real time.
  describe('regressions', () => {
    it('bug 1: a backup imported after a removal stays (the deletion record must not delete it again)', async () => {
      await check({
        skews: [0, 0, 0],
        cmds: [
          { k: 'save', d: 0, p: 0 },
          { k: 'export', d: 0, format: 'json' },
          { k: 'unsave', d: 0, p: 0 },
          { k: 'sync', d: 0, interrupt: false },
          { k: 'import', d: 0, file: 0 },
        ],
      });
    });

    it('bug 2: a note edited on a device behind another one`s clock is kept', async () => {
      await check({
        skews: [HOUR, 0, 0],
        cmds: [
          { k: 'save', d: 0, p: 0 },
          { k: 'note', d: 1, p: 0, note: 'a' },
        ],
      });
    });
  });
});
