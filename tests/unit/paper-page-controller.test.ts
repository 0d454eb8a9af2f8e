// @vitest-environment-options {"url": "https://huggingface.co/papers/2404.12345"}
import { waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runPaperPage, type PageContext } from '@/lib/paper-page/controller';
import { SAVED_IDS_KEY } from '@/lib/core/saved-mirror';
import { HOST_TAG } from '@/lib/paper-page/save-button';
import type { SaveReply } from '@/lib/core/save-request';
import { userClick } from '../support/user-click';

const ID = '2404.12345';
const OTHER = '2405.00001';
const START_URL = `https://huggingface.co/papers/${ID}`;

/** A WXT content-script context: its listeners go away when it is invalidated (extension update). */
function fakeContext() {
  const onInvalid: (() => void)[] = [];
  const listeners: [Window, string, () => void][] = [];
  const ctx: PageContext & { invalidate(): void } = {
    onInvalidated: (cb) => void onInvalid.push(cb),
    addEventListener(target, type, cb) {
      target.addEventListener(type, cb);
      listeners.push([target, type, cb]);
    },
    invalidate() {
      for (const [target, type, cb] of listeners.splice(0)) target.removeEventListener(type, cb);
      for (const cb of onInvalid.splice(0)) cb();
    },
  };
  return ctx;
}

/** Hugging Face's paper page for `title`, as its client-side router renders it. */
function showPaper(title: string, abstract = `Abstract of ${title}.`) {
  const main = document.createElement('main');
  const section = document.createElement('section');
  const h1 = document.createElement('h1');
  h1.textContent = title;
  const p = document.createElement('p');
  p.textContent = abstract;
  section.append(h1, p);
  main.append(section);
  document.body.replaceChildren(main);
}

/** Client-side navigation: the URL changes without a page load; WXT reports it as `wxt:locationchange`. */
function navigate(path: string) {
  history.pushState(null, '', path);
  window.dispatchEvent(new Event('wxt:locationchange'));
}

const hosts = () => [...document.querySelectorAll<HTMLElement>(HOST_TAG)];
const shadow = () => {
  const all = hosts();
  expect(all).toHaveLength(1);
  expect(all[0]!.shadowRoot).not.toBeNull();
  return within(all[0]!.shadowRoot as unknown as HTMLElement);
};
const saveButton = (name: 'Save' | 'Saved' = 'Save') => shadow().getByRole('button', { name });

function stubSend(...replies: (SaveReply | Error)[]) {
  const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
  for (const r of replies) {
    if (r instanceof Error) send.mockRejectedValueOnce(r);
    else send.mockResolvedValueOnce(r);
  }
  return send;
}

let ctx: ReturnType<typeof fakeContext>;

beforeEach(() => {
  history.replaceState(null, '', START_URL);
  showPaper('Origami Folding with Language Models', 'We fold paper.');
  ctx = fakeContext();
});
afterEach(() => {
  ctx.invalidate();
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('the Save button on a Hugging Face paper page', () => {
  it('is one button, in its own open shadow root, right after the title, not yet pressed', async () => {
    runPaperPage(ctx, document);
    const button = saveButton();
    expect(button.getAttribute('aria-pressed')).toBe('false');
    const host = hosts()[0]!;
    expect(host.dataset.paperId).toBe(ID);
    expect(host.previousElementSibling?.tagName).toBe('H1');
    // Its own mutation (placing the button) does not make a second one.
    await Promise.resolve();
    expect(hosts()).toHaveLength(1);
  });

  it('shows Saved when the saved-ids mirror already lists the paper', async () => {
    await fakeBrowser.storage.local.set({ [SAVED_IDS_KEY]: ['2301.00001', ID] });
    runPaperPage(ctx, document);
    await waitFor(() => expect(saveButton('Saved').getAttribute('aria-pressed')).toBe('true'));
    expect(saveButton('Saved').textContent).toContain('Saved');
  });

  it('follows the saved-ids mirror live, as other pages save and remove the paper', async () => {
    runPaperPage(ctx, document);
    await fakeBrowser.storage.local.set({ [SAVED_IDS_KEY]: [ID] });
    await waitFor(() => expect(saveButton('Saved').getAttribute('aria-pressed')).toBe('true'));
    await fakeBrowser.storage.local.set({ [SAVED_IDS_KEY]: [] });
    await waitFor(() => expect(saveButton('Save').getAttribute('aria-pressed')).toBe('false'));
  });

  it('a malformed mirror counts as nothing saved', async () => {
    await fakeBrowser.storage.local.set({ [SAVED_IDS_KEY]: { [ID]: true } });
    runPaperPage(ctx, document);
    await fakeBrowser.storage.local.set({ [SAVED_IDS_KEY]: `${ID}` });
    await new Promise((r) => setTimeout(r));
    expect(saveButton('Save').getAttribute('aria-pressed')).toBe('false');
  });

  it('clicking asks the background to save the paper, with what the page says, and shows Saved', async () => {
    const send = stubSend({ ok: true, saved: true, message: 'Saved.' });
    runPaperPage(ctx, document);
    userClick(saveButton());
    await waitFor(() => expect(saveButton('Saved').getAttribute('aria-pressed')).toBe('true'));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({
      type: 'savePaper',
      id: ID,
      page: { title: 'Origami Folding with Language Models', abstract: 'We fold paper.' },
    });
  });

  it('clicking Saved asks to remove it, and shows Save again', async () => {
    await fakeBrowser.storage.local.set({ [SAVED_IDS_KEY]: [ID] });
    const send = stubSend({ ok: true, saved: false, message: 'Removed.' });
    runPaperPage(ctx, document);
    await waitFor(() => saveButton('Saved'));
    userClick(saveButton('Saved'));
    await waitFor(() => expect(saveButton('Save').getAttribute('aria-pressed')).toBe('false'));
    expect(send).toHaveBeenCalledWith({ type: 'unsavePaper', id: ID, page: undefined });
  });

  it("shows the background's message when it could not save, and stays unsaved", async () => {
    stubSend({ ok: false, saved: false, message: 'Not an arXiv paper id.' });
    runPaperPage(ctx, document);
    userClick(saveButton());
    await waitFor(() => expect(shadow().getByRole('status').textContent).toBe('Not an arXiv paper id.'));
    expect(saveButton('Save').getAttribute('aria-pressed')).toBe('false');
  });

  it('asks once more when the worker was stopped mid-request', async () => {
    const send = stubSend(new Error('Could not establish connection'), { ok: true, saved: true, message: 'Saved.' });
    runPaperPage(ctx, document);
    userClick(saveButton());
    await waitFor(() => expect(saveButton('Saved').getAttribute('aria-pressed')).toBe('true'));
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('comes back when the page re-renders its title region', async () => {
    runPaperPage(ctx, document);
    showPaper('Origami Folding with Language Models');
    await waitFor(() => expect(hosts()).toHaveLength(1));
    expect(hosts()[0]!.previousElementSibling?.tagName).toBe('H1');
  });
});

describe("the page's own scripts", () => {
  it('cannot press the button: a script click or synthetic key or mouse events save nothing; a person can', async () => {
    const send = stubSend({ ok: true, saved: true, message: 'Saved.' });
    runPaperPage(ctx, document);
    // What a script of huggingface.co can do: the shadow root is open.
    const button = hosts()[0]!.shadowRoot!.querySelector('button')!;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    button.focus();
    for (const key of ['Enter', ' ']) {
      button.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      button.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true }));
    }
    await new Promise((r) => setTimeout(r));
    expect(send).not.toHaveBeenCalled();
    expect(saveButton('Save').getAttribute('aria-pressed')).toBe('false');
    // The person using the page (a mouse click, or Enter/Space on the focused button: both trusted clicks).
    userClick(button);
    await waitFor(() => expect(saveButton('Saved').getAttribute('aria-pressed')).toBe('true'));
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('learn from the DOM whether this paper is saved, and nothing about any other', async () => {
    const others = ['2301.00001', '2502.00123', 'hep-th/9901001'];
    await fakeBrowser.storage.local.set({ [SAVED_IDS_KEY]: [...others, ID] });
    runPaperPage(ctx, document);
    await waitFor(() => expect(saveButton('Saved').getAttribute('aria-pressed')).toBe('true'));
    // Every text and attribute a page script can read, the open shadow root's included.
    const readable: string[] = [];
    for (const root of [document.documentElement, hosts()[0]!.shadowRoot!]) {
      const walker = document.createTreeWalker(root);
      for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
        if (node instanceof Element) for (const a of node.attributes) readable.push(a.value);
        else if (node.nodeType === Node.TEXT_NODE) readable.push(node.textContent ?? '');
      }
    }
    expect(readable).toContain(ID);
    for (const other of others) expect(readable.join('\n')).not.toContain(other);
  });
});

describe('on the other huggingface.co pages (models, datasets, spaces)', () => {
  const MODEL = '/meta-llama/Llama-3.1-8B';
  // The fake's events have hasListeners(), which its types leave out.
  const mirrorFollowed = () => (fakeBrowser.storage.onChanged as unknown as { hasListeners(): boolean }).hasListeners();

  /** `n` separate DOM changes, each delivered to mutation observers before the next. */
  async function mutationBatches(n: number) {
    for (let i = 0; i < n; i++) {
      const div = document.createElement('div');
      div.textContent = `row ${i}`;
      document.body.append(div);
      await new Promise((r) => setTimeout(r));
    }
  }

  it('cost one comparison per DOM change: no DOM query, no storage read, no mirror listener', async () => {
    history.replaceState(null, '', MODEL);
    showPaper('Llama 3.1 8B');
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const query = vi.spyOn(document, 'querySelectorAll');
    const queryOne = vi.spyOn(document, 'querySelector');
    runPaperPage(ctx, document);
    await mutationBatches(50);
    expect(query).not.toHaveBeenCalled();
    expect(queryOne).not.toHaveBeenCalled();
    expect(get).not.toHaveBeenCalled();
    expect(mirrorFollowed()).toBe(false);
    expect(hosts()).toHaveLength(0);
  });

  it('notice a client-side navigation to a paper (even without a location event) and only then read the mirror', async () => {
    await fakeBrowser.storage.local.set({ [SAVED_IDS_KEY]: [ID] });
    history.replaceState(null, '', MODEL);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    runPaperPage(ctx, document);
    await mutationBatches(3);
    expect(get).not.toHaveBeenCalled();
    history.pushState(null, '', `/papers/${ID}`);
    showPaper('Origami Folding with Language Models');
    await waitFor(() => expect(saveButton('Saved').getAttribute('aria-pressed')).toBe('true'));
    expect(get).toHaveBeenCalledTimes(1);
    expect(mirrorFollowed()).toBe(true);
    // And off paper pages again: the mirror is no longer followed.
    navigate(MODEL);
    await waitFor(() => expect(hosts()).toHaveLength(0));
    expect(mirrorFollowed()).toBe(false);
  });
});

describe('client-side navigation', () => {
  it('moving to another paper gives one button, for the new paper', async () => {
    await fakeBrowser.storage.local.set({ [SAVED_IDS_KEY]: [OTHER] });
    runPaperPage(ctx, document);
    await waitFor(() => expect(saveButton('Save').getAttribute('aria-pressed')).toBe('false'));
    navigate(`/papers/${OTHER}`);
    showPaper('Another Paper');
    await waitFor(() => expect(hosts()[0]?.dataset.paperId).toBe(OTHER));
    expect(hosts()).toHaveLength(1);
    expect(saveButton('Saved').getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelector('main h1')?.nextElementSibling).toBe(hosts()[0]);
  });

  it('moving off papers (a listing, a model page) removes the button', async () => {
    runPaperPage(ctx, document);
    expect(hosts()).toHaveLength(1);
    navigate('/papers/trending');
    await waitFor(() => expect(hosts()).toHaveLength(0));
    navigate('/meta-llama/Llama-3.1-8B');
    showPaper('Llama 3.1 8B');
    await new Promise((r) => setTimeout(r));
    expect(hosts()).toHaveLength(0);
    // And back to a paper: the button returns.
    navigate(`/papers/${ID}`);
    await waitFor(() => expect(hosts()).toHaveLength(1));
  });
});

describe('when the extension goes away (update, reload)', () => {
  it('the button is removed and does not come back', async () => {
    runPaperPage(ctx, document);
    expect(hosts()).toHaveLength(1);
    ctx.invalidate();
    expect(hosts()).toHaveLength(0);
    showPaper('Origami Folding with Language Models');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await new Promise((r) => setTimeout(r));
    expect(hosts()).toHaveLength(0);
    // Nor does it listen to the mirror any more.
    await fakeBrowser.storage.local.set({ [SAVED_IDS_KEY]: [ID] });
    expect(hosts()).toHaveLength(0);
  });
});
