/**
 * A synchronous copy of what a glance view last showed, in the extension's localStorage, so the
 * next page paints before IndexedDB has even opened. It is only a cache of the cache: anything
 * odd in it is ignored and the page waits for IndexedDB instead.
 */
import type { Paper } from '../core/paper';

export function readSnapshot<T extends { papers: Paper[] }>(key: string): T | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as T;
    if (!value || typeof value !== 'object' || !Array.isArray(value.papers)) return undefined;
    return value;
  } catch {
    return undefined;
  }
}

export function writeSnapshot(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota or disabled storage: the next paint just waits for IndexedDB.
  }
}
