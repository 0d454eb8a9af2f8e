/**
 * Save on paper pages, in both browsers (Chromium: `e2e`, Firefox ESR: `e2e-firefox`): the one
 * button beside the title on huggingface.co and arXiv (abstract, HTML rendering, any version, www.,
 * old-style ids), reachable by keyboard, following the site's client-side navigation and the
 * browser's Back, kept true when the paper is saved elsewhere; the popup's "Save this paper" for a
 * PDF. And what a web page can do to that button and its channel to the background: nothing, and
 * it learns nothing (the button's root is closed, its size fixed).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDay, utcDay } from '../fixtures/papers';
import { scenarioWorld } from '../support/scenario-world';
import {
  back,
  byName,
  clickNamed,
  pageSaveState,
  poll,
  storedSaved,
  waitForPapers,
  waitIn,
  type Tab,
} from '../support/driver';
import {
  cardText,
  openPaperPage,
  openReadingList,
  pageSays,
  shownIds,
  toggleSave,
  waitPressed,
} from '../support/steps';

const DAY = utcDay(-1);
const items = makeDay(DAY, 8);
const papers = items.map((i) => i.paper);

const { driver } = scenarioWorld({ serve: (hf) => hf.setDay(DAY, items), badge: '8' });
/** An extension page, to read the reading list as stored. */
let store: Tab;
beforeAll(async () => {
  store = await driver.openExtensionPage('popup.html');
});

const isSaved = async (id: string) => (await storedSaved(store, id)) !== undefined;

const paperPage = (url: string, state: 'true' | 'false') => openPaperPage(driver, url, state);

/** The papers in the reading list, by id (a fresh page of it, closed again). */
async function savedIds(): Promise<string[]> {
  const list = await openReadingList(driver);
  const ids = await shownIds(list);
  await list.close();
  return ids;
}

const hostsOn = (tab: Tab) => tab.evaluate(() => document.querySelectorAll('papertab-save').length);
const hostPaper = (tab: Tab, id: string) =>
  waitIn(
    tab,
    `the button to be for ${id}`,
    (i) => document.querySelector('papertab-save')?.getAttribute('data-paper-id') === i,
    id,
  );

describe(`Save on paper pages in ${process.env.PAPERTAB_BROWSER ?? 'chromium'}`, () => {
  it('on huggingface.co: one button beside the title, keyboard-reachable, aria-pressed tells the truth', async () => {
    const paper = papers[0]!;
    const page = await paperPage(`https://huggingface.co/papers/${paper.id}`, 'false');
    expect(await hostsOn(page)).toBe(1);
    // Focus goes to the host, which delegates it to Save; Enter presses it.
    await page.evaluate(() => (document.querySelector('papertab-save') as HTMLElement).focus());
    await page.press('Enter');
    await pageSays(page, 'true');
    expect(await savedIds()).toContain(paper.id);
    await page.close();
  });

  it('on arXiv, any version and with www.: the same paper is one entry, shown as Saved', async () => {
    const paper = papers[0]!;
    for (const url of [`https://arxiv.org/abs/${paper.id}v2`, `https://www.arxiv.org/abs/${paper.id}`]) {
      await (await paperPage(url, 'true')).close();
    }
    expect((await savedIds()).filter((id) => id === paper.id)).toHaveLength(1);
  });

  it('saves a paper Hugging Face does not know from the page itself (old-style id)', async () => {
    const page = await paperPage('https://arxiv.org/abs/hep-th/9901001', 'false');
    await page.clickPageSave();
    await pageSays(page, 'true');
    const list = await openReadingList(driver);
    await poll(() => cardText(list, 'Stand-in Paper hep-th/9901001'), 'the paper in the list');
    await list.close();
    await page.close();
  });

  it('an old-style id with its subject class is the same paper as without it: saved once, shown as Saved on both', async () => {
    // arXiv writes both math.DG/0211159 and math/0211159 for one paper (issue 21).
    const withClass = await paperPage('https://arxiv.org/abs/math.DG/0211159', 'false');
    await withClass.clickPageSave();
    await pageSays(withClass, 'true');
    await withClass.close();
    await (await paperPage('https://arxiv.org/abs/math/0211159', 'true')).close();
    expect((await savedIds()).filter((id) => id.endsWith('/0211159'))).toHaveLength(1);
  });

  it("saves from arXiv's HTML rendering (/html/<id>) a paper Hugging Face does not know, with what the page says", async () => {
    const id = '2502.00123';
    const page = await paperPage(`https://arxiv.org/html/${id}v2`, 'false');
    await page.clickPageSave();
    await pageSays(page, 'true');
    const list = await openReadingList(driver);
    const card = await poll(() => cardText(list, `Stand-in Paper ${id}`), 'the paper in the list');
    // The names, not the affiliations or footnote marks beside them.
    expect(card).toContain('Ada Lovelace, Alan Turing');
    expect(card).not.toContain('Stand-in University');
    await list.close();
    await page.close();
  });

  it("after huggingface.co's client-side navigation Save acts for the paper now shown, and Back brings the first one's back", async () => {
    const [a, b] = [papers[1]!, papers[2]!];
    const page = await paperPage(`https://huggingface.co/papers/${a.id}`, 'false');
    // The page's own script: fetches the paper, rebuilds the section, history.pushState.
    await clickNamed(page, 'a', b.title);
    await hostPaper(page, b.id);
    await page.clickPageSave();
    await pageSays(page, 'true');
    expect(await isSaved(b.id)).toBe(true);
    expect(await isSaved(a.id)).toBe(false);
    await back(page);
    await hostPaper(page, a.id);
    await pageSays(page, 'false');
    expect(await hostsOn(page)).toBe(1);
    await page.close();
  });

  it('updates live when the paper is saved or removed elsewhere', async () => {
    const paper = papers[3]!;
    const page = await paperPage(`https://arxiv.org/abs/${paper.id}`, 'false');
    const tab = await driver.openExtensionPage('newtab.html');
    await waitForPapers(tab, items.length);
    await toggleSave(tab, paper.title, true); // saved in the new tab: the open arXiv page follows
    await pageSays(page, 'true');
    await toggleSave(tab, paper.title, false); // and removed there
    await pageSays(page, 'false');
    await tab.close();
    await page.close();
  });

  it('the popup offers "Save this paper" for the arXiv PDF in the tab the user was looking at', async () => {
    const paper = papers[4]!;
    const pdf = await driver.openWebPage(`https://arxiv.org/pdf/${paper.id}v1`, { pdf: true });
    const popup = await driver.openExtensionPage('popup.html');
    const button = await byName(popup, 'button', 'Save this paper');
    expect(await popup.evaluate(() => document.body.innerText)).toContain(`arXiv:${paper.id}`);
    await waitPressed(popup, button, false);
    await popup.click(button);
    await waitPressed(popup, button, true);
    expect(await savedIds()).toContain(paper.id);
    await popup.close();
    await pdf.close();
  });
});

/**
 * In the page's own world: everything a script can do to reach and press the button. The root is
 * closed, so the script has only the host: clicks and keys on it, and what it can read of it.
 */
function pressLikeAScript(): { shadowRoot: boolean; readable: string } {
  const host = document.querySelector('papertab-save') as HTMLElement;
  host.click();
  host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, detail: 1 }));
  host.focus();
  for (const key of ['Enter', ' ']) {
    for (const type of ['keydown', 'keypress', 'keyup']) {
      host.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, cancelable: true }));
    }
  }
  const readable = [...host.attributes].map((a) => `${a.name}=${a.value}`).join(' ') + host.textContent;
  return { shadowRoot: host.shadowRoot !== null, readable };
}

/** A reply that refused: nothing (no handler answered) or an error. */
const refused = (reply: unknown) => reply === null || String(reply).startsWith('error:');

describe("a page's own scripts", () => {
  it('cannot press Save; a person clicking it still saves', async () => {
    const paper = papers[5]!;
    const page = await paperPage(`https://huggingface.co/papers/${paper.id}`, 'false');
    expect(await page.evaluate(pressLikeAScript)).toEqual({ shadowRoot: false, readable: `data-paper-id=${paper.id}` });
    expect(await pageSaveState(page)).toBe('false');
    expect(await isSaved(paper.id)).toBe(false);

    await page.clickPageSave(); // the browser's own (trusted) mouse click
    await pageSays(page, 'true');
    expect(await isSaved(paper.id)).toBe(true);
    await page.close();
  });

  it('cannot press Saved to remove the paper either, on arXiv', async () => {
    const paper = papers[5]!; // saved by the test above
    const page = await paperPage(`https://arxiv.org/abs/${paper.id}v1`, 'true');
    expect(await page.evaluate(pressLikeAScript)).toEqual({ shadowRoot: false, readable: `data-paper-id=${paper.id}` });
    expect(await pageSaveState(page)).toBe('true');
    expect(await isSaved(paper.id)).toBe(true);
    await page.close();
  });

  it("the content script's channel saves and removes only the paper of the sender's own page (either site, any version)", async () => {
    const [a, b] = ['2502.00881', '2502.00882'];
    const pageA = await paperPage(`https://arxiv.org/abs/${a}v2`, 'false');
    // The channel works: the page's own paper, named with a version.
    expect(await pageA.sendAsContentScript({ type: 'savePaper', id: `${a}v1` })).toMatchObject({
      ok: true,
      saved: true,
    });
    expect(await isSaved(a)).toBe(true);

    // From the page of another paper (what a script of that page could make it send):
    const pageB = await paperPage(`https://arxiv.org/html/${b}`, 'false');
    for (const message of [
      { type: 'unsavePaper', id: a },
      { type: 'savePaper', id: '2502.00883' },
    ]) {
      const reply = await pageB.sendAsContentScript(message);
      expect(refused(reply), JSON.stringify(reply)).toBe(true);
    }
    expect(await isSaved(a)).toBe(true);
    expect(await isSaved('2502.00883')).toBe(false);

    // A Hugging Face page showing no paper (a model) may act for none.
    const model = await driver.openWebPage('https://huggingface.co/meta-llama/Llama-3.1-8B');
    const fromModel = await poll(
      () => model.sendAsContentScript({ type: 'unsavePaper', id: a }),
      'an answer from the model page',
      () => true,
    );
    expect(refused(fromModel), JSON.stringify(fromModel)).toBe(true);
    expect(await isSaved(a)).toBe(true);
    for (const p of [pageA, pageB, model]) await p.close();
  });

  it('a page probing the reading list with pushState reads no state and no size difference, saved or not', async () => {
    const [saved, unsaved] = [papers[6]!, papers[7]!];
    expect(
      await store.evaluate(
        (id) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
          ).chrome.runtime.sendMessage({ type: 'savePaper', id }),
        saved.id,
      ),
    ).toMatchObject({ ok: true });
    expect(await isSaved(saved.id)).toBe(true);
    const page = await paperPage(`https://huggingface.co/papers/${unsaved.id}`, 'false');
    const ids = [saved.id, unsaved.id, ...Array.from({ length: 10 }, (_, i) => `2503.${String(20000 + i)}`), saved.id];
    let readable = 0;
    const sizes = new Set<string>();
    for (const id of ids) {
      await page.evaluate((id) => history.pushState(null, '', `/papers/${id}`), id);
      await hostPaper(page, id);
      // In the page's own world: the button's state through its root, and its size.
      const seen = await page.evaluate(() => {
        const host = document.querySelector('papertab-save') as HTMLElement;
        const r = host.getBoundingClientRect();
        return {
          pressed: host.shadowRoot?.querySelector('button')?.getAttribute('aria-pressed') ?? null,
          size: `${r.width}x${r.height}`,
        };
      });
      if (seen.pressed !== null) readable++;
      sizes.add(seen.size);
    }
    expect(readable).toBe(0);
    expect([...sizes]).toHaveLength(1);
    await page.close();
  });
});
