// The scenario driver (driver.ts) on Firefox ESR: puppeteer-core over WebDriver BiDi (firefox.ts).

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import {
  PAGE_SAVE_AT,
  PAGE_SAVE_HOST,
  poll,
  type Downloaded,
  type Driver,
  type DriverOptions,
  type OpenOptions,
  type PageNode,
  type Tab,
} from './driver';
import { firefoxBuildManifest, launchFirefox, type FirefoxSession } from './firefox';

/**
 * The system clipboard as the browser has it (headless Firefox keeps its own), read in the chrome
 * scope: an extension page may not read it without the clipboardRead permission, which Papertab
 * does not ask for.
 */
const READ_CLIPBOARD = `(() => {
  const t = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
  t.init(null);
  t.addDataFlavor('text/plain');
  Services.clipboard.getData(t, Services.clipboard.kGlobalClipboard, window.browsingContext.currentWindowContext);
  const out = {};
  try { t.getTransferData('text/plain', out); } catch { return ''; }
  return out.value ? out.value.QueryInterface(Ci.nsISupportsString).data : '';
})()`;
const writeClipboard = (text: string) =>
  `(() => { Cc['@mozilla.org/widget/clipboardhelper;1'].getService(Ci.nsIClipboardHelper).copyString(${JSON.stringify(text)}); return true; })()`;

/** Firefox writes a download to `<name>.part` and renames it when complete. */
async function completeDownload(dir: string, before: Set<string>): Promise<Downloaded> {
  return poll(async () => {
    const names = await readdir(dir);
    if (names.some((n) => n.endsWith('.part'))) return undefined;
    const name = names.find((n) => !before.has(n));
    if (!name) return undefined;
    const bytes = await readFile(join(dir, name));
    return { name, text: bytes.toString('utf8'), bytes };
  }, 'the download to complete') as Promise<Downloaded>;
}

/**
 * Sends a message from the selected tab's content script (its sandbox, which WebDriver BiDi does not
 * list among a page's realms): a frame script in the tab's content process finds the add-on's
 * content-script context for the page and evaluates in its sandbox; the reply comes back as JSON.
 */
const sendFromContentScript = (addonId: string, message: object) => `new Promise((resolve) => {
  const mm = gBrowser.selectedBrowser.messageManager;
  const name = 'papertab-e2e-' + Math.random().toString(36).slice(2);
  const listener = (m) => { mm.removeMessageListener(name, listener); resolve(JSON.parse(m.data)); };
  mm.addMessageListener(name, listener);
  const send = ${JSON.stringify(
    `browser.runtime.sendMessage(${JSON.stringify(message)}).then((r) => JSON.stringify(r ?? null), (e) => JSON.stringify('error: ' + e.message))`,
  )};
  const frame = '(' + ((name, addonId, send) => {
    try {
      const { ExtensionContent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionContent.sys.mjs');
      const sandbox = ExtensionContent.getContextByExtensionId(addonId, content)?.sandbox;
      if (!sandbox) return sendAsyncMessage(name, JSON.stringify({ noContentScript: true }));
      Cu.evalInSandbox(send, sandbox).then((r) => sendAsyncMessage(name, r));
    } catch (e) {
      sendAsyncMessage(name, JSON.stringify({ frameError: String(e) }));
    }
  }).toString() + ')(' + [name, ${JSON.stringify(addonId)}, send].map((v) => JSON.stringify(v)).join(',') + ')';
  mm.loadFrameScript('data:,' + encodeURIComponent(frame), false);
})`;

/**
 * Puppeteer's own waits use a MutationObserver that misses changes inside shadow roots, so
 * elements are polled for. `a >>> b` is puppeteer's deep combinator already.
 */
async function element(page: Page, selector: string): Promise<ElementHandle> {
  return poll(() => page.$(selector), `an element matching ${selector}`) as Promise<ElementHandle>;
}

interface BidiNode {
  value?: {
    nodeType?: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
  };
}
function toPageNode(n: BidiNode): PageNode {
  const v = n.value ?? {};
  if (v.nodeType === 3) return { name: '#text', attrs: {}, children: [], text: v.nodeValue ?? '' };
  return { name: v.localName ?? '#root', attrs: v.attributes ?? {}, children: (v.children ?? []).map(toPageNode) };
}

/** The paper-page host's closed shadow tree, through WebDriver BiDi (the page's scripts cannot see it). */
async function pageControls(ff: FirefoxSession, page: Page): Promise<PageNode | null> {
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const { result } = await ff.bidi('script.evaluate', {
    expression: `document.querySelector(${JSON.stringify(PAGE_SAVE_HOST)})`,
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 10, includeShadowTree: 'all' },
  });
  const r = result as { type: string; result?: BidiNode & { type: string } };
  if (r.type !== 'success' || r.result?.type !== 'node') return null;
  const shadow = r.result.value?.shadowRoot;
  return shadow ? toPageNode(shadow) : null;
}

type Point = { x: number; y: number };

/**
 * Clicks the element as a person would, once it can be clicked: scrolled into view, standing still
 * (the same box two frames apart) and the topmost element at its centre. Then, as Playwright does,
 * the click is checked where it lands: if the element moved meanwhile (an image loading above it, a
 * list reordering) the mouse events reach something else, are stopped there, and the click is made
 * again. Puppeteer's own click checks none of this.
 */
async function clickWhenReady(page: Page, selector: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const handle = await element(page, selector);
    const point = (await poll(() => handle.evaluate(aim), `${selector} to be clickable`)) as Point;
    await page.mouse.click(point.x, point.y);
    const landed = await poll(
      () =>
        handle
          .evaluate((el) => (el as unknown as { e2eClick?: string }).e2eClick)
          // A click that closes its page (the popup's links) or leaves its document (a link) landed:
          // a missed click is stopped before it can do either. There is no element left to ask.
          .catch(async (e: unknown) => {
            if (page.isClosed() || /no such frame/.test(String(e))) return 'hit';
            if (
              await page.$(selector).then(
                (h) => !h,
                () => false,
              )
            )
              return 'hit';
            throw e;
          }),
      `the click on ${selector} to arrive`,
    );
    if (landed === 'hit') return;
    if (attempt === 10) throw new Error(`the click on ${selector} kept landing on something else`);
  }
}

/** In the page: scrolls `el` into view; its centre once it stands still and is on top, else null. */
function aim(el: Element): Promise<Point | null> {
  return new Promise((resolve) => {
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const before = JSON.stringify(el.getBoundingClientRect());
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const r = el.getBoundingClientRect();
        if (!el.isConnected || JSON.stringify(r) !== before || r.width === 0) return resolve(null);
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        let hit = document.elementFromPoint(x, y);
        while (hit?.shadowRoot) {
          const inner = hit.shadowRoot.elementFromPoint(x, y);
          if (!inner || inner === hit) break;
          hit = inner;
        }
        if (!hit || !(hit === el || el.contains(hit))) return resolve(null);
        // Where the mouse events land: on the element, they go on; elsewhere, they are stopped.
        const state = el as unknown as { e2eClick?: string };
        delete state.e2eClick;
        const types = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'];
        const check = (e: Event) => {
          const target = e.composedPath()[0];
          const onIt = target instanceof Node && (target === el || el.contains(target));
          if (!onIt) {
            e.preventDefault();
            e.stopImmediatePropagation();
            state.e2eClick = 'missed';
          }
          if (!onIt || e.type === 'click') {
            state.e2eClick ??= 'hit';
            for (const t of types) window.removeEventListener(t, check, true);
          }
        };
        for (const t of types) window.addEventListener(t, check, true);
        resolve({ x, y });
      }),
    );
  });
}

export function firefoxTab(page: Page, ff?: FirefoxSession): Tab {
  const session = () => {
    if (!ff) throw new Error('this tab was opened without its Firefox session');
    return ff;
  };
  // Input goes to the selected tab: a user acting on a page has it in front (Chromium's pages each
  // take input on their own; Firefox's background tabs do not take keys).
  const front = () => page.bringToFront();
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: async (s) => {
      await front();
      await clickWhenReady(page, s);
    },
    type: async (s, text) => {
      await front();
      await (await element(page, s)).type(text);
    },
    select: async (s, value) => void (await (await element(page, s)).select(value)),
    upload: async (s, path) => ((await element(page, s)) as ElementHandle<HTMLInputElement>).uploadFile(path),
    press: async (key) => {
      await front();
      // Key names as Playwright takes them: its 'Space' is the character to BiDi.
      await page.keyboard.press((key === 'Space' ? ' ' : key) as never);
    },
    url: () => page.evaluate(() => location.href),
    pageControls: () => pageControls(session(), page),
    clickPageSave: async () => {
      await front();
      await (await element(page, PAGE_SAVE_HOST)).click({ offset: PAGE_SAVE_AT });
    },
    run: (source) => page.evaluate(source),
    readClipboard: () => session().chrome<string>(READ_CLIPBOARD),
    writeClipboard: async (text) => void (await session().chrome(writeClipboard(text))),
    async download(s) {
      const before = new Set(await readdir(session().downloads));
      await clickWhenReady(page, s);
      return completeDownload(session().downloads, before);
    },
    async sendAsContentScript(message) {
      await front();
      // Once the content script is in the page (as Chromium's driver waits for its world).
      const reply = await poll(
        async () => {
          const r = await session().chrome<unknown>(sendFromContentScript(session().addonId, message));
          if (r && typeof r === 'object' && 'frameError' in r) throw new Error(String(r.frameError));
          return r;
        },
        'the content script in the page',
        (r) => !(r && typeof r === 'object' && 'noContentScript' in r),
      );
      return reply;
    },
    movePointer: async (x, y) => {
      await front();
      // WebDriver BiDi's input.performActions, a pointerMove.
      await page.mouse.move(x, y);
    },
    setColorScheme: async (scheme) => void (await session().chrome(colorScheme(scheme))),
    screenshot: async (path) => void (await page.screenshot({ path })),
    // Puppeteer misses a tab that closed itself (window.close()): the browser's tree is asked.
    isClosed: async () => {
      if (page.isClosed()) return true;
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      const { result } = await session().bidi('browsingContext.getTree', { maxDepth: 0 });
      return !(result as { contexts: { context: string }[] }).contexts.some((c) => c.context === context);
    },
    close: () => page.close(),
  };
}

/** The colour scheme pages see: Firefox's own override of prefers-color-scheme (0 dark, 1 light, 2 the system's). */
const colorScheme = (scheme: 'light' | 'dark' | undefined) =>
  `(() => { Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${
    scheme === 'dark' ? 0 : scheme === 'light' ? 1 : 2
  }); return true; })()`;

export async function launchFirefoxDriver(opts: DriverOptions): Promise<Driver> {
  const ff: FirefoxSession = await launchFirefox({ port: opts.port, hosts: opts.hosts, archive: opts.release });
  return firefoxDriver(ff);
}

export function firefoxDriver(ff: FirefoxSession): Driver {
  return {
    name: 'firefox',
    openNewTab: async () => firefoxTab(await ff.newTab(), ff),
    async openExtensionPage(path, o: OpenOptions = {}) {
      // The scheme is browser-wide in Firefox: each page opened sets it (or puts the system's back).
      await ff.chrome(colorScheme(o.colorScheme));
      const page = await ff.extensionPage(path, async (p) => {
        if (o.viewport) await p.setViewport(o.viewport);
        // Firefox would not run it in a moz-extension:// page (a BiDi preload script): say so, not pass.
        if (o.beforeLoad) throw new Error('Firefox runs no script before an extension page’s own');
      });
      return firefoxTab(page, ff);
    },
    async openWebPage(url, o) {
      const page = await ff.browser.newPage();
      // A PDF goes to Firefox's own viewer: the tab keeps the address, whatever the navigation says.
      if (o?.pdf) await page.goto(url).catch(() => undefined);
      else await page.goto(url);
      return firefoxTab(page, ff);
    },
    badgeText: () => ff.api(() => browser.action.getBadgeText({})),
    fireAlarm: (name, period) =>
      ff.api(
        async ({ name, period }) => {
          const periodInMinutes = (await browser.alarms.get(name))?.periodInMinutes ?? period;
          browser.alarms.create(name, { when: Date.now() + 50, ...(periodInMinutes ? { periodInMinutes } : {}) });
        },
        { name, period },
      ),
    inExtension: (fn, arg) => ff.api(fn, arg),
    async stopBackground() {
      // What the idle timer calls; deterministic where the timer (30 s) is not. Firefox declines while
      // a listener's promise is pending (the previous step's refresh still storing, on a loaded
      // machine) and only restarts its idle timer, so ask again until it has stopped: asked once, a
      // loaded run found it still "running" 45 s later.
      const terminate = `WebExtensionPolicy.getByID(${JSON.stringify(ff.addonId)}).extension.terminateBackground()`;
      await poll(
        async () => {
          if ((await ff.backgroundState()) === 'running') await ff.chrome(terminate);
          return ff.backgroundState();
        },
        'the event page to be suspended',
        (s) => s === 'stopped',
      );
    },
    async answerPermissionPrompt(accept) {
      // Firefox's own prompt (a doorhanger on the tab that asked). Only an open panel counts, and only
      // a prompt not answered yet: the previous prompt lingers (its panel still "open") while it
      // closes, and answering it again instead of this one left this one waiting (a loaded run).
      await poll(
        () =>
          ff.chrome<boolean>(`(() => {
            const panel = PopupNotifications.panel;
            const prompt = panel.state === 'open' && panel.querySelector('#addon-webext-permissions-notification');
            if (!prompt) return false;
            const answered = (globalThis.__papertabAnswered ??= new WeakSet());
            const which = prompt.notification ?? prompt;
            if (answered.has(which)) return false;
            answered.add(which);
            prompt[${JSON.stringify(accept ? 'button' : 'secondaryButton')}].click();
            return true;
          })()`),
        'the permission prompt',
      );
    },
    async setOffline(offline) {
      // Devtools' "Offline" switch: each tab's browsing context is forced offline (navigator.onLine,
      // the `offline` event, its requests refused), which is what a lost connection looks like to it.
      await ff.chrome(
        `(() => { for (const b of gBrowser.browsers) b.browsingContext.forceOffline = ${String(offline)}; return true; })()`,
      );
    },
    restart: () => ff.restart(),
    async update() {
      await ff.installBuild();
      const { version } = firefoxBuildManifest();
      await poll(
        () => ff.api(() => browser.runtime.getManifest().version),
        `version ${version} to run`,
        (v) => v === version,
      );
    },
    async reloadExtension() {
      await ff.chrome(
        `(async () => { await (await AddonManager.getAddonByID(${JSON.stringify(ff.addonId)})).reload(); return true; })()`,
      );
      // Its pages closed (the API probe too: the next call opens a new one); the background is back.
      await poll(() => ff.api(() => browser.runtime.getManifest().version), 'the extension to be back');
    },
    errors: () => ff.errors(),
    close: () => ff.close(),
  };
}
