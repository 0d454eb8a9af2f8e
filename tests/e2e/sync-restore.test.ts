/**
 * A backup restored after a delete stays restored: the import is the user's edit made now, so the
 * deletion that already synced cannot take the papers away again, on either browser. Two profiles
 * of the same user, the browser's sync service played by the test (tests/support/sync-e2e.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeDay, utcDay } from '../fixtures/papers';
import { launchExtension, type ExtensionSession } from '../support/extension';
import { openSavedDetails, removeSaved, storedSaved, waitForPapers } from '../support/e2e';
import { startStandIn, type StandIn } from '../support/standin';
import { carry, readingList, syncNow } from '../support/sync-e2e';

let hf: StandIn;
let a: ExtensionSession;
let b: ExtensionSession;
const DAY = utcDay(-1);
const items = makeDay(DAY, 4);
const three = items.slice(0, 3).map((i) => i.paper);
const NOTE = 'Section 3 is the key.';

beforeAll(async () => {
  hf = await startStandIn();
  hf.setDay(DAY, items);
  [a, b] = await Promise.all([launchExtension({ port: hf.port }), launchExtension({ port: hf.port })]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await hf?.close();
});

const count = (list: Page) => list.getByRole('article').count();

describe('restoring a backup after a delete that synced', () => {
  it('the restored papers and their note stay, through the next syncs, on both browsers', async () => {
    // A: save three papers, write a note on one.
    const tab = await a.page('newtab.html');
    await waitForPapers(tab, 4);
    for (const p of three) {
      const save = tab.getByRole('article', { name: p.title }).getByRole('button', { name: 'Save' });
      await save.click();
      await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    }
    await tab.close();
    const listA = await readingList(a);
    await openSavedDetails(listA.getByRole('article', { name: three[0]!.title }));
    const note = listA.getByRole('article', { name: three[0]!.title }).getByRole('textbox', { name: 'Note' });
    await note.fill(NOTE);
    await note.blur();
    await expect.poll(async () => (await storedSaved(listA, three[0]!.id))?.note).toBe(NOTE);

    // The options page says what has not synced yet, then that it has.
    const options = await a.page('options.html');
    await syncNow(a);
    await expect.poll(() => options.getByText(/^All 3 papers in the reading list are synced\./).count()).toBe(1);
    await carry(a, b);
    await syncNow(b);
    const listB = await readingList(b);
    await expect.poll(() => count(listB), { timeout: 20_000 }).toBe(3);

    // A: export the backup, remove the three papers, sync the removal to B.
    const [download] = await Promise.all([
      listA.waitForEvent('download'),
      listA.getByRole('button', { name: 'Export JSON backup' }).click(),
    ]);
    const backupPath = (await download.path())!;
    for (const p of three) {
      await removeSaved(listA.getByRole('article', { name: p.title }));
    }
    await expect.poll(() => count(listA)).toBe(0);
    await expect.poll(() => options.getByText('3 changes waiting to sync.', { exact: false }).count()).toBe(1);
    await syncNow(a);
    await carry(a, b);
    await syncNow(b);
    await expect.poll(() => count(listB), { timeout: 20_000 }).toBe(0);

    // A: import the backup.
    await listA.getByLabel('Import (JSON backup or BibTeX)').setInputFiles(backupPath);
    await expect.poll(() => listA.getByText(/Imported 3 papers from the backup: 3 new/).count()).toBe(1);
    await expect.poll(() => count(listA)).toBe(3);
    await expect.poll(() => options.getByText('3 changes waiting to sync.', { exact: false }).count()).toBe(1);

    // The next syncs keep them, on both browsers, note included.
    await syncNow(a);
    await expect.poll(() => options.getByText(/^All 3 papers in the reading list are synced\./).count()).toBe(1);
    await carry(a, b);
    await syncNow(b);
    await carry(b, a);
    await syncNow(a);
    for (const list of [listA, listB]) {
      await expect.poll(() => count(list), { timeout: 20_000 }).toBe(3);
      // At rest the note's first line shows; opened, the whole note.
      await expect
        .poll(() =>
          list
            .getByRole('article', { name: three[0]!.title })
            .getByRole('button', { name: `Note: ${NOTE}` })
            .count(),
        )
        .toBe(1);
      await openSavedDetails(list.getByRole('article', { name: three[0]!.title }));
      expect(
        await list.getByRole('article', { name: three[0]!.title }).getByRole('textbox', { name: 'Note' }).inputValue(),
      ).toBe(NOTE);
    }
    await Promise.all([listA.close(), listB.close(), options.close()]);
  });
});
