// What a web page can do to the Save button and its channel to the background: nothing beyond
// learning whether its own paper is saved. The pages here are huggingface.co and arxiv.org (the
// stand-in); their own scripts run in the main world, as Playwright's page.evaluate does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeDay, utcDay } from '../fixtures/papers';
import { contentScriptWorld } from '../support/content-world';
import { launchExtension, type ExtensionSession } from '../support/extension';
import { startStandIn, type StandIn } from '../support/standin';
import { storedSaved, waitForBadge } from '../support/e2e';

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

const saveButton = (page: Page) => page.getByRole('button', { name: /^(Save|Saved|Saving…)$/ });
const isSaved = async (id: string) => (await storedSaved(list, id)) !== undefined;

/**
 * In the page's own world: everything a script can do to press the button (its shadow root is
 * open), returning the button's state right after each attempt. A click that acted would show
 * "Saving…" at once (the button turns busy in the click handler itself).
 */
function pressLikeAScript(): { how: string; label: string; busy: string | null }[] {
  const button = document.querySelector('papertab-save')!.shadowRoot!.querySelector('button')!;
  const state = (how: string) => ({
    how,
    label: button.textContent ?? '',
    busy: button.getAttribute('aria-busy'),
  });
  const out = [];
  button.click();
  out.push(state('button.click()'));
  button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, detail: 1 }));
  out.push(state('a synthetic MouseEvent'));
  button.focus();
  for (const key of ['Enter', ' ']) {
    for (const type of ['keydown', 'keypress', 'keyup']) {
      button.dispatchEvent(
        new KeyboardEvent(type, { key, code: key === ' ' ? 'Space' : 'Enter', bubbles: true, cancelable: true }),
      );
    }
    out.push(state(`synthetic ${key === ' ' ? 'Space' : 'Enter'} key events`));
  }
  return out;
}

describe("a page's own scripts", () => {
  it('cannot press Save; a person clicking it still saves', async () => {
    const paper = items[0]!.paper;
    const page = await ext.context.newPage();
    await page.goto(`https://huggingface.co/papers/${paper.id}`);
    await expect.poll(() => saveButton(page).getAttribute('aria-pressed')).toBe('false');
    for (const attempt of await page.evaluate(pressLikeAScript)) {
      expect(attempt, attempt.how).toEqual({ how: attempt.how, label: '☆Save', busy: 'false' });
    }
    expect(await saveButton(page).getAttribute('aria-pressed')).toBe('false');
    expect(await isSaved(paper.id)).toBe(false);

    await saveButton(page).click(); // Playwright's click is a real (trusted) mouse click
    await expect.poll(() => saveButton(page).getAttribute('aria-pressed')).toBe('true');
    expect(await isSaved(paper.id)).toBe(true);
    await page.close();
  });

  it('cannot press Saved to remove the paper either, on arXiv', async () => {
    const paper = items[0]!.paper; // saved by the test above
    const page = await ext.context.newPage();
    await page.goto(`https://arxiv.org/abs/${paper.id}v1`);
    await expect.poll(() => saveButton(page).getAttribute('aria-pressed')).toBe('true');
    for (const attempt of await page.evaluate(pressLikeAScript)) {
      expect(attempt, attempt.how).toEqual({ how: attempt.how, label: '★Saved', busy: 'false' });
    }
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
    await saveButton(pageA).waitFor();
    // The channel works: the page's own paper, named with a version.
    expect(await sendAsContentScript(pageA, { type: 'savePaper', id: `${a}v1` })).toMatchObject({
      ok: true,
      saved: true,
    });
    expect(await isSaved(a)).toBe(true);

    // From the page of another paper (what a script of that page could make it send):
    const pageB = await ext.context.newPage();
    await pageB.goto(`https://arxiv.org/html/${b}`);
    await saveButton(pageB).waitFor();
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
    await saveButton(page).waitFor();
    // The page's own script: fetches the paper, rebuilds the section, history.pushState.
    await page.getByRole('link', { name: b.title }).click();
    await expect.poll(() => page.locator('papertab-save').getAttribute('data-paper-id')).toBe(b.id);
    await saveButton(page).click();
    await expect.poll(() => saveButton(page).getAttribute('aria-pressed')).toBe('true');
    expect(await isSaved(b.id)).toBe(true);
    expect(await isSaved(a.id)).toBe(false);
    await page.close();
  });
});
