// @vitest-environment-options {"url": "https://huggingface.co/papers/2404.12345"}
import { waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runPaperPage, type PageContext } from '@/lib/paper-page/controller';
import { SAVED_IDS_KEY } from '@/lib/core/saved-mirror';
import { HOST_TAG } from '@/lib/paper-page/save-button';
import type { SaveReply } from '@/lib/core/save-request';
import { userClick } from '../support/user-click';
import { createPace } from '@/lib/paper-page/pace';

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
/** The closed shadow roots the content script attaches, as only the extension (and this test) holds them. */
const roots = new WeakMap<Element, ShadowRoot>();
/** The one button's closed root. */
const rootOf = (host: HTMLElement) => roots.get(host)!;
const shadow = () => {
  const all = hosts();
  expect(all).toHaveLength(1);
  // Closed: a page script finds nothing there.
  expect(all[0]!.shadowRoot).toBeNull();
  return within(rootOf(all[0]!) as unknown as HTMLElement);
};
const saveButton = (name: 'Save' | 'Saved' | 'Save…' = 'Save') => shadow().getByRole('button', { name });

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
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
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
  it('is one button, in its own closed shadow root, right after the title, not yet pressed', async () => {
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
    // What a script of huggingface.co could do if it reached the button (the root is closed).
    const button = rootOf(hosts()[0]!).querySelector('button')!;
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

  it('learn nothing from the DOM: not whether this paper is saved, nor any other', async () => {
    const others = ['2301.00001', '2502.00123', 'hep-th/9901001'];
    await fakeBrowser.storage.local.set({ [SAVED_IDS_KEY]: [...others, ID] });
    runPaperPage(ctx, document);
    await waitFor(() => expect(saveButton('Saved').getAttribute('aria-pressed')).toBe('true'));
    // Every text and attribute a page script can read: the closed root is not among them.
    expect(hosts()[0]!.shadowRoot).toBeNull();
    const readable: string[] = [];
    for (const root of [document.documentElement]) {
      const walker = document.createTreeWalker(root);
      for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
        if (node instanceof Element) for (const a of node.attributes) readable.push(a.value);
        else if (node.nodeType === Node.TEXT_NODE) readable.push(node.textContent ?? '');
      }
    }
    expect(readable).toContain(ID);
    expect(readable.join('\n')).not.toMatch(/Saved|true/);
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

describe('a page probing ids with pushState', () => {
  it('learns the saved state of a few papers a minute at most; the person sees it once the pace allows', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `2501.${String(10000 + i)}`);
    const later = '2502.00001';
    await fakeBrowser.storage.local.set({ [SAVED_IDS_KEY]: [...ids, later] });
    let clock = 0;
    runPaperPage(
      ctx,
      document,
      createPace(() => clock),
    );
    await waitFor(() => expect(saveButton('Save').getAttribute('aria-pressed')).toBe('false'));
    const shown: string[] = [];
    for (const id of ids) {
      navigate(`/papers/${id}`);
      await waitFor(() => expect(hosts()[0]?.dataset.paperId).toBe(id));
      const pressed = rootOf(hosts()[0]!).querySelector('button')!.getAttribute('aria-pressed');
      if (pressed === 'true') shown.push(id);
    }
    // The first paper took one of the burst of three: twenty ids in no time tell two.
    expect(shown).toEqual(ids.slice(0, 2));
    expect(saveButton('Save…').getAttribute('aria-busy')).toBe('true');
    // Twenty seconds later (a person reading), the paper on screen is told.
    clock += 20_000;
    navigate(`/papers/${later}`);
    await waitFor(() => expect(hosts()[0]?.dataset.paperId).toBe(later));
    expect(saveButton('Saved').getAttribute('aria-pressed')).toBe('true');
  });

  it('lays out every label in every state (its size never tells which shows), and waits its turn visibly', () => {
    runPaperPage(
      ctx,
      document,
      createPace(() => 0, { burst: 0, everyMs: 1e9 }),
    );
    const button = rootOf(hosts()[0]!).querySelector('button')!;
    const laidOut = () => [...button.children].map((l) => l.textContent).join('|');
    const waiting = laidOut();
    expect(waiting).toBe('☆Save|★Saved|☆Saving…|☆Save…');
    expect(saveButton('Save…').getAttribute('aria-busy')).toBe('true');
    expect(saveButton('Save…').getAttribute('aria-pressed')).toBe('false');
  });
});

describe('Copy BibTeX', () => {
  const copyButton = () => shadow().getByRole('button', { name: 'Copy BibTeX' });

  it("a page script's click copies nothing; a person's click copies the entry on clean lines", async () => {
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    // A title with bidi controls, as a hostile page could give it.
    showPaper('Evil \u202Egnp.exe\u202C and \u2066isolated\u2069 title');
    runPaperPage(ctx, document);
    const button = copyButton();
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r));
    expect(writeText).not.toHaveBeenCalled();
    userClick(button);
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const copied = writeText.mock.calls[0]![0];
    expect(copied).toContain('@misc{');
    expect(copied).toContain('gnp.exe');
    expect(copied).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});
