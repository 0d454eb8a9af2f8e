/**
 * The content script's behaviour on paper pages: exactly one Save button, for the paper the page
 * shows now (huggingface.co changes paper without a page load), telling the truth live. It never
 * opens IndexedDB: saves go to the background, and the saved ids come from the mirror in
 * `browser.storage.local`, read (and followed) only while the page is a paper page. The page
 * itself learns no more than what the button shows: whether its own paper is saved.
 *
 * It runs on every huggingface.co page, most of them models, datasets and spaces whose DOM never
 * stops changing: there, a DOM change costs one string comparison (has the URL changed?).
 */
import { browser } from 'wxt/browser';
import { paperRefFromUrl } from '../core/arxiv-id';
import { t } from '../core/i18n';
import type { SaveReply } from '../core/save-request';
import { SAVED_IDS_KEY } from '../core/saved-mirror';
import { IN_ZOTERO_KEY, NOTHING_IN_ZOTERO, parseInZotero, type InZotero } from '../core/zotero-mirror';
import { findPlacement, readPageMeta, type Placement } from './read-page';
import { createSaveButton, HOST_TAG, type SaveButtonHandle } from './save-button';
import { pageBibtex, writeClipboard } from './copy-bibtex';

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
  /** The saved-ids mirror, while on a paper page (empty elsewhere: nothing reads it there). */
  let saved = new Set<string>();
  let following = false;
  /** The "In Zotero" mirror (lib/core/zotero-mirror.ts): whether Zotero is on, and what its library holds. */
  let zotero: InZotero = NOTHING_IN_ZOTERO;
  let current:
    { id: string; handle: SaveButtonHandle; busy: boolean; sending?: boolean; checked?: boolean } | undefined;
  /** Off paper pages, the URL last seen: until it changes, a DOM change has nothing to do. */
  let idleHref: string | undefined;
  let invalidated = false;

  const render = () => {
    if (current && !current.busy) current.handle.setState(saved.has(current.id) ? 'saved' : 'unsaved');
    if (current && !current.sending) {
      current.handle.setZotero(!zotero.enabled ? 'hidden' : zotero.ids.includes(current.id) ? 'in' : 'send');
      // One look at the library per paper shown (the background answers from its cache when fresh).
      if (zotero.enabled && !current.checked) {
        current.checked = true;
        void browser.runtime.sendMessage({ type: 'zoteroCheck', id: current.id }).catch(() => undefined);
      }
    }
  };

  const removeAll = () =>
    doc
      .querySelectorAll(HOST_TAG)
      .forEach((h) => (h.closest('li')?.childElementCount === 1 ? h.closest('li')!.remove() : h.remove()));

  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SAVED_IDS_KEY in changes) saved = toIdSet(changes[SAVED_IDS_KEY]!.newValue);
    if (area === 'local' && IN_ZOTERO_KEY in changes) zotero = parseInZotero(changes[IN_ZOTERO_KEY]!.newValue);
    if (area === 'local' && (SAVED_IDS_KEY in changes || IN_ZOTERO_KEY in changes)) render();
  };

  /** On a paper page: read the mirror, and follow it as other pages save and remove papers. */
  function follow() {
    following = true;
    browser.storage.onChanged.addListener(onStorage);
    void browser.storage.local.get([SAVED_IDS_KEY, IN_ZOTERO_KEY]).then((v) => {
      if (!following) return; // left paper pages meanwhile
      saved = toIdSet(v[SAVED_IDS_KEY]);
      zotero = parseInZotero(v[IN_ZOTERO_KEY]);
      render();
    });
  }

  function unfollow() {
    following = false;
    browser.storage.onChanged.removeListener(onStorage);
    saved = new Set();
    zotero = NOTHING_IN_ZOTERO;
  }

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

  /** Send to Zotero: the background sends only the paper this tab shows, and answers where it went. */
  async function sendToZotero() {
    if (!current || current.sending) return;
    const c = current;
    c.sending = true;
    c.handle.setZotero('busy');
    const page = readPageMeta(doc, new URL(location.href));
    const reply = (await browser.runtime
      .sendMessage({ type: 'zoteroSend', ids: [c.id], page })
      .catch(() => undefined)) as { ok: boolean; message: string } | undefined;
    c.sending = false;
    c.handle.say(reply?.message ?? t('pageSaveFailedRetry'), !!reply?.ok);
    render();
  }

  async function copyBibtex() {
    if (!current) return;
    const { id, handle } = current;
    const text = pageBibtex(id, readPageMeta(doc, new URL(location.href)));
    handle.showCopied(await writeClipboard(doc, text, handle.host.shadowRoot!));
  }

  function ensure() {
    if (invalidated) return;
    const href = location.href;
    const ref = paperRefFromUrl(href);
    if (!ref) {
      idleHref = href;
      if (current) removeAll();
      current = undefined;
      if (following) unfollow();
      return;
    }
    idleHref = undefined;
    if (!following) follow();
    const placement = findPlacement(doc, new URL(href));
    const hosts = doc.querySelectorAll(HOST_TAG);
    if (current?.id === ref.id && hosts.length === 1 && isPlaced(current.handle.host, placement)) return;
    removeAll();
    const handle = createSaveButton(
      doc,
      ref.id,
      () => void toggle(),
      () => void copyBibtex(),
      () => void sendToZotero(),
    );
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

  // Off paper pages this is all a DOM change costs; a client-side navigation changes the URL.
  const observer = new MutationObserver(() => {
    if (idleHref === undefined || location.href !== idleHref) schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  addEventListener('popstate', schedule);

  ctx.onInvalidated(() => {
    // A popstate (Back) or a check already queued must not bring back a button nothing answers.
    invalidated = true;
    removeEventListener('popstate', schedule);
    observer.disconnect();
    unfollow();
    removeAll();
  });
  ensure();
}
