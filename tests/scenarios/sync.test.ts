/**
 * Sync between two browsers (two profiles) of the same user, in Chromium (`e2e`) and in Firefox
 * ESR (`e2e-firefox`): two of that browser, the test playing the browser's sync service
 * (tests/support/sync-e2e.ts); everything else is the real extension in both.
 */
import { describe, expect, it } from 'vitest';
import { makeDailyItem, makeDay, utcDay } from '../fixtures/papers';
import type { StandIn } from '../support/standin';
import { scenarioWorld } from '../support/scenario-world';
import { poll, storedSaved, waitForPapers } from '../support/driver';
import {
  addTagTo,
  cardText,
  field,
  noteOf,
  openPaperPage,
  openReadingList,
  pageSays,
  paperCount,
  readingStatus,
  removeSaved,
  setReadingStatus,
  tagsOf,
  toggleSave,
  valueOf,
  writeNote,
} from '../support/steps';
import { syncBetween } from '../support/sync-e2e';

const DAY = utcDay(-1);
const items = makeDay(DAY, 4);
const [first, second] = [items[0]!.paper, items[1]!.paper];
// Not in the feed: the other browser can only learn its details from Hugging Face.
const outside = makeDailyItem('2501.00088', DAY).paper;

// Two browsers of the same user, each with its own stand-in serving the same Hugging Face.
const serve = (hf: StandIn) => {
  hf.setDay(DAY, items);
  hf.setPaper(outside);
};
const { driver: a } = scenarioWorld({ serve });
const { driver: b, hf: hfOfB } = scenarioWorld({ serve });

describe(`sync between two ${process.env.PAPERTAB_BROWSER ?? 'chromium'} browsers of the same user`, () => {
  it('the reading list (status, tags, notes) and settings follow the user; details are fetched again; the newer edit wins', async () => {
    // Browser A: save two papers, file one, change a setting.
    const tab = await a.openExtensionPage('newtab.html');
    await waitForPapers(tab, 4);
    for (const p of [first, second]) await toggleSave(tab, p.title, true);
    await tab.close();
    const arxiv = await openPaperPage(a, `https://arxiv.org/abs/${outside.id}`, 'false');
    await arxiv.clickPageSave();
    await pageSays(arxiv, 'true');
    await arxiv.close();
    const listA = await openReadingList(a);
    await setReadingStatus(listA, first.title, 'reading');
    await addTagTo(listA, first.title, 'diffusion');
    await writeNote(listA, first.title, 'Section 3 is the key.');
    const optionsA = await a.openExtensionPage('options.html');
    await optionsA.select(await field(optionsA, 'Theme'), 'dark');
    await poll(
      () => storedSaved(listA, first.id),
      'the edits stored',
      (s) => s?.status === 'reading' && s.tags.join() === 'diffusion' && s.note === 'Section 3 is the key.',
    );
    // The theme is written as it is chosen, even with the page closed at once (options.test.ts).
    await optionsA.close();

    hfOfB.requests.length = 0;
    await syncBetween(a, b);

    // Browser B: the same list, filed the same way, with the details fetched from Hugging Face.
    const listB = await openReadingList(b);
    await poll(
      () => paperCount(listB),
      'three papers in B',
      (n) => n === 3,
    );
    expect(await readingStatus(listB, first.title)).toBe('reading');
    expect(await tagsOf(listB, first.title)).toEqual(['diffusion']);
    expect(await noteOf(listB, first.title)).toBe('Section 3 is the key.');
    // Sync carries ids, titles and the user's fields; B fills in the rest from its own feed cache,
    // and asks Hugging Face for the paper its feed does not have.
    expect(await cardText(listB, first.title)).toContain(first.authors[0]!.name);
    await poll(
      () => cardText(listB, outside.title),
      'the details of the paper outside the feed',
      (text) => text.includes(outside.authors[0]!.name),
    );
    expect(hfOfB.requests.some((r) => r.path === `/api/papers/${outside.id}`)).toBe(true);
    const optionsB = await b.openExtensionPage('options.html');
    const theme = await field(optionsB, 'Theme');
    await poll(
      () => valueOf(optionsB, theme),
      'the theme in B',
      (v) => v === 'dark',
    );
    await optionsB.close();

    // B edits the note later; A changes the status meanwhile: each field keeps its newer edit.
    await setReadingStatus(listA, first.title, 'read');
    await writeNote(listB, first.title, 'Revisited: section 4 matters more.');
    // B removes the second paper.
    await removeSaved(listB, second.title);
    await poll(
      async () => (await storedSaved(listA, first.id))?.status,
      'the status stored in A',
      (s) => s === 'read',
    );
    await poll(
      async () => (await storedSaved(listB, first.id))?.note,
      'the note stored in B',
      (n) => n === 'Revisited: section 4 matters more.',
    );

    await syncBetween(a, b, true);

    for (const list of [listA, listB]) {
      await poll(
        () => paperCount(list),
        'two papers',
        (n) => n === 2,
      );
      await poll(
        () => noteOf(list, first.title),
        'the newer note',
        (n) => n === 'Revisited: section 4 matters more.',
      );
      expect(await readingStatus(list, first.title)).toBe('read');
    }
    await Promise.all([listA.close(), listB.close()]);
  });
});
