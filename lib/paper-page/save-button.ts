/**
 * The Save button a content script puts on a paper page: a custom element host with an open
 * shadow root, so the page's CSS cannot break it and its CSS cannot leak into the page. Built
 * with DOM APIs and textContent only.
 *
 * The root is open, so the page's own scripts can reach the button: only a person's click (or
 * Enter/Space on the focused button, which the browser turns into a trusted click) acts.
 */
import { t } from '../core/i18n';

export type ButtonState = 'unsaved' | 'saved' | 'busy' | 'error';
/** The Zotero button: hidden while Zotero is off in Papertab; "In Zotero" once the library has the paper. */
export type ZoteroState = 'hidden' | 'send' | 'in' | 'busy';

export const HOST_TAG = 'papertab-save';

const CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 4px 8px; font: 14px/1.3 system-ui, sans-serif; }
:host([data-floating]) { position: fixed; top: 12px; right: 12px; z-index: 2147483647; }
button { font: inherit; cursor: pointer; padding: 4px 12px; border-radius: 6px; border: 1px solid #b45309;
  background: #fff; color: #7c2d12; display: inline-flex; align-items: center; gap: 6px; }
button[aria-pressed="true"] { background: #fde68a; color: #422006; }
button:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
button[aria-busy="true"] { opacity: .7; cursor: progress; }
button.copy, button.zotero { margin-left: 6px; }
.msg { margin-left: 6px; color: #b91c1c; }
.msg.ok { color: #166534; }
@media (prefers-color-scheme: dark) {
  button { background: #292524; color: #fde68a; border-color: #f59e0b; }
  button[aria-pressed="true"] { background: #78350f; color: #fef3c7; }
  .msg { color: #fca5a5; }
  .msg.ok { color: #86efac; }
}`;

export interface SaveButtonHandle {
  host: HTMLElement;
  button: HTMLButtonElement;
  setState(state: ButtonState, message?: string): void;
  /** The Copy BibTeX button beside Save, when asked for. */
  copyButton?: HTMLButtonElement;
  /** Says whether the copy worked. */
  showCopied(ok: boolean): void;
  zoteroButton: HTMLButtonElement;
  setZotero(state: ZoteroState): void;
  /** A line beside the buttons: where a send went, or why it failed. */
  say(text: string, ok: boolean): void;
}

export function createSaveButton(
  doc: Document,
  paperId: string,
  onClick: () => void,
  onCopy?: () => void,
  onZotero?: () => void,
): SaveButtonHandle {
  const host = doc.createElement(HOST_TAG);
  host.dataset.paperId = paperId;
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  button.title = t('pageSaveTitle');
  const icon = doc.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  const label = doc.createElement('span');
  const msg = doc.createElement('span');
  msg.className = 'msg';
  msg.setAttribute('role', 'status');
  button.append(icon, label);
  root.append(style, button);
  button.addEventListener('click', (event) => {
    // A script's `button.click()` or `dispatchEvent` (the page's own, say) is not trusted: ignored.
    if (event.isTrusted) onClick();
  });
  let copyButton: HTMLButtonElement | undefined;
  if (onCopy) {
    copyButton = doc.createElement('button');
    copyButton.type = 'button';
    copyButton.className = 'copy';
    copyButton.title = t('pageCopyTitle');
    copyButton.textContent = t('copyBibtex');
    copyButton.addEventListener('click', (event) => {
      if (event.isTrusted) onCopy();
    });
    root.append(copyButton);
  }
  const zoteroButton = doc.createElement('button');
  zoteroButton.type = 'button';
  zoteroButton.className = 'zotero';
  zoteroButton.title = t('pageZoteroTitle');
  zoteroButton.hidden = true;
  zoteroButton.addEventListener('click', (event) => {
    if (event.isTrusted) onZotero?.();
  });
  // Its own line: the Save button's states rewrite `msg`, and must not erase where a send went.
  const zoteroMsg = doc.createElement('span');
  zoteroMsg.className = 'msg';
  root.append(zoteroButton, msg, zoteroMsg);

  function setState(state: ButtonState, message = '') {
    button.setAttribute('aria-pressed', String(state === 'saved'));
    button.setAttribute('aria-busy', String(state === 'busy'));
    icon.textContent = state === 'saved' ? '★' : '☆';
    label.textContent = state === 'saved' ? t('saved') : state === 'busy' ? t('saving') : t('save');
    msg.className = 'msg';
    msg.textContent = state === 'error' ? message : '';
  }
  function showCopied(ok: boolean) {
    msg.className = ok ? 'msg ok' : 'msg';
    msg.textContent = ok ? t('copied') : t('copyFailed');
  }
  function setZotero(state: ZoteroState) {
    zoteroButton.hidden = state === 'hidden';
    zoteroButton.setAttribute('aria-busy', String(state === 'busy'));
    zoteroButton.textContent =
      state === 'in' ? `✓ ${t('inZotero')}` : state === 'busy' ? t('zoteroSending') : t('sendToZotero');
  }
  function say(text: string, ok: boolean) {
    // A live region from the first send on (the page's one status line until then is Save's).
    zoteroMsg.setAttribute('role', 'status');
    zoteroMsg.className = ok ? 'msg ok' : 'msg';
    zoteroMsg.textContent = text;
  }
  setState('unsaved');
  setZotero('hidden');
  return { host, button, setState, copyButton, showCopied, zoteroButton, setZotero, say };
}
