/**
 * Zotero, both ways, in the built extension (Chromium: `e2e`, Firefox ESR: `e2e-firefox`) against
 * a stand-in of Zotero desktop's server on 127.0.0.1:23119 (tests/support/fake-zotero.ts, written
 * from Zotero's source; it drops requests without the required header as Zotero 9.0.2 does).
 * Never a real Zotero. The tests follow one user, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDay, utcDay } from '../fixtures/papers';
import { standInPdf } from '../support/standin';
import { scenarioWorld } from '../support/scenario-world';
import { startFakeZotero, type FakeZotero } from '../support/fake-zotero';
import {
  byName,
  clickNamed,
  pageButtonText,
  pageText,
  poll,
  pressPageControl,
  storedSaved,
  waitForPapers,
  waitIn,
  type Tab,
} from '../support/driver';
import { cardAction } from '../support/steps';

let zotero: FakeZotero;
const DAY = utcDay(-1);
const items = makeDay(DAY, 5);
const papers = items.map((i) => i.paper);
const [sent, already, onPage, fromList, imported] = papers as [
  (typeof papers)[0],
  (typeof papers)[0],
  (typeof papers)[0],
  (typeof papers)[0],
  (typeof papers)[0],
];

// Zotero desktop is running before the browser starts, and stops after it.
beforeAll(async () => {
  zotero = await startFakeZotero();
  // Already in the library, as Zotero's arXiv translator saved it (an older version's URL).
  zotero.addItem({ itemType: 'preprint', title: already.title, url: `http://arxiv.org/abs/${already.id}v2` });
});
afterAll(() => zotero?.close());
const { driver } = scenarioWorld({ serve: (hf) => hf.setDay(DAY, items), zoteroAccess: true });

const says = (tab: Tab, what: string, timeoutMs?: number) =>
  waitIn(tab, `the page to say “${what}”`, (w) => document.body.innerText.includes(w), what, timeoutMs);
/** The In Zotero marks shown, as the papers' ids. */
const marked = (tab: Tab) =>
  tab.evaluate(() =>
    [...document.querySelectorAll('article')]
      .filter((a) => a.querySelector('.in-zotero'))
      .map((a) => a.getAttribute('data-paper-id') ?? a.querySelector('h2')?.textContent ?? ''),
  );

async function newTab(): Promise<Tab> {
  const tab = await driver.openNewTab();
  await waitForPapers(tab, 5);
  return tab;
}

describe(`Zotero in ${process.env.PAPERTAB_BROWSER ?? 'chromium'}`, () => {
  it('turning Zotero on asks for access to 127.0.0.1 once, and says what the library holds', async () => {
    const options = await driver.openExtensionPage('options.html');
    const box = await byName(options, 'label.choice', /Send papers to Zotero desktop/);
    if (driver.name === 'firefox') {
      // Refused first: Zotero stays off and the page says why.
      await options.click(`${box} input`);
      await driver.answerPermissionPrompt(false);
      await says(options, 'Papertab needs your permission to reach Zotero on this computer: Zotero stays off.');
    }
    await options.click(`${box} input`);
    await driver.answerPermissionPrompt(true);
    await says(options, 'Zotero is running: 1 arXiv papers in your library.');
    await options.close();
  });

  it('In Zotero marks on the new tab match the library; Send to Zotero saves a full preprint with its PDF', async () => {
    const tab = await newTab();
    await poll(
      () => marked(tab),
      'the In Zotero mark',
      (ids) => ids.join() === already.id,
    );
    await cardAction(tab, sent.title, 'Send to Zotero');
    await says(tab, 'Saved to Zotero: My Library › Reading group');
    expect(zotero.received.items).toHaveLength(1);
    const item = zotero.received.items[0]!;
    expect(item).toMatchObject({
      itemType: 'preprint',
      title: sent.title,
      abstractNote: sent.summary,
      url: `http://arxiv.org/abs/${sent.id}`,
      DOI: `10.48550/arXiv.${sent.id}`,
      archiveID: `arXiv:${sent.id}`,
      repository: 'arXiv',
      date: sent.publishedAt.slice(0, 10),
    });
    expect((item.creators as { lastName?: string; name?: string }[]).length).toBe(sent.authors.length);
    // The PDF, fetched from arXiv and uploaded to Zotero.
    await poll(
      async () => zotero.received.attachments.length,
      'the PDF upload',
      (n) => n === 1,
    );
    expect(zotero.received.attachments[0]).toMatchObject({
      contentType: 'application/pdf',
      body: standInPdf(sent.id),
      metadata: { parentItemID: item.id, url: `https://arxiv.org/pdf/${sent.id}` },
    });
    // Shown as In Zotero at once, without another look at the library.
    await poll(
      () => marked(tab),
      'the sent paper marked',
      (ids) => ids.includes(sent.id),
    );
    // Sending never touched the reading list.
    expect(await storedSaved(tab, sent.id)).toBeUndefined();
    // Moved to another collection among Zotero's targets.
    await tab.select('.zotero-toast select', 'C13');
    await says(tab, 'Moved to My Library › Thesis in Zotero.');
    expect([...zotero.sessions.values()][0]!.target).toBe('C13');
    await tab.close();
  });

  it('on an arXiv page, Send to Zotero sits beside Save and turns to In Zotero', async () => {
    const page = await driver.openWebPage(`https://arxiv.org/abs/${onPage.id}`);
    await poll(
      () => pageButtonText(page, 'zotero'),
      'the Zotero button',
      (t) => t === 'Send to Zotero',
    );
    await pressPageControl(page, 'zotero');
    await poll(
      () => pageText(page),
      'where it went, and In Zotero',
      (t) => t.includes('Saved to Zotero: My Library › Reading group') && t.includes('In Zotero'),
    );
    expect(zotero.received.items.map((i) => i.DOI)).toContain(`10.48550/arXiv.${onPage.id}`);
    await page.close();
  });

  it('the popup and the reading list show the marks; a selection is sent from the reading list', async () => {
    const popup = await driver.openExtensionPage('popup.html');
    await poll(
      () => marked(popup),
      'the popup’s marks',
      (ids) => ids.length >= 3,
    );
    await clickNamed(popup, 'button', 'Save', fromList.title);
    // The popup closes once the save is stored (the reading list's writer loads on the first Save).
    await poll(
      () => storedSaved(popup, fromList.id),
      'the save stored',
      (r) => r !== undefined,
    );
    await popup.close();
    const list = await driver.openExtensionPage('reading-list.html');
    await waitIn(list, 'the saved paper', () => document.querySelectorAll('main article').length === 1);
    expect(await marked(list)).toEqual([]);
    await list.click('main article input.select');
    await clickNamed(list, '.bulk button', 'Send to Zotero');
    await says(list, 'Saved to Zotero: My Library › Reading group');
    await poll(
      () => marked(list),
      'the list’s mark',
      (ids) => ids.join() === fromList.id,
    );
    await list.close();
  });

  it('each failure is one sentence with the way out, and changes nothing', async () => {
    const tab = await newTab();
    const before = zotero.received.items.length;
    await zotero.stop();
    await cardAction(tab, imported.title, 'Send to Zotero');
    await says(tab, 'Start Zotero to send papers.');
    await zotero.start();
    // Too old for uploads: the PDF is listed for Zotero to fetch, and the user is told.
    zotero.state.version = '7.0.15';
    await cardAction(tab, imported.title, 'Send to Zotero');
    await says(tab, 'update to Zotero 7.0.16 or later');
    expect(zotero.received.items.at(-1)!.attachments).toEqual([
      { title: 'Preprint PDF', url: `https://arxiv.org/pdf/${imported.id}`, mimeType: 'application/pdf' },
    ]);
    zotero.state.version = '9.0.2';
    // A Zotero that does not answer: the request times out.
    zotero.state.hang = true;
    await cardAction(tab, imported.title, 'Send to Zotero');
    await says(tab, 'Zotero did not answer in time', 40_000);
    await zotero.stop();
    zotero.state.hang = false;
    await zotero.start();
    expect(zotero.received.items.length).toBe(before + 1);
    await tab.close();
    // The local API switched off: the options say where to switch it on.
    zotero.state.localApi = false;
    const options = await driver.openExtensionPage('options.html');
    await says(
      options,
      'Zotero Settings → Advanced → “Allow other applications on this computer to communicate with Zotero”',
    );
    zotero.state.localApi = true;
    await options.close();
  });

  it('importing a collection brings its arXiv papers into the reading list', async () => {
    zotero.addItem({ itemType: 'journalArticle', title: imported.title, DOI: `10.48550/arXiv.${imported.id}` }, [
      'THESIS34',
    ]);
    zotero.addItem({ itemType: 'book', title: 'A book without arXiv' }, ['THESIS34']);
    const options = await driver.openExtensionPage('options.html');
    await clickNamed(options, 'button', 'Show Zotero’s collections');
    await options.select('section[aria-labelledby="opt-zotero"] select', 'THESIS34');
    await clickNamed(options, 'button', 'Import its arXiv papers');
    // The collection holds the paper moved there earlier and this one (the book is no arXiv paper).
    await says(options, 'Imported 2 papers from Zotero: 2 new, 0 updated, 0 unchanged.');
    await poll(() => storedSaved(options, imported.id), 'the imported paper in the reading list');
    await options.close();
  });
});
