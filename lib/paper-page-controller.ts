/**
 * The content script's behaviour on paper pages: exactly one Save button, for the paper the page
 * shows now (huggingface.co changes paper without a page load), telling the truth live. It never
 * opens IndexedDB: saves go to the background, and the saved ids come from the mirror in
 * `browser.storage.local`.
 */
import { browser } from 'wxt/browser';
import { paperRefFromUrl } from './arxiv-id';
import { t } from './i18n';
import type { SaveReply } from './save-paper';
import { SAVED_IDS_KEY } from './saved-mirror';
import { findPlacement, readPageMeta, type Placement } from './paper-page';
import { createSaveButton, HOST_TAG, type SaveButtonHandle } from './save-button';

export interface PageContext {
  onInvalidated(cb: () => void): void;
  addEventListener(target: Window, type: 'wxt:locationchange', cb: () => void): void;
}

function toIdSet(value: unknown): Set<string> {
  return new Set(Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []);
}

function isPlaced(host: HTMLElement, p: Placement): boolean {
  if (!host.isConnected) return false;
  if (p.where === 'floating') return host.hasAttribute('data-floating');
  if (p.where === 'append') return host.parentElement?.parentElement === p.anchor;
  return p.anchor.nextElementSibling === host;
}

function place(host: HTMLElement, p: Placement, doc: Document): void {
  if (p.where === 'floating') {
    host.setAttribute('data-floating', '');
    doc.body.append(host);
  } else if (p.where === 'append') {
    const li = doc.createElement('li');
    li.append(host);
    p.anchor.append(li);
  } else p.anchor.after(host);
}

async function sendSave(message: { type: 'savePaper' | 'unsavePaper'; id: string; page?: object }): Promise<SaveReply> {
  try {
    return (await browser.runtime.sendMessage(message)) as SaveReply;
  } catch {
    // The worker may have been stopped mid-request: saving is idempotent, so ask once more.
    await new Promise((r) => setTimeout(r, 400));
    return (await browser.runtime.sendMessage(message)) as SaveReply;
  }
}

export function runPaperPage(ctx: PageContext, doc: Document = document): void {
  let saved = new Set<string>();
  let current: { id: string; handle: SaveButtonHandle; busy: boolean } | undefined;

  const render = () => {
    if (current && !current.busy) current.handle.setState(saved.has(current.id) ? 'saved' : 'unsaved');
  };

  const removeAll = () =>
    doc
      .querySelectorAll(HOST_TAG)
      .forEach((h) => (h.closest('li')?.childElementCount === 1 ? h.closest('li')!.remove() : h.remove()));

  async function toggle() {
    if (!current || current.busy) return;
    const c = current;
    const wasSaved = saved.has(c.id);
    c.busy = true;
    c.handle.setState('busy');
    try {
      const page = wasSaved ? undefined : readPageMeta(doc, new URL(location.href));
      const reply = await sendSave({ type: wasSaved ? 'unsavePaper' : 'savePaper', id: c.id, page });
      c.busy = false;
      if (!reply?.ok) {
        c.handle.setState(wasSaved ? 'saved' : 'unsaved');
        c.handle.setState('error', reply?.message ?? t('pageSaveFailed'));
        return;
      }
      if (reply.saved) saved.add(c.id);
      else saved.delete(c.id);
      render();
    } catch {
      c.busy = false;
      c.handle.setState('error', t('pageSaveFailedRetry'));
    }
  }

  let invalidated = false;

  function ensure() {
    if (invalidated) return;
    const ref = paperRefFromUrl(location.href);
    if (!ref) {
      removeAll();
      current = undefined;
      return;
    }
    const placement = findPlacement(doc, new URL(location.href));
    const hosts = doc.querySelectorAll(HOST_TAG);
    if (current?.id === ref.id && hosts.length === 1 && isPlaced(current.handle.host, placement)) return;
    removeAll();
    const handle = createSaveButton(doc, ref.id, () => void toggle());
    place(handle.host, placement, doc);
    current = { id: ref.id, handle, busy: false };
    render();
  }

  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      ensure();
    });
  };

  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  addEventListener('popstate', schedule);

  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SAVED_IDS_KEY in changes) {
      saved = toIdSet(changes[SAVED_IDS_KEY]!.newValue);
      render();
    }
  };
  browser.storage.onChanged.addListener(onStorage);
  void browser.storage.local.get(SAVED_IDS_KEY).then((v) => {
    saved = toIdSet(v[SAVED_IDS_KEY]);
    render();
  });

  ctx.onInvalidated(() => {
    // A popstate (Back) or a check already queued must not bring back a button nothing answers.
    invalidated = true;
    removeEventListener('popstate', schedule);
    observer.disconnect();
    browser.storage.onChanged.removeListener(onStorage);
    removeAll();
  });
  ensure();
}
