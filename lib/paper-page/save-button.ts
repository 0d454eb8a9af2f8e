/**
 * The Save button a content script puts on a paper page: a custom element host with a closed
 * shadow root, so the page's CSS cannot break it, its CSS cannot leak into the page, and the
 * page's own scripts cannot read it (`host.shadowRoot` is null for them): whether the paper is
 * saved is for the person looking, not for the page. Every state has the same size (all labels
 * are laid out, only one shown), so neither can the page measure it. Built with DOM APIs and
 * textContent only.
 *
 * Only a person's click (or Enter/Space on the focused button, which the browser turns into a
 * trusted click) acts: a script's `click()` or `dispatchEvent` is not trusted.
 */
import { t } from '../core/i18n';

/** `checking`: not yet told whether this paper is saved (see `pace.ts`). */
export type ButtonState = 'unsaved' | 'saved' | 'busy' | 'error' | 'checking';

export const HOST_TAG = 'papertab-save';

const CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 4px 8px; font: 14px/1.3 system-ui, sans-serif; }
:host([data-floating]) { position: fixed; top: 12px; right: 12px; z-index: 2147483647; }
button { font: inherit; cursor: pointer; padding: 4px 12px; border-radius: 6px; border: 1px solid #b45309;
  background: #fff; color: #7c2d12; display: inline-grid; align-items: center; }
button > span { grid-area: 1 / 1; visibility: hidden; display: inline-flex; gap: 6px; }
button > span.on { visibility: visible; }
button[aria-pressed="true"] { background: #fde68a; color: #422006; }
button:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
button[aria-busy="true"] { opacity: .7; cursor: progress; }
button.copy { margin-left: 6px; }
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
  /** The closed shadow root: only this extension holds it. */
  root: ShadowRoot;
  button: HTMLButtonElement;
  setState(state: ButtonState, message?: string): void;
  /** The Copy BibTeX button beside Save, when asked for. */
  copyButton?: HTMLButtonElement;
  /** Says whether the copy worked. */
  showCopied(ok: boolean): void;
}

/** A click handler that acts only on a person's click. */
const trusted = (act: () => void) => (event: Event) => {
  // A script's `button.click()` or `dispatchEvent` (the page's own, say) is not trusted: ignored.
  if (event.isTrusted) act();
};

/** One label per look; all are laid out in one cell, so the button's size never tells which shows. */
function labels(doc: Document) {
  const make = (icon: string, text: string) => {
    const span = doc.createElement('span');
    const i = doc.createElement('span');
    i.setAttribute('aria-hidden', 'true');
    i.textContent = icon;
    const l = doc.createElement('span');
    l.textContent = text;
    span.append(i, l);
    return span;
  };
  return {
    unsaved: make('☆', t('save')),
    saved: make('★', t('saved')),
    busy: make('☆', t('saving')),
    checking: make('☆', t('pageChecking')),
  };
}

export function createSaveButton(
  doc: Document,
  paperId: string,
  onClick: () => void,
  onCopy?: () => void,
): SaveButtonHandle {
  const host = doc.createElement(HOST_TAG);
  host.dataset.paperId = paperId;
  // delegatesFocus: focusing the host (Tab, or a person's screen reader) lands on Save.
  const root = host.attachShadow({ mode: 'closed', delegatesFocus: true });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  button.title = t('pageSaveTitle');
  const looks = labels(doc);
  const msg = doc.createElement('span');
  msg.className = 'msg';
  msg.setAttribute('role', 'status');
  button.append(...Object.values(looks));
  root.append(style, button);
  button.addEventListener('click', trusted(onClick));
  let copyButton: HTMLButtonElement | undefined;
  if (onCopy) {
    copyButton = doc.createElement('button');
    copyButton.type = 'button';
    copyButton.className = 'copy';
    copyButton.title = t('pageCopyTitle');
    copyButton.textContent = t('copyBibtex');
    copyButton.addEventListener('click', trusted(onCopy));
    root.append(copyButton);
  }
  root.append(msg);

  function setState(state: ButtonState, message = '') {
    button.setAttribute('aria-pressed', String(state === 'saved'));
    button.setAttribute('aria-busy', String(state === 'busy' || state === 'checking'));
    const look = state === 'error' ? 'unsaved' : state;
    for (const [name, span] of Object.entries(looks)) {
      span.classList.toggle('on', name === look);
      // The labels not shown are not the button's name either.
      if (name === look) span.removeAttribute('aria-hidden');
      else span.setAttribute('aria-hidden', 'true');
    }
    msg.className = 'msg';
    msg.textContent = state === 'error' ? message : '';
  }
  function showCopied(ok: boolean) {
    msg.className = ok ? 'msg ok' : 'msg';
    msg.textContent = ok ? t('copied') : t('copyFailed');
  }
  setState('unsaved');
  return { host, root, button, setState, copyButton, showCopied };
}
