// The scenario driver (driver.ts) on Chromium: playwright-core over the launcher in extension.ts.

import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { ConsoleMessage, Page, Worker } from 'playwright-core';
import { contentScriptWorld } from './content-world';
import { extensionPath, fireAlarm, launchExtension, type ExtensionSession } from './extension';
import {
  PAGE_SAVE_AT,
  PAGE_SAVE_HOST,
  type Driver,
  type DriverOptions,
  type OpenOptions,
  type PageNode,
  type Tab,
} from './driver';

/** Playwright's CSS already pierces open shadow roots. */
const css = (selector: string) => selector.replace(/\s*>>>\s*/g, ' ');

interface CdpNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}
function findHost(node: CdpNode): CdpNode | undefined {
  if (node.localName === PAGE_SAVE_HOST) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findHost(child);
    if (found) return found;
  }
  return undefined;
}
function toPageNode(n: CdpNode): PageNode {
  if (n.nodeType === 3) return { name: '#text', attrs: {}, children: [], text: n.nodeValue ?? '' };
  const attrs: Record<string, string> = {};
  for (let i = 0; i + 1 < (n.attributes ?? []).length; i += 2) attrs[n.attributes![i]!] = n.attributes![i + 1]!;
  return { name: n.localName ?? '#root', attrs, children: (n.children ?? []).map(toPageNode) };
}

/** The paper-page host's closed shadow tree, through CDP (the page's scripts cannot see it). */
export async function pageControls(page: Page): Promise<PageNode | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const shadow = findHost(root)?.shadowRoots?.[0];
    return shadow ? toPageNode(shadow) : null;
  } finally {
    await cdp.detach();
  }
}

/** aria-pressed of the page's Save button, through CDP. */
export async function pageSaveState(page: Page): Promise<string | null> {
  const root = await pageControls(page);
  const first = (n: PageNode): PageNode | undefined => (n.name === 'button' ? n : n.children.map(first).find(Boolean));
  return (root && first(root)?.attrs['aria-pressed']) ?? null;
}

/**
 * The paper page's Save button as a person meets it. Its shadow root is closed (the page cannot
 * read it): its state is read through CDP, clicks land on it in its host, focus is delegated to it.
 */
export function pageSaveButton(page: Page) {
  const host = page.locator(PAGE_SAVE_HOST);
  return {
    count: () => host.count(),
    getAttribute: (_name: 'aria-pressed') => pageSaveState(page),
    focus: () => host.first().focus(),
    click: () => host.first().click({ position: PAGE_SAVE_AT }),
    boundingBox: () => host.first().boundingBox(),
  };
}

function tab(page: Page, extensionId: string): Tab {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: (s) => page.locator(css(s)).first().click(),
    type: (s, text) => page.locator(css(s)).first().pressSequentially(text),
    select: async (s, value) => void (await page.locator(css(s)).first().selectOption(value)),
    upload: (s, path) => page.locator(css(s)).first().setInputFiles(path),
    press: (key) => page.keyboard.press(key),
    url: () => page.evaluate(() => location.href),
    pageControls: () => pageControls(page),
    clickPageSave: () => page.locator(PAGE_SAVE_HOST).first().click({ position: PAGE_SAVE_AT }),
    run: (source) => page.evaluate(source),
    async readClipboard() {
      // The page reading must be the focused one (the permission is granted at launch).
      await page.bringToFront();
      return page.evaluate(() => navigator.clipboard.readText());
    },
    async writeClipboard(text) {
      await page.bringToFront();
      await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    },
    async download(s) {
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator(css(s)).first().click()]);
      const bytes = await readFile((await file.path())!);
      return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
    },
    async sendAsContentScript(message) {
      const world = await contentScriptWorld(page, extensionId);
      try {
        return await world.evaluate(
          `chrome.runtime.sendMessage(${JSON.stringify(message)}).then((r) => r ?? null, (e) => 'error: ' + e.message)`,
        );
      } finally {
        await world.close();
      }
    },
    movePointer: (x, y) => page.mouse.move(x, y),
    setColorScheme: (colorScheme) => page.emulateMedia({ colorScheme }),
    screenshot: async (path) => void (await page.screenshot({ path })),
    isClosed: async () => page.isClosed(),
    close: () => page.close(),
  };
}

/** A copy of the build for this test only, with access to Zotero's port listed as granted. */
async function buildWithZoteroAccess(dir: string): Promise<string> {
  await cp(extensionPath, dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push('http://127.0.0.1:23119/*');
  await writeFile(file, JSON.stringify(manifest));
  return dir;
}

/** A kept release's archive unpacked into `dir` (an unpacked extension's id comes from its folder). */
async function unpackRelease(zip: string, dir: string): Promise<string> {
  for (const [name, bytes] of Object.entries(unzipSync(await readFile(zip)))) {
    if (name.endsWith('/')) continue;
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), bytes);
  }
  return dir;
}

export async function launchChromiumDriver(opts: DriverOptions): Promise<Driver> {
  const profile = await mkdtemp(join(tmpdir(), 'papertab-driver-'));
  const folder = async () => join(await mkdtemp(join(tmpdir(), 'papertab-build-')), 'extension');
  const copy = opts.release
    ? await unpackRelease(opts.release, await folder())
    : opts.zoteroAccess
      ? await buildWithZoteroAccess(await folder())
      : undefined;
  const errors: string[] = [];
  let ext: ExtensionSession;

  async function start(): Promise<void> {
    ext = await launchExtension({ port: opts.port, userDataDir: profile, extensionDir: copy, hosts: opts.hosts });
    // Reading the clipboard back is the test's own need (every origin: an extension's is opaque to the protocol).
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const origin = `chrome-extension://${ext.extensionId}/`;
    const ours = (url: string) => url.startsWith(origin);
    const onConsole = (m: ConsoleMessage) => {
      // Web pages' own messages are theirs; content scripts' are Papertab's (they run in the page too).
      if (m.type() === 'error' && (ours(m.location().url) || /Papertab/.test(m.text())))
        errors.push(`console.error ${m.location().url}: ${m.text()}`);
    };
    ext.context.on('console', onConsole);
    // The background service worker's console too (each worker once: a stopped worker comes back new).
    const watched = new WeakSet<Worker>();
    const watchWorker = (w: Worker) => {
      if (!ours(w.url()) || watched.has(w)) return;
      watched.add(w);
      w.on('console', (m: ConsoleMessage) => {
        if (m.type() === 'error') errors.push(`console.error in the service worker: ${m.text()}`);
      });
    };
    ext.context.serviceWorkers().forEach(watchWorker);
    ext.context.on('serviceworker', watchWorker);
    ext.context.on('weberror', (e) => {
      const page = e.page();
      if (!page || ours(page.url())) errors.push(`uncaught in ${page?.url() ?? 'a page'}: ${e.error().stack}`);
    });
  }
  await start();

  async function open(url: string, o: OpenOptions & { pdf?: boolean } = {}): Promise<Tab> {
    const page = await ext.context.newPage();
    if (o.viewport) await page.setViewportSize(o.viewport);
    if (o.colorScheme) await page.emulateMedia({ colorScheme: o.colorScheme });
    if (o.beforeLoad) await page.addInitScript(o.beforeLoad);
    // Headless Chromium has no PDF viewer: the navigation is aborted, the tab keeps the address.
    if (o.pdf) await page.goto(url).catch(() => undefined);
    else await page.goto(url);
    return tab(page, ext.extensionId);
  }

  return {
    name: 'chromium',
    // chrome://newtab is what the browser's new-tab command opens; the override replaces it.
    openNewTab: () => open('chrome://newtab/'),
    openExtensionPage: (path, o) => open(`chrome-extension://${ext.extensionId}/${path.replace(/^\//, '')}`, o),
    openWebPage: (url, o) => open(url, o),
    badgeText: () => ext.badgeText(),
    fireAlarm: (name, period) => fireAlarm(ext, name, period),
    inExtension: async (fn, arg) => (await ext.sw()).evaluate(fn as never, arg) as never,
    stopBackground: () => ext.stopServiceWorker(),
    async restart() {
      await ext.close();
      await start();
    },
    async update() {
      if (!opts.release || !copy) throw new Error('update() needs a release installed first (DriverOptions.release)');
      await ext.close();
      await rm(copy, { recursive: true, force: true });
      await cp(extensionPath, copy, { recursive: true });
      await start();
    },
    reloadExtension: () => ext.reloadExtension(),
    answerPermissionPrompt: async () => undefined,
    setOffline: (offline) => ext.context.setOffline(offline),
    errors: () => [...errors],
    async close() {
      await ext?.close();
      await rm(profile, { recursive: true, force: true });
      if (copy) await rm(join(copy, '..'), { recursive: true, force: true });
    },
  };
}
