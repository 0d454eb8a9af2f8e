/**
 * "Already in Zotero": one question to the local API for the whole library, kept for a short
 * while, mirrored to storage for every view. A paper sent from Papertab counts at once.
 */
import { browser } from 'wxt/browser';
import { IN_ZOTERO_KEY, parseInZotero, type InZotero } from '../core/zotero-mirror';
import { ZoteroError, type ZoteroDeps } from './http';
import { arxivItems } from './local-api';
import { idsInLibrary } from './match';
import { failureMessage } from './states';

/** A view opened within this long of the last read asks nothing of Zotero. */
export const IN_ZOTERO_FRESH_MS = 60_000;

export async function readInZotero(): Promise<InZotero> {
  return parseInZotero((await browser.storage.local.get(IN_ZOTERO_KEY))[IN_ZOTERO_KEY]);
}

async function write(value: InZotero): Promise<void> {
  await browser.storage.local.set({ [IN_ZOTERO_KEY]: value });
}

export interface LibraryDeps extends ZoteroDeps {
  now: () => number;
  hasPermission(): Promise<boolean>;
}

/** Reads the library again unless the last read is fresh (or `force`); one read at a time. */
export function createLibraryCheck(deps: LibraryDeps) {
  let running: Promise<InZotero> | undefined;
  async function run(): Promise<InZotero> {
    const held = await readInZotero();
    let next: InZotero;
    try {
      if (!(await deps.hasPermission())) throw new ZoteroError('no-permission');
      next = { at: deps.now(), ids: [...idsInLibrary(await arxivItems(deps))].sort() };
    } catch (err) {
      // The marks last known stay (they are still likely true); the problem is said beside them.
      const kind = err instanceof ZoteroError ? err.kind : 'failed';
      next = { at: deps.now(), ids: held.ids, problem: failureMessage(kind) };
    }
    await write(next);
    return next;
  }
  return {
    async check(force = false): Promise<InZotero> {
      const held = await readInZotero();
      if (!force && !held.problem && held.at && deps.now() - held.at < IN_ZOTERO_FRESH_MS) return held;
      running ??= run().finally(() => (running = undefined));
      return running;
    },
    /** Papers just sent: marked at once, before the next read of the library. */
    async add(ids: readonly string[]): Promise<void> {
      const held = await readInZotero();
      await write({ ...held, ids: [...new Set([...held.ids, ...ids])].sort() });
    },
  };
}
