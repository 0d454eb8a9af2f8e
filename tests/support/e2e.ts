/** Shared steps for end-to-end tests of the built extension. */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from './extension';
import { STATE_LIMIT_MS, until } from './until';

export { fireAlarm, fireRefreshAlarm } from './extension';

/** Waits for the badge text (plain polling, so it also works in hooks). */
export async function waitForBadge(ext: ExtensionSession, expected: string, timeoutMs = STATE_LIMIT_MS): Promise<void> {
  await until(
    `badge "${expected}"`,
    () => ext.badgeText(),
    (text) => text === expected,
    timeoutMs,
  );
}

/** Titles of the papers shown, in order (articles are headed by their title). */
export async function shownTitles(page: Page): Promise<string[]> {
  return page.locator('article h2').allTextContents();
}

/**
 * Waits for the live page (its h1: the new tab's first paint from the snapshot has none) and for
 * `count` papers.
 */
export async function waitForPapers(page: Page, count: number, timeoutMs = STATE_LIMIT_MS): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: timeoutMs });
  await expect.poll(() => page.getByRole('article').count(), { timeout: timeoutMs, interval: 100 }).toBe(count);
}

export type StoredSaved = { status: string; tags: string[]; note: string } | undefined;

/**
 * Runs inside an extension page (Chromium or Firefox): the reading-list record as stored in that
 * page's own IndexedDB. Self-contained, since the drivers send its source to the page.
 */
export function readSavedInPage(key: string): Promise<StoredSaved> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('papertab');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('saved').objectStore('saved').get(key);
      get.onsuccess = () => {
        open.result.close();
        resolve(get.result as StoredSaved);
      };
      get.onerror = () => reject(get.error);
    };
  });
}

/**
 * A reading-list record as stored (read from the extension page's own IndexedDB): for waiting until
 * an edit is written, instead of sleeping.
 */
export async function storedSaved(page: Page, id: string): Promise<StoredSaved> {
  return page.evaluate(readSavedInPage, id);
}

/** Opens the new tab's one "Order and filters" control: its order, With code and layout buttons stay reachable while it is open. */
export async function openOrderAndFilters(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: /Order and filters/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.locator('#view-options-panel').waitFor();
}

/** Opens a saved paper's whole note, status and tags in place (at rest the reading list shows the note's first line). */
export async function openSavedDetails(card: Locator): Promise<void> {
  const toggle = card.getByRole('button', { name: /^(Note: |Add a note$)/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Removes a saved paper from the reading list through its "More actions" menu. */
export async function removeSaved(card: Locator): Promise<void> {
  await card.getByRole('button', { name: /^More actions for/ }).click();
  await card.getByRole('menuitem', { name: 'Remove' }).click();
}
