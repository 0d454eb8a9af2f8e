import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDay, utcDay } from '../fixtures/papers';
import { launchExtension, type ExtensionSession } from '../support/extension';
import { startStandIn, type StandIn } from '../support/standin';
import { storedSaved, waitForBadge } from '../support/e2e';
import { pageSaveButton } from '../support/driver-chromium';

let hf: StandIn;
let ext: ExtensionSession;
const DAY = utcDay(-1);
const items = makeDay(DAY, 6);

beforeAll(async () => {
  hf = await startStandIn();
  hf.setDay(DAY, items);
  ext = await launchExtension({ port: hf.port });
  await waitForBadge(ext, '6');
});
afterAll(async () => {
  await ext?.close();
  await hf?.close();
});

const saveButton = pageSaveButton;

async function savedIds(): Promise<string[]> {
  const list = await ext.page('reading-list.html');
  // The list has loaded once its count reads "N of M papers" (until then it says "Loading…").
  await list
    .getByRole('status')
    .filter({ hasText: / of \d+ papers?/ })
    .waitFor();
  const ids = await list.locator('article').evaluateAll((els) => els.map((e) => e.getAttribute('data-paper-id') ?? ''));
  await list.close();
  return ids;
}

describe('Save on paper pages', () => {
  it('on huggingface.co: one button beside the title, keyboard-reachable, aria-pressed tells the truth', async () => {
    const paper = items[0]!.paper;
    const page = await ext.context.newPage();
    await page.goto(`https://huggingface.co/papers/${paper.id}`);
    const button = saveButton(page);
    await expect.poll(() => button.count()).toBe(1);
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    expect(await savedIds()).toContain(paper.id);
    await page.close();
  });

  it('on arXiv, any version and with www.: the same paper is one entry, shown as Saved', async () => {
    const paper = items[0]!.paper;
    for (const url of [`https://arxiv.org/abs/${paper.id}v2`, `https://www.arxiv.org/abs/${paper.id}`]) {
      const page = await ext.context.newPage();
      await page.goto(url);
      await expect.poll(() => saveButton(page).getAttribute('aria-pressed')).toBe('true');
      await page.close();
    }
    expect((await savedIds()).filter((id) => id === paper.id)).toHaveLength(1);
  });

  it('saves a paper Hugging Face does not know from the page itself (old-style id)', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://arxiv.org/abs/hep-th/9901001');
    await saveButton(page).click();
    await expect.poll(() => saveButton(page).getAttribute('aria-pressed')).toBe('true');
    const list = await ext.page('reading-list.html');
    await expect.poll(() => list.getByRole('article', { name: /Stand-in Paper hep-th\/9901001/ }).count()).toBe(1);
    await list.close();
    await page.close();
  });

  it("saves from arXiv's HTML rendering (/html/<id>) a paper Hugging Face does not know, with what the page says", async () => {
    const id = '2502.00123';
    const page = await ext.context.newPage();
    await page.goto(`https://arxiv.org/html/${id}v2`);
    await saveButton(page).click();
    await expect.poll(() => saveButton(page).getAttribute('aria-pressed')).toBe('true');
    const list = await ext.page('reading-list.html');
    const card = list.getByRole('article', { name: `Stand-in Paper ${id}` });
    await expect.poll(() => card.count()).toBe(1);
    // The names, not the affiliations or footnote marks beside them.
    expect(await card.textContent()).toContain('Ada Lovelace, Alan Turing');
    expect(await card.textContent()).not.toContain('Stand-in University');
    await list.close();
    await page.close();
  });

  it('after client-side navigation the button belongs to the new paper, and there is exactly one', async () => {
    const [a, b] = [items[1]!.paper, items[2]!.paper];
    const page = await ext.context.newPage();
    await page.goto(`https://huggingface.co/papers/${a.id}`);
    await saveButton(page).click();
    await expect.poll(() => saveButton(page).getAttribute('aria-pressed')).toBe('true');
    // The page's own script: fetches the paper, rebuilds the section, history.pushState.
    await page.getByRole('link', { name: b.title }).click();
    await expect.poll(() => page.url()).toBe(`https://huggingface.co/papers/${b.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(b.title);
    await expect.poll(() => page.locator('papertab-save').getAttribute('data-paper-id')).toBe(b.id);
    expect(await saveButton(page).count()).toBe(1);
    expect(await saveButton(page).getAttribute('aria-pressed')).toBe('false');
    await page.goBack();
    await expect.poll(() => page.locator('papertab-save').getAttribute('data-paper-id')).toBe(a.id);
    await expect.poll(() => saveButton(page).getAttribute('aria-pressed')).toBe('true');
    expect(await saveButton(page).count()).toBe(1);
    await page.close();
  });

  it('updates live when the paper is saved or removed elsewhere', async () => {
    const paper = items[3]!.paper;
    const page = await ext.context.newPage();
    await page.goto(`https://arxiv.org/abs/${paper.id}`);
    await expect.poll(() => saveButton(page).getAttribute('aria-pressed')).toBe('false');
    const tab = await ext.page('newtab.html');
    const elsewhere = tab.getByRole('article', { name: paper.title }).getByRole('button', { name: 'Save' });
    await elsewhere.click(); // saved in the new tab: the open arXiv page follows
    await expect.poll(() => saveButton(page).getAttribute('aria-pressed')).toBe('true');
    await elsewhere.click(); // and removed there
    await expect.poll(() => saveButton(page).getAttribute('aria-pressed')).toBe('false');
    await tab.close();
    await page.close();
  });
});

describe('Save in the popup', () => {
  it('the first Save of a popup is kept even when the popup closes the moment it is clicked', async () => {
    const paper = items[5]!.paper;
    const popup = await ext.page('popup.html');
    const save = popup.getByRole('article', { name: paper.title }).getByRole('button', { name: 'Save' });
    await save.waitFor();
    // The popup closes in the click's own task, as one does when it loses focus: before the page's
    // writer could load (the click used to load it first, so closing at once lost the save).
    await popup.evaluate(() => document.addEventListener('click', () => window.close()));
    await Promise.all([popup.waitForEvent('close'), save.click({ noWaitAfter: true }).catch(() => undefined)]);
    const reader = await ext.page('options.html');
    await expect.poll(() => storedSaved(reader, paper.id).then((r) => r?.status)).toBe('to-read');
    await reader.close();
  });
});

describe('PDF pages and links', () => {
  it('the popup offers "Save this paper" for the arXiv PDF in the tab the user was looking at', async () => {
    const paper = items[4]!.paper;
    const pdf = await ext.context.newPage();
    await pdf.goto(`https://arxiv.org/pdf/${paper.id}v1`).catch(() => undefined);
    const popup = await ext.page('popup.html');
    const button = popup.getByRole('button', { name: 'Save this paper' });
    await expect.poll(() => button.count()).toBe(1);
    expect(await popup.getByText(`arXiv:${paper.id}`).count()).toBe(1);
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    expect(await savedIds()).toContain(paper.id);
    await popup.close();
    await pdf.close();
  });
});
