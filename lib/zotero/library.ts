/**
 * "Already in Zotero": one question to the local API for the whole library, kept for a short
 * while, mirrored to storage for every view. A paper sent from Papertab counts at once.
 */
import { browser } from 'wxt/browser';
import { IN_ZOTERO_KEY, parseInZotero, type InZotero } from '../core/zotero-mirror';
import { ZoteroError, type ZoteroAccessDeps } from './http';
import { arxivItems } from './local-api';
import { idsInLibrary } from './match';
import { failureMessage } from './states';

/** A view opened within this long of the last read asks nothing of Zotero. */
export const IN_ZOTERO_FRESH_MS = 60_000;

export async function readInZotero(): Promise<InZotero> {
  return parseInZotero((await browser.storage.local.get(IN_ZOTERO_KEY))[IN_ZOTERO_KEY]);
}

export interface LibraryDeps extends ZoteroAccessDeps {
  now: () => number;
}

export function createLibraryCheck(deps: LibraryDeps) {
  // Every change to the mirror is a read-modify-write: one at a time, so none undoes another.
  let writes: Promise<unknown> = Promise.resolve();
  function mutate(change: (held: InZotero) => InZotero): Promise<InZotero> {
    const next = writes.then(async () => {
      const value = change(await readInZotero());
      await browser.storage.local.set({ [IN_ZOTERO_KEY]: value });
      return value;
    });
    writes = next.catch(() => undefined);
    return next;
  }

  let running: Promise<InZotero> | undefined;
  /** Papers sent while a read of the library is under way: that read may predate them. */
  let sentDuring: Set<string> | undefined;
  async function run(): Promise<InZotero> {
    try {
      if (!(await deps.hasPermission())) throw new ZoteroError('no-permission');
      const ids = idsInLibrary(await arxivItems(deps));
      return await mutate((held) => {
        for (const id of sentDuring ?? []) ids.add(id);
        return { at: deps.now(), ids: [...ids].sort(), ...(held.enabled ? { enabled: true } : {}) };
      });
    } catch (err) {
      // The marks last known stay (they are still likely true); the problem is said beside them.
      const problem = failureMessage(err instanceof ZoteroError ? err.kind : 'failed');
      return mutate((held) => ({ ...held, at: deps.now(), problem }));
    }
  }
  return {
    /** Reads the library again unless the last read is fresh (or `force`); one read at a time. */
    async check(force = false): Promise<InZotero> {
      const held = await readInZotero();
      if (!force && !held.problem && held.at && deps.now() - held.at < IN_ZOTERO_FRESH_MS) return held;
      if (!running) {
        sentDuring = new Set();
        running = run().finally(() => {
          running = undefined;
          sentDuring = undefined;
        });
      }
      return running;
    },
    /** Whether Zotero is on, for the paper-page button (which reads only this mirror); off forgets the marks. */
    async setEnabled(enabled: boolean): Promise<void> {
      await mutate((held) =>
        !!held.enabled === enabled ? held : enabled ? { at: 0, ids: [], enabled } : { at: 0, ids: [] },
      );
    },
    /** Papers just sent: marked at once, before the next read of the library. */
    async add(ids: readonly string[]): Promise<void> {
      for (const id of ids) sentDuring?.add(id);
      await mutate((held) => ({ ...held, ids: [...new Set([...held.ids, ...ids])].sort() }));
    },
  };
}
