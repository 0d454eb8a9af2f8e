/**
 * The content script's behaviour on paper pages: exactly one Save button, for the paper the page
 * shows now (huggingface.co changes paper without a page load), telling the truth live. It never
 * opens IndexedDB: saves (and sends to Zotero) go to the background (through the message table,
 * lib/core/messages.ts), and the saved ids and Zotero's marks come from the mirrors
 * (`mirror-follower.ts`). The page itself learns nothing:
 * the button's root is closed, its size never depends on its state, and a paper not yet shown in
 * this document has its state told at a person's pace (`pace.ts`).
 *
 * It runs on every huggingface.co page, most of them models, datasets and spaces whose DOM never
 * stops changing: there, a DOM change costs one string comparison (has the URL changed?).
 */
import { paperRefFromUrl } from '../core/arxiv-id';
import { t } from '../core/i18n';
import { send } from '../core/send';
import type { PageMeta, SaveReply } from '../core/save-request';
import { findPlacement, readPageMeta, type Placement } from './read-page';
import { createSaveButton, HOST_TAG, type SaveButtonHandle } from './save-button';
import { pageBibtex, writeClipboard } from './copy-bibtex';
import { followSavedMirror, type MirrorFollower } from './mirror-follower';
import type { InZotero } from '../core/zotero-mirror';
import { createPace, type Pace } from './pace';

export interface PageContext {
  onInvalidated(cb: () => void): void;
  addEventListener(target: Window, type: 'wxt:locationchange', cb: () => void): void;
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

function removeAll(doc: Document): void {
  doc
    .querySelectorAll(HOST_TAG)
    .forEach((h) => (h.closest('li')?.childElementCount === 1 ? h.closest('li')!.remove() : h.remove()));
}

type SaveMessage = { type: 'savePaper'; id: string; page?: PageMeta } | { type: 'unsavePaper'; id: string };
async function sendSave(message: SaveMessage): Promise<SaveReply> {
  try {
    return await send(message);
  } catch {
    // The worker may have been stopped mid-request: saving is idempotent, so ask once more.
    await new Promise((r) => setTimeout(r, 400));
    return await send(message);
  }
}

interface Current {
  id: string;
  handle: SaveButtonHandle;
  busy: boolean;
  /** Sending to Zotero; `checked`: Zotero's library was asked about this paper once. */
  sending?: boolean;
  checked?: boolean;
  /** Whether this paper's saved state may be shown yet (`pace.ts`). */
  told: boolean;
}

/**
 * The Zotero button: like Save, what the library holds is shown (and Zotero asked, once per
 * paper) only for a paper whose state may be told (`pace.ts`); until then it offers to send.
 */
function renderZotero(c: Current, zotero: InZotero): void {
  if (!zotero.enabled) return c.handle.setZotero('hidden');
  c.handle.setZotero(c.told && zotero.ids.includes(c.id) ? 'in' : 'send');
  // One look at the library per paper shown (the background answers from its cache when fresh).
  if (c.told && !c.checked) {
    c.checked = true;
    void send({ type: 'zoteroCheck', id: c.id }).catch(() => undefined);
  }
}

/** A person pressed Save (or Saved): ask the background, then show what it answered. */
async function saveOrRemove(c: Current, mirror: MirrorFollower, doc: Document, render: () => void): Promise<void> {
  // Not yet told: the person pressed Save (saving a saved paper changes nothing).
  const wasSaved = c.told && mirror.has(c.id);
  c.busy = true;
  c.handle.setState('busy');
  try {
    const page = wasSaved ? undefined : readPageMeta(doc, new URL(location.href));
    const reply = await sendSave(wasSaved ? { type: 'unsavePaper', id: c.id } : { type: 'savePaper', id: c.id, page });
    c.busy = false;
    if (!reply?.ok) {
      render();
      c.handle.setState('error', reply?.message ?? t('pageSaveFailed'));
      return;
    }
    mirror.set(c.id, reply.saved);
    c.told = true;
    render();
  } catch {
    c.busy = false;
    c.handle.setState('error', t('pageSaveFailedRetry'));
  }
}

export function runPaperPage(ctx: PageContext, doc: Document = document, pace: Pace = createPace()): void {
  let current: Current | undefined;
  /** Off paper pages, the URL last seen: until it changes, a DOM change has nothing to do. */
  let idleHref: string | undefined;
  let invalidated = false;
  let paceTimer: ReturnType<typeof setTimeout> | undefined;

  const render = () => {
    if (!current) return;
    const c = current;
    if (!c.busy) c.handle.setState(!c.told ? 'checking' : mirror.has(c.id) ? 'saved' : 'unsaved');
    if (!c.sending) renderZotero(c, mirror.zotero());
  };
  const mirror = followSavedMirror(render);

  /** Tells the current paper's state once the pace allows it (at once, most of the time). */
  function tell(c: Current) {
    clearTimeout(paceTimer);
    const wait = pace.wait(c.id);
    c.told = wait === 0;
    if (!c.told) paceTimer = setTimeout(() => current === c && !invalidated && tell(c), wait);
    render();
  }

  const toggle = () => {
    if (current && !current.busy) void saveOrRemove(current, mirror, doc, render);
  };

  /** Send to Zotero: the background sends only the paper this tab shows, and answers where it went. */
  async function sendToZotero() {
    if (!current || current.sending) return;
    const c = current;
    c.sending = true;
    c.handle.setZotero('busy');
    const page = readPageMeta(doc, new URL(location.href));
    const reply = await send({ type: 'zoteroSend', ids: [c.id], page }).catch(() => undefined);
    c.sending = false;
    c.handle.say(reply?.message ?? t('pageSaveFailedRetry'), !!reply?.ok);
    render();
  }

  async function copyBibtex() {
    if (!current) return;
    const { id, handle } = current;
    const text = pageBibtex(id, readPageMeta(doc, new URL(location.href)));
    handle.showCopied(await writeClipboard(doc, text, handle.root));
  }

  function ensure() {
    if (invalidated) return;
    const href = location.href;
    const ref = paperRefFromUrl(href);
    if (!ref) {
      idleHref = href;
      if (current) removeAll(doc);
      current = undefined;
      if (mirror.following) mirror.unfollow();
      return;
    }
    idleHref = undefined;
    if (!mirror.following) mirror.follow();
    const placement = findPlacement(doc, new URL(href));
    const hosts = doc.querySelectorAll(HOST_TAG);
    if (current?.id === ref.id && hosts.length === 1 && isPlaced(current.handle.host, placement)) return;
    removeAll(doc);
    const handle = createSaveButton(
      doc,
      ref.id,
      toggle,
      () => void copyBibtex(),
      () => void sendToZotero(),
    );
    place(handle.host, placement, doc);
    const same = current?.id === ref.id;
    current = { id: ref.id, handle, busy: false, told: same && current!.told };
    if (same && current.told) render();
    else tell(current);
  }

  watchLocation(
    ctx,
    doc,
    () => idleHref,
    ensure,
    () => {
      // A popstate (Back) or a check already queued must not bring back a button nothing answers.
      invalidated = true;
      clearTimeout(paceTimer);
      mirror.unfollow();
      removeAll(doc);
    },
  );
  ensure();
}

/**
 * Runs `ensure` after each client-side navigation and after DOM changes while on a paper page (the
 * page may re-render the title region); off paper pages, a DOM change costs one comparison.
 */
function watchLocation(
  ctx: PageContext,
  doc: Document,
  idleHref: () => string | undefined,
  ensure: () => void,
  stop: () => void,
) {
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      ensure();
    });
  };
  const observer = new MutationObserver(() => {
    const idle = idleHref();
    if (idle === undefined || location.href !== idle) schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  addEventListener('popstate', schedule);
  ctx.onInvalidated(() => {
    removeEventListener('popstate', schedule);
    observer.disconnect();
    stop();
  });
}
