/**
 * One scenario description for both browsers: a small driver over the built extension in a real
 * browser (Chromium through playwright-core, Firefox ESR through puppeteer-core over WebDriver BiDi).
 * Scenario files (tests/scenarios/) call only this; the browser comes from PAPERTAB_BROWSER, set
 * by the vitest project (`e2e` → chromium, `e2e-firefox` → firefox).
 */
import { readSavedInPage, type StoredSaved } from './e2e';
import { STATE_LIMIT_MS, until } from './until';

export type BrowserName = 'chromium' | 'firefox';

/** A tab: an extension page or a web page. Selectors are CSS; `a >>> b` pierces a's open shadow root. */
export interface Tab {
  /** Runs `fn(arg)` in the page's main world (extension pages have `browser`/`chrome`). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** A real click (pointer events) on the first element matching `selector`, once it exists. */
  click(selector: string): Promise<void>;
  /** Focuses the element and types `text` key by key, as a user does. */
  type(selector: string, text: string): Promise<void>;
  /** Picks the option with that value in a <select>. */
  select(selector: string, value: string): Promise<void>;
  /** Picks a file in an <input type=file>, as the file dialog would. */
  upload(selector: string, path: string): Promise<void>;
  /** A key on the focused element ('Enter', 'Escape', …). */
  press(key: string): Promise<void>;
  /** The page's location, as the page itself sees it. */
  url(): Promise<string>;
  /**
   * The paper-page buttons' closed shadow tree, or null while there is none. The page's scripts
   * cannot read it; the browser's automation (CDP, WebDriver BiDi) can, as a person sees it.
   */
  pageControls(): Promise<PageNode | null>;
  /** A real click on the paper-page Save button (the first control in its host). */
  clickPageSave(): Promise<void>;
  /**
   * Evaluates script source in the page's main world, as devtools would: the page's CSP (which
   * forbids injected scripts on extension pages) does not govern it. For test tools such as axe.
   */
  run(source: string): Promise<unknown>;
  /** The text on the system clipboard (what a copy button put there). */
  readClipboard(): Promise<string>;
  /** Puts `text` on the system clipboard (to tell the next copy from what was there). */
  writeClipboard(text: string): Promise<void>;
  /** Clicks `selector` and waits for the download it starts to be complete; its name and contents. */
  download(selector: string): Promise<Downloaded>;
  /**
   * Sends `message` to the background as this web page's content script does (from its isolated
   * world, so the background sees this tab as the sender); the reply, or 'error: …' if it refused.
   * What a page's own script could make a compromised content script send.
   */
  sendAsContentScript(message: object): Promise<unknown>;
  /**
   * Moves the pointer to (x, y) in the page's viewport, as a person moves the mouse: hovering
   * what is there, and no longer what it left (a corner of the window takes it off every card).
   */
  movePointer(x: number, y: number): Promise<void>;
  /**
   * The system colour scheme this page sees from now on (prefers-color-scheme). Firefox's is
   * browser-wide: every page open sees it.
   */
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** A picture of the viewport, written to `path` (PNG). */
  screenshot(path: string): Promise<void>;
  /** Whether the tab has closed (the page closed itself, say). */
  isClosed(): Promise<boolean>;
  close(): Promise<void>;
}

export interface Downloaded {
  name: string;
  text: string;
  /** The file as written (a zip, say). */
  bytes: Buffer;
}

/** How a page is opened: its window size, the system colour scheme it sees, a script before its own. */
export interface OpenOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /**
   * Runs in the page before any of its own scripts (to watch the first paint, say); self-contained.
   * Chromium only: Firefox runs no WebDriver BiDi preload script in moz-extension:// pages.
   */
  beforeLoad?: () => void;
}

export interface Driver {
  readonly name: BrowserName;
  /** Opens a tab through the browser's own new-tab command: the extension's override is what shows. */
  openNewTab(): Promise<Tab>;
  /** Opens <extension origin>/<path> (e.g. 'reading-list.html', 'newtab.html#/following') in a new tab. */
  openExtensionPage(path: string, opts?: OpenOptions): Promise<Tab>;
  /**
   * Opens a web page (huggingface.co / arxiv.org are the stand-in) in a new tab; content scripts run.
   * `pdf`: the address is a PDF, which the browser hands to its viewer (headless Chromium: to nothing),
   * so the navigation's own outcome is not waited for.
   */
  openWebPage(url: string, opts?: { pdf?: boolean }): Promise<Tab>;
  /** The toolbar badge's text (all tabs). */
  badgeText(): Promise<string>;
  /** Fires one of the extension's own alarms now, through the real alarm listener. */
  fireAlarm(name: string, period?: number): Promise<void>;
  /**
   * Runs `fn(arg)` where the extension's APIs are (Chromium: the service worker; Firefox: a page of
   * the extension): `chrome.*` with promises, and the extension's own IndexedDB. Self-contained fn.
   */
  inExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Stops the background as the browser does when it is idle (Chromium stops the service worker,
   * Firefox suspends the event page); resolves once it has stopped. An event wakes it again.
   */
  stopBackground(): Promise<void>;
  /** Closes the browser and starts it again on the same profile (the extension stays installed). */
  restart(): Promise<void>;
  /**
   * Puts this build in place of the installed release (`DriverOptions.release`) as an update does:
   * the same extension id, so the profile keeps its data. Chromium: the browser closed, the unpacked
   * folder's contents replaced (its id comes from the folder), the browser started again. Firefox:
   * this build installed over the running add-on (the same gecko id: Firefox updates it in place, as
   * it installs an update from addons.mozilla.org). Resolves once this build runs.
   */
  update(): Promise<void>;
  /**
   * Reloads the extension as its Reload button does (chrome://extensions, about:debugging): its pages
   * close, the background starts again; resolves once it has.
   */
  reloadExtension(): Promise<void>;
  /**
   * Answers the browser's permission prompt, as the user would (Firefox's doorhanger). Chromium's
   * cannot be answered headless: there, `zoteroAccess` grants in advance and this does nothing.
   */
  answerPermissionPrompt(accept: boolean): Promise<void>;
  /**
   * Takes the browser off the network, or puts it back, as a user's lost connection does: pages
   * read navigator.onLine false and get an `offline` event (Chromium: every page of the context;
   * Firefox: every tab open now, through devtools' own offline switch).
   */
  setOffline(offline: boolean): Promise<void>;
  /** Uncaught errors and console.error calls from Papertab's code (pages, background, content scripts) so far. */
  errors(): string[];
  close(): Promise<void>;
}

export interface DriverOptions {
  /** Port of the stand-in for huggingface.co and arxiv.org (StandIn.port). */
  port: number;
  /**
   * Access to Zotero on this computer granted in advance (Chromium): headless Chromium shows the
   * permission prompt but nothing can answer it, so a copy of the build, made for the test only,
   * lists the origin as granted. The built extension itself is not changed. Firefox answers its
   * real prompt instead (`answerPermissionPrompt`).
   */
  zoteroAccess?: boolean;
  /**
   * More hosts the stand-in answers (both browsers send them to it; each named, as Firefox takes
   * no wildcards): standin.ts's IMAGE_HOSTS for thumbnails, github.com, a project's *.github.io.
   */
  hosts?: string[];
  /**
   * A kept release's archive for the browser under test (tests/fixtures/releases/, see
   * tools/release/fixtures.ts), installed instead of this build; `update()` later puts this build
   * in its place.
   */
  release?: string;
}

export function browserUnderTest(): BrowserName {
  const b = process.env.PAPERTAB_BROWSER ?? 'chromium';
  if (b !== 'chromium' && b !== 'firefox') throw new Error(`PAPERTAB_BROWSER must be chromium or firefox, not ${b}`);
  return b;
}

export async function launchDriver(opts: DriverOptions, name: BrowserName = browserUnderTest()): Promise<Driver> {
  if (name === 'firefox') return (await import('./driver-firefox')).launchFirefoxDriver(opts);
  return (await import('./driver-chromium')).launchChromiumDriver(opts);
}

// --- steps shared by scenarios -------------------------------------------------------------------

/** `until` (the one polling helper) in the argument order the scenarios read best. */
export function poll<T>(
  probe: () => Promise<T>,
  what: string,
  done: (v: T) => boolean = Boolean,
  timeoutMs = STATE_LIMIT_MS,
): Promise<T> {
  return until(`timed out waiting for ${what}`, probe, done, timeoutMs);
}

/** Waits for the badge to read `expected`. */
export function waitForBadge(driver: Driver, expected: string, timeoutMs = STATE_LIMIT_MS): Promise<string> {
  return poll(
    () => driver.badgeText(),
    `the badge to read "${expected}"`,
    (t) => t === expected,
    timeoutMs,
  );
}

/**
 * Waits until `fn(arg)` in the page returns something truthy; returns it. Return plain data (a
 * boolean, not an element: BiDi hands nodes back as references, which arrive as nothing).
 */
export function waitIn<R, A = undefined>(
  tab: Tab,
  what: string,
  fn: (arg: A) => R | Promise<R>,
  arg?: A,
  timeoutMs?: number,
): Promise<R> {
  return poll(() => tab.evaluate(fn, arg), what, Boolean, timeoutMs);
}

/** Reloads the page and waits until the new document has loaded (not the old one still showing). */
export async function reload(tab: Tab): Promise<void> {
  await tab.evaluate(() => {
    (window as { e2eBeforeReload?: boolean }).e2eBeforeReload = true;
    setTimeout(() => location.reload());
  });
  await waitIn(
    tab,
    'the page reloaded',
    () => !(window as { e2eBeforeReload?: boolean }).e2eBeforeReload && document.readyState === 'complete',
  );
}

/** The browser's Back (the page's history), awaited until the address has changed. */
export async function back(tab: Tab): Promise<void> {
  const before = await tab.url();
  await tab.evaluate(() => history.back());
  await poll(
    () => tab.url(),
    'the address to go back',
    (u) => u !== before,
  );
}

/** The clipboard once a copy has replaced `marker` (put there first with writeClipboard). */
export function clipboardAfter(tab: Tab, marker: string): Promise<string> {
  return poll(
    () => tab.readClipboard(),
    'the copy to reach the clipboard',
    (text) => text !== marker,
  );
}

/** The titles of the papers shown (articles are headed by their titles). */
export function shownTitles(tab: Tab): Promise<string[]> {
  return tab.evaluate(() => [...document.querySelectorAll('main article h2')].map((h) => h.textContent ?? ''));
}

/** Waits for the live page (its h1) showing `count` papers; returns the h1's text. */
export async function waitForPapers(tab: Tab, count: number): Promise<string> {
  return waitIn(
    tab,
    `an h1 and ${count} papers`,
    (n) => {
      const h1 = document.querySelector('h1');
      return h1 && document.querySelectorAll('main article').length === n ? (h1.textContent ?? '') : '';
    },
    count,
  );
}

let marks = 0;
/**
 * A selector for the element (matching `css`, inside the article headed `within` if given) whose
 * accessible name — aria-label, else its text — is `name`: for clicking by what the user reads.
 */
export async function byName(tab: Tab, css: string, name: string | RegExp, within?: string): Promise<string> {
  const mark = `m${++marks}`;
  const source = typeof name === 'string' ? { s: name } : { re: name.source, flags: name.flags };
  await waitIn(
    tab,
    `${css} named ${String(name)}${within ? ` in “${within}”` : ''}`,
    ({ css, source, within, mark }) => {
      const roots: ParentNode[] = within
        ? [...document.querySelectorAll('article')].filter((a) => a.querySelector('h2')?.textContent === within)
        : [document];
      // Its aria-label, else its text without the parts hidden from assistive technology.
      const text = (node: Node): string =>
        node instanceof Element && node.getAttribute('aria-hidden') === 'true'
          ? ''
          : node.nodeType === Node.TEXT_NODE
            ? (node.textContent ?? '')
            : [...node.childNodes].map(text).join('');
      const named = (el: Element) => {
        const n = (el.getAttribute('aria-label') ?? text(el)).trim().replace(/\s+/g, ' ');
        return source.re !== undefined ? new RegExp(source.re, source.flags).test(n) : n === source.s;
      };
      const el = roots.flatMap((r) => [...r.querySelectorAll(css)]).find(named);
      el?.setAttribute('data-e2e', mark);
      return Boolean(el);
    },
    { css, source, within, mark },
  );
  return `[data-e2e="${mark}"]`;
}

/** Clicks the button (or link, …) the user would find by that name. */
export async function clickNamed(tab: Tab, css: string, name: string | RegExp, within?: string): Promise<void> {
  await tab.click(await byName(tab, css, name, within));
}

/** A reading-list record as stored, read from the extension page's own IndexedDB. */
export function storedSaved(tab: Tab, id: string): Promise<StoredSaved> {
  return tab.evaluate(readSavedInPage, id);
}

/** The paper-page Save button's host: a custom element with a closed shadow root. */
export const PAGE_SAVE_HOST = 'papertab-save';
/** Where in its host a click lands on Save (the first control; Copy BibTeX follows it). */
export const PAGE_SAVE_AT = { x: 14, y: 12 };

/** A node of the paper-page buttons' closed shadow tree, as the browser's automation reports it. */
export interface PageNode {
  /** Element's local name, or '#text'. */
  name: string;
  attrs: Record<string, string>;
  children: PageNode[];
  text?: string;
}

function find(node: PageNode, test: (n: PageNode) => boolean): PageNode | undefined {
  if (test(node)) return node;
  for (const c of node.children) {
    const found = find(c, test);
    if (found) return found;
  }
  return undefined;
}

/** The text a person reads: labels not shown (aria-hidden) and styles left out. */
export function visibleText(node: PageNode): string {
  if (node.name === '#text') return node.text ?? '';
  if (node.name === 'style' || node.attrs['aria-hidden'] === 'true' || 'hidden' in node.attrs) return '';
  return node.children.map(visibleText).join('');
}

/** aria-pressed of the page's Save button ('true' / 'false'), or null while there is none. */
export async function pageSaveState(tab: Tab): Promise<string | null> {
  const root = await tab.pageControls();
  return (root && find(root, (n) => n.name === 'button')?.attrs['aria-pressed']) ?? null;
}

/** What the paper-page button of that class says (visible text), or '' while there is none. */
export async function pageButtonText(tab: Tab, className: string): Promise<string> {
  const root = await tab.pageControls();
  const button = root && find(root, (n) => n.name === 'button' && (n.attrs.class ?? '').split(' ').includes(className));
  return button ? visibleText(button) : '';
}

/** Everything the paper-page buttons and their status lines say. */
export async function pageText(tab: Tab): Promise<string> {
  const root = await tab.pageControls();
  return root ? visibleText(root) : '';
}

/**
 * Presses the paper-page control of that class with the keyboard, as a person does: focus goes to
 * the host (delegated to Save), Tab moves along the controls, Enter presses.
 */
export async function pressPageControl(tab: Tab, className: 'copy' | 'zotero'): Promise<void> {
  const root = await tab.pageControls();
  const buttons: PageNode[] = [];
  const walk = (n: PageNode) =>
    n.name === 'button' && !('hidden' in n.attrs) ? buttons.push(n) : n.children.forEach(walk);
  if (root) walk(root);
  const at = buttons.findIndex((b) => (b.attrs.class ?? '').split(' ').includes(className));
  if (at < 0) throw new Error(`no ${className} button on the page`);
  await tab.evaluate(() => (document.querySelector('papertab-save') as HTMLElement).focus());
  for (let i = 0; i < at; i++) await tab.press('Tab');
  await tab.press('Enter');
}
