/**
 * Sync between two browsers (two profiles) of the same user. The test plays the browser's sync
 * service (tests/support/sync-e2e.ts); everything else is the real extension in both browsers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDailyItem, makeDay, utcDay } from '../fixtures/papers';
import { launchExtension, type ExtensionSession } from '../support/extension';
import { startStandIn, type StandIn } from '../support/standin';
import { openSavedDetails, removeSaved, storedSaved, waitForPapers } from '../support/e2e';
import { carry, readingList, syncNow } from '../support/sync-e2e';
import { pageSaveButton } from '../support/driver-chromium';

let hf: StandIn;
let a: ExtensionSession;
let b: ExtensionSession;
const DAY = utcDay(-1);
const items = makeDay(DAY, 4);
const [first, second] = items.map((i) => i.paper);
// Not in the feed: the other browser can only learn its details from Hugging Face.
const outside = makeDailyItem('2501.00088', DAY).paper;

beforeAll(async () => {
  hf = await startStandIn();
  hf.setDay(DAY, items);
  hf.setPaper(outside);
  [a, b] = await Promise.all([launchExtension({ port: hf.port }), launchExtension({ port: hf.port })]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await hf?.close();
});

describe('sync between two browsers of the same user', () => {
  it('the reading list (status, tags, notes) and settings follow the user; details are fetched again; the newer edit wins', async () => {
    // Browser A: save two papers, file one, change a setting.
    const tab = await a.page('newtab.html');
    await waitForPapers(tab, 4);
    for (const p of [first!, second!]) {
      const save = tab.getByRole('article', { name: p.title }).getByRole('button', { name: 'Save' });
      await save.click();
      await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    }
    await tab.close();
    const arxiv = await a.context.newPage();
    await arxiv.goto(`https://arxiv.org/abs/${outside.id}`);
    await pageSaveButton(arxiv).click();
    await expect.poll(() => pageSaveButton(arxiv).getAttribute('aria-pressed')).toBe('true');
    await arxiv.close();
    const listA = await readingList(a);
    const cardA = listA.getByRole('article', { name: first!.title });
    await openSavedDetails(cardA);
    await cardA.getByRole('combobox', { name: 'Status' }).selectOption('reading');
    await cardA.getByRole('textbox', { name: `Add a tag to “${first!.title}”` }).fill('diffusion');
    await cardA.getByRole('textbox', { name: `Add a tag to “${first!.title}”` }).press('Enter');
    await cardA.getByRole('textbox', { name: 'Note' }).fill('Section 3 is the key.');
    await cardA.getByRole('textbox', { name: 'Note' }).blur();
    const optionsA = await a.page('options.html');
    await optionsA.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect
      .poll(() => storedSaved(listA, first!.id))
      .toMatchObject({ status: 'reading', tags: ['diffusion'], note: 'Section 3 is the key.' });
    // The theme is written as it is chosen, even with the page closed at once (options.test.ts).
    await optionsA.close();

    await syncNow(a);
    hf.requests.length = 0;
    await carry(a, b);
    await syncNow(b);

    // Browser B: the same list, filed the same way, with the details fetched from Hugging Face.
    const listB = await readingList(b);
    await expect.poll(() => listB.getByRole('article').count(), { timeout: 20_000 }).toBe(3);
    const cardB = listB.getByRole('article', { name: first!.title });
    await openSavedDetails(cardB);
    expect(await cardB.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('reading');
    expect(await cardB.getByRole('list', { name: 'Tags' }).textContent()).toContain('diffusion');
    expect(await cardB.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('Section 3 is the key.');
    // Sync carries ids, titles and the user's fields; B fills in the rest from its own feed cache,
    // and asks Hugging Face for the paper its feed does not have.
    expect(await cardB.textContent()).toContain(first!.authors[0]!.name);
    const outsideB = listB.getByRole('article', { name: outside.title });
    await expect.poll(() => outsideB.textContent(), { timeout: 20_000 }).toContain(outside.authors[0]!.name);
    expect(hf.requests.some((r) => r.path === `/api/papers/${outside.id}`)).toBe(true);
    const optionsB = await b.page('options.html');
    await expect.poll(() => optionsB.getByRole('combobox', { name: 'Theme' }).inputValue()).toBe('dark');
    await optionsB.close();

    // B edits the note later; A changes the status meanwhile: each field keeps its newer edit.
    await cardA.getByRole('combobox', { name: 'Status' }).selectOption('read');
    await cardB.getByRole('textbox', { name: 'Note' }).fill('Revisited: section 4 matters more.');
    await cardB.getByRole('textbox', { name: 'Note' }).blur();
    // B removes the second paper.
    await removeSaved(listB.getByRole('article', { name: second!.title }));
    await expect.poll(() => listB.getByRole('article').count()).toBe(2);
    await expect.poll(async () => (await storedSaved(listA, first!.id))?.status).toBe('read');
    await expect
      .poll(async () => (await storedSaved(listB, first!.id))?.note)
      .toBe('Revisited: section 4 matters more.');

    await syncNow(a);
    await carry(a, b);
    await syncNow(b);
    await carry(b, a);
    await syncNow(a);

    for (const list of [listA, listB]) {
      await expect.poll(() => list.getByRole('article').count(), { timeout: 20_000 }).toBe(2);
      const card = list.getByRole('article', { name: first!.title });
      await openSavedDetails(card);
      await expect
        .poll(() => card.getByRole('textbox', { name: 'Note' }).inputValue())
        .toBe('Revisited: section 4 matters more.');
      expect(await card.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('read');
    }
    await Promise.all([listA.close(), listB.close()]);
  });
});
