/**
 * The Save button a content script puts on a paper page: a custom element host with a closed
 * shadow root, so the page's CSS cannot break it, its CSS cannot leak into the page, and the
 * page's own scripts cannot read it (`host.shadowRoot` is null for them): whether the paper is
 * saved (or in Zotero) is for the person looking, not for the page. Every state has the same size
 * (all labels are laid out, only one shown), so neither can the page measure it. Built with DOM
 * APIs and textContent only.
 *
 * Only a person's click (or Enter/Space on the focused button, which the browser turns into a
 * trusted click) acts: a script's `click()` or `dispatchEvent` is not trusted.
 */
import { t } from '../core/i18n';
import TOKENS from '../../public/tokens.css?raw';

/** `checking`: not yet told whether this paper is saved (see `pace.ts`). */
export type ButtonState = 'unsaved' | 'saved' | 'busy' | 'error' | 'checking';
/** The Zotero button: hidden while Zotero is off in Papertab; "In Zotero" once the library has the paper. */
export type ZoteroState = 'hidden' | 'send' | 'in' | 'busy';

export const HOST_TAG = 'papertab-save';

// The design tokens (public/tokens.css), the same file the pages link: a content script cannot read
// the pages' stylesheets, so it is built in as text, applied by its `:host` selector. The button
// keeps px for type: rem would follow the page's root font size.
const CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: var(--space-1) var(--space-2); font: 14px/1.3 var(--font); }
${TOKENS}
:host([data-floating]) { position: fixed; top: var(--space-3); right: var(--space-3); z-index: 2147483647; }
button { font: inherit; cursor: pointer; padding: var(--space-1) var(--space-3); border-radius: var(--radius);
  border: 1px solid var(--accent); background: var(--card); color: var(--fg); display: inline-grid; align-items: center; }
button > span { grid-area: 1 / 1; visibility: hidden; display: inline-flex; gap: 6px; }
button > span.on { visibility: visible; }
button[hidden] { display: none; }
button[aria-pressed="true"] { background: var(--accent-bg); color: var(--fg); }
button:focus-visible { outline: var(--focus-ring); outline-offset: 2px; }
button[aria-busy="true"] { opacity: .7; cursor: progress; }
button.copy, button.zotero { margin-left: 6px; }
.msg { margin-left: 6px; color: var(--error); }
.msg.ok { color: var(--ok); }`;

export interface SaveButtonHandle {
  host: HTMLElement;
  /** The closed shadow root: only this extension holds it. */
  root: ShadowRoot;
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

/** A click handler that acts only on a person's click. */
const trusted = (act: () => void) => (event: Event) => {
  // A script's `button.click()` or `dispatchEvent` (the page's own, say) is not trusted: ignored.
  if (event.isTrusted) act();
};

/**
 * Fills `button` with one label per look, all laid out in one grid cell, so its size never tells
 * which shows; returns the function that shows one.
 */
function looks<K extends string>(doc: Document, button: HTMLElement, all: Record<K, [string, string]>) {
  const spans = Object.entries<[string, string]>(all).map(([name, [icon, text]]) => {
    const span = doc.createElement('span');
    span.dataset.look = name;
    if (icon) {
      const i = doc.createElement('span');
      i.setAttribute('aria-hidden', 'true');
      i.textContent = icon;
      span.append(i);
    }
    span.append(text);
    return span;
  });
  button.append(...spans);
  return (look: K) => {
    for (const span of spans) {
      const on = span.dataset.look === look;
      span.classList.toggle('on', on);
      // The labels not shown are not the button's name either.
      if (on) span.removeAttribute('aria-hidden');
      else span.setAttribute('aria-hidden', 'true');
    }
  };
}

function makeButton(doc: Document, className: string, title: string, act: () => void): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  if (className) button.className = className;
  button.title = title;
  button.addEventListener('click', trusted(act));
  return button;
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
  // delegatesFocus: focusing the host (Tab, or a person's screen reader) lands on Save.
  const root = host.attachShadow({ mode: 'closed', delegatesFocus: true });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const button = makeButton(doc, '', t('pageSaveTitle'), onClick);
  const show = looks(doc, button, {
    unsaved: ['☆', t('save')],
    saved: ['★', t('saved')],
    busy: ['☆', t('saving')],
    checking: ['☆', t('pageChecking')],
  });
  const msg = doc.createElement('span');
  msg.className = 'msg';
  msg.setAttribute('role', 'status');
  root.append(style, button);
  let copyButton: HTMLButtonElement | undefined;
  if (onCopy) {
    copyButton = makeButton(doc, 'copy', t('pageCopyTitle'), onCopy);
    copyButton.textContent = t('copyBibtex');
    root.append(copyButton);
  }
  const zoteroButton = makeButton(doc, 'zotero', t('pageZoteroTitle'), () => onZotero?.());
  const showZotero = looks(doc, zoteroButton, {
    send: ['', t('sendToZotero')],
    in: ['✓', t('inZotero')],
    busy: ['', t('zoteroSending')],
  });
  // Its own line: the Save button's states rewrite `msg`, and must not erase where a send went.
  const zoteroMsg = doc.createElement('span');
  zoteroMsg.className = 'msg';
  root.append(zoteroButton, msg, zoteroMsg);

  function setState(state: ButtonState, message = '') {
    button.setAttribute('aria-pressed', String(state === 'saved'));
    button.setAttribute('aria-busy', String(state === 'busy' || state === 'checking'));
    show(state === 'error' ? 'unsaved' : state);
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
    showZotero(state === 'hidden' ? 'send' : state);
  }
  function say(text: string, ok: boolean) {
    // A live region from the first send on (the page's one status line until then is Save's).
    zoteroMsg.setAttribute('role', 'status');
    zoteroMsg.className = ok ? 'msg ok' : 'msg';
    zoteroMsg.textContent = text;
  }
  setState('unsaved');
  setZotero('hidden');
  return { host, root, button, setState, copyButton, showCopied, zoteroButton, setZotero, say };
}
