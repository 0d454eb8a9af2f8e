/**
 * A backup restored after a delete stays restored: the import is the user's edit made now, so the
 * deletion that already synced cannot take the papers away again, on either browser. Two profiles
 * of the same user in Chromium (`e2e`) or Firefox ESR (`e2e-firefox`), the browser's sync service
 * played by the test (tests/support/sync-e2e.ts).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDay, utcDay } from '../fixtures/papers';
import { scenarioWorld } from '../support/scenario-world';
import { byName, poll, storedSaved, waitForPapers, type Tab } from '../support/driver';
import {
  field,
  noteOf,
  openReadingList,
  paperCount,
  removeSaved,
  toggleSave,
  waitText,
  writeNote,
} from '../support/steps';
import { carry, syncNow } from '../support/sync-e2e';

const DAY = utcDay(-1);
const items = makeDay(DAY, 4);
const three = items.slice(0, 3).map((i) => i.paper);
const NOTE = 'Section 3 is the key.';

// Two browsers of the same user, each with its own stand-in serving the same Hugging Face.
const { driver: a } = scenarioWorld({ serve: (hf) => hf.setDay(DAY, items) });
const { driver: b } = scenarioWorld({ serve: (hf) => hf.setDay(DAY, items) });
/** Where the downloaded backup is put for the file picker. */
let files: string;
beforeAll(async () => {
  files = await mkdtemp(join(tmpdir(), 'papertab-restore-'));
});
afterAll(() => rm(files, { recursive: true, force: true }));

const papersIn = (list: Tab, n: number) =>
  poll(
    () => paperCount(list),
    `${n} papers in the list`,
    (c) => c === n,
  );

describe(`restoring a backup after a delete that synced, in ${process.env.PAPERTAB_BROWSER ?? 'chromium'}`, () => {
  it('the restored papers and their note stay, through the next syncs, on both browsers', async () => {
    // A: save three papers, write a note on one.
    const tab = await a.openExtensionPage('newtab.html');
    await waitForPapers(tab, 4);
    for (const p of three) await toggleSave(tab, p.title, true);
    await tab.close();
    const listA = await openReadingList(a);
    await writeNote(listA, three[0]!.title, NOTE);
    await poll(
      async () => (await storedSaved(listA, three[0]!.id))?.note,
      'the note stored',
      (n) => n === NOTE,
    );

    // The options page says what has not synced yet, then that it has.
    const options = await a.openExtensionPage('options.html');
    await syncNow(a);
    await waitText(options, /All 3 papers in the reading list are synced\./);
    await carry(a, b);
    await syncNow(b);
    const listB = await openReadingList(b);
    await papersIn(listB, 3);

    // A: export the backup, remove the three papers, sync the removal to B.
    const backup = await listA.download(await byName(listA, 'button', 'Export JSON backup'));
    const backupPath = join(files, backup.name);
    await writeFile(backupPath, backup.bytes);
    for (const p of three) await removeSaved(listA, p.title);
    await papersIn(listA, 0);
    await waitText(options, '3 changes waiting to sync.');
    await syncNow(a);
    await carry(a, b);
    await syncNow(b);
    await papersIn(listB, 0);

    // A: import the backup.
    await listA.upload(await field(listA, 'Import (JSON backup or BibTeX)'), backupPath);
    await waitText(listA, /Imported 3 papers from the backup: 3 new/);
    await papersIn(listA, 3);
    await waitText(options, '3 changes waiting to sync.');

    // The next syncs keep them, on both browsers, note included.
    await syncNow(a);
    await waitText(options, /All 3 papers in the reading list are synced\./);
    await carry(a, b);
    await syncNow(b);
    await carry(b, a);
    await syncNow(a);
    for (const list of [listA, listB]) {
      await papersIn(list, 3);
      await poll(
        () => noteOf(list, three[0]!.title),
        'the note',
        (n) => n === NOTE,
      );
    }
    await Promise.all([listA.close(), listB.close(), options.close()]);
  });
});
