// What a web page can do to the Save button and its channel to the background: nothing, and it
// learns nothing (the button's root is closed, its size fixed, new papers told at a person's pace). The pages here are huggingface.co and arxiv.org (the
// stand-in); their own scripts run in the main world, as Playwright's page.evaluate does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeDay, utcDay } from '../fixtures/papers';
import { contentScriptWorld } from '../support/content-world';
import { launchExtension, type ExtensionSession } from '../support/extension';
import { startStandIn, type StandIn } from '../support/standin';
import { storedSaved, waitForBadge } from '../support/e2e';
import { pageSaveState } from '../support/driver-chromium';
import { PAGE_SAVE_AT, PAGE_SAVE_HOST } from '../support/driver';

let hf: StandIn;
let ext: ExtensionSession;
let list: Page;
const DAY = utcDay(-1);
const items = makeDay(DAY, 4);

beforeAll(async () => {
  hf = await startStandIn();
  hf.setDay(DAY, items);
  ext = await launchExtension({ port: hf.port });
  await waitForBadge(ext, '4');
  // An extension page, to read the reading list as stored.
  list = await ext.page('reading-list.html');
});
afterAll(async () => {
  await ext?.close();
  await hf?.close();
});

/** The Save button as a person (and the browser's automation) sees it: its closed root is not the page's. */
const pressed = (page: Page) => pageSaveState(page);
const clickSave = (page: Page) => page.locator(PAGE_SAVE_HOST).first().click({ position: PAGE_SAVE_AT });
const buttonShown = (page: Page) => expect.poll(() => pressed(page)).not.toBeNull();
const isSaved = async (id: string) => (await storedSaved(list, id)) !== undefined;

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

describe("a page's own scripts", () => {
  it('cannot press Save; a person clicking it still saves', async () => {
    const paper = items[0]!.paper;
    const page = await ext.context.newPage();
    await page.goto(`https://huggingface.co/papers/${paper.id}`);
    await expect.poll(() => pressed(page)).toBe('false');
    expect(await page.evaluate(pressLikeAScript)).toEqual({ shadowRoot: false, readable: `data-paper-id=${paper.id}` });
    expect(await pressed(page)).toBe('false');
    expect(await isSaved(paper.id)).toBe(false);

    await clickSave(page); // Playwright's click is a real (trusted) mouse click
    await expect.poll(() => pressed(page)).toBe('true');
    expect(await isSaved(paper.id)).toBe(true);
    await page.close();
  });

  it('cannot press Saved to remove the paper either, on arXiv', async () => {
    const paper = items[0]!.paper; // saved by the test above
    const page = await ext.context.newPage();
    await page.goto(`https://arxiv.org/abs/${paper.id}v1`);
    await expect.poll(() => pressed(page)).toBe('true');
    expect(await page.evaluate(pressLikeAScript)).toEqual({ shadowRoot: false, readable: `data-paper-id=${paper.id}` });
    expect(await pressed(page)).toBe('true');
    expect(await isSaved(paper.id)).toBe(true);
    await page.close();
  });
});

describe("the content script's channel to the background", () => {
  /** Sends `message` as the content script of `page` (in its isolated world) and returns the reply. */
  async function sendAsContentScript(page: Page, message: object): Promise<unknown> {
    const world = await contentScriptWorld(page, ext.extensionId);
    try {
      return await world.evaluate(
        `chrome.runtime.sendMessage(${JSON.stringify(message)}).then((r) => r ?? null, (e) => 'error: ' + e.message)`,
      );
    } finally {
      await world.close();
    }
  }

  it("saves and removes only the paper of the sender's own page (either site, any version)", async () => {
    const [a, b] = ['2502.00881', '2502.00882'];
    const pageA = await ext.context.newPage();
    await pageA.goto(`https://arxiv.org/abs/${a}v2`);
    await buttonShown(pageA);
    // The channel works: the page's own paper, named with a version.
    expect(await sendAsContentScript(pageA, { type: 'savePaper', id: `${a}v1` })).toMatchObject({
      ok: true,
      saved: true,
    });
    expect(await isSaved(a)).toBe(true);

    // From the page of another paper (what a script of that page could make it send):
    const pageB = await ext.context.newPage();
    await pageB.goto(`https://arxiv.org/html/${b}`);
    await buttonShown(pageB);
    const refused = [
      await sendAsContentScript(pageB, { type: 'unsavePaper', id: a }),
      await sendAsContentScript(pageB, { type: 'savePaper', id: '2502.00883' }),
    ];
    for (const reply of refused) expect(reply === null || String(reply).startsWith('error:'), String(reply)).toBe(true);
    expect(await isSaved(a)).toBe(true);
    expect(await isSaved('2502.00883')).toBe(false);

    // A Hugging Face page showing no paper (a model) may act for none.
    const model = await ext.context.newPage();
    await model.goto('https://huggingface.co/meta-llama/Llama-3.1-8B');
    const fromModel = await sendAsContentScript(model, { type: 'unsavePaper', id: a });
    expect(fromModel === null || String(fromModel).startsWith('error:'), String(fromModel)).toBe(true);
    expect(await isSaved(a)).toBe(true);
    for (const p of [pageA, pageB, model]) await p.close();
  });

  it("after Hugging Face's client-side navigation, Save acts for the paper now shown", async () => {
    const [a, b] = [items[1]!.paper, items[2]!.paper];
    const page = await ext.context.newPage();
    await page.goto(`https://huggingface.co/papers/${a.id}`);
    await buttonShown(page);
    // The page's own script: fetches the paper, rebuilds the section, history.pushState.
    await page.getByRole('link', { name: b.title }).click();
    await expect.poll(() => page.locator('papertab-save').getAttribute('data-paper-id')).toBe(b.id);
    await clickSave(page);
    await expect.poll(() => pressed(page)).toBe('true');
    expect(await isSaved(b.id)).toBe(true);
    expect(await isSaved(a.id)).toBe(false);
    await page.close();
  });
});

describe('a page probing the reading list with pushState', () => {
  /**
   * The probe of the issue, in the page's own world: pushState through ids, reading the button's
   * state (aria-pressed through the shadow root) and its size after each. It finds nothing.
   */
  async function probe(ids: string[]): Promise<{ readable: number; sizes: string[] }> {
    let readable = 0;
    const sizes = new Set<string>();
    for (const id of ids) {
      await page.evaluate((id) => history.pushState(null, '', `/papers/${id}`), id);
      await expect.poll(() => page.locator('papertab-save').getAttribute('data-paper-id')).toBe(id);
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
    return { readable, sizes: [...sizes] };
  }
  let page: Page;

  it('reads no state and no size difference, saved or not', async () => {
    const [saved, unsaved] = [items[3]!.paper, items[2]!.paper];
    const popup = await ext.page('popup.html');
    await popup.evaluate(
      (id) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ type: 'savePaper', id }),
      saved.id,
    );
    expect(await isSaved(saved.id)).toBe(true);
    page = await ext.context.newPage();
    await page.goto(`https://huggingface.co/papers/${unsaved.id}`);
    await buttonShown(page);
    const ids = [saved.id, unsaved.id, ...Array.from({ length: 10 }, (_, i) => `2503.${String(20000 + i)}`), saved.id];
    const found = await probe(ids);
    expect(found.readable).toBe(0);
    expect(found.sizes).toHaveLength(1);
    await page.close();
    await popup.close();
  });
});
