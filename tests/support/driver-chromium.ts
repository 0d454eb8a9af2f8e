// The scenario driver (driver.ts) on Chromium: playwright-core over the launcher in extension.ts.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleMessage, Page, Worker } from 'playwright-core';
import { fireAlarm, launchExtension, type ExtensionSession } from './extension';
import { PAGE_SAVE_AT, PAGE_SAVE_HOST, type Driver, type DriverOptions, type Tab } from './driver';

/** Playwright's CSS already pierces open shadow roots. */
const css = (selector: string) => selector.replace(/\s*>>>\s*/g, ' ');

interface CdpNode {
  localName?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}
function findNode(node: CdpNode, name: string): CdpNode | undefined {
  if (node.localName === name) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findNode(child, name);
    if (found) return found;
  }
  return undefined;
}

/** Through CDP, which sees closed shadow roots (the page's scripts do not). */
export async function pageSaveState(page: Page): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findNode(root, PAGE_SAVE_HOST);
    const button = host?.shadowRoots?.[0] && findNode(host.shadowRoots[0], 'button');
    const attrs = button?.attributes ?? [];
    const i = attrs.indexOf('aria-pressed');
    return i >= 0 && i % 2 === 0 ? attrs[i + 1]! : null;
  } finally {
    await cdp.detach();
  }
}

function tab(page: Page): Tab {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: (s) => page.locator(css(s)).first().click(),
    type: (s, text) => page.locator(css(s)).first().pressSequentially(text),
    select: async (s, value) => void (await page.locator(css(s)).first().selectOption(value)),
    upload: (s, path) => page.locator(css(s)).first().setInputFiles(path),
    press: (key) => page.keyboard.press(key),
    url: () => page.evaluate(() => location.href),
    pageSaveState: () => pageSaveState(page),
    clickPageSave: () => page.locator(PAGE_SAVE_HOST).first().click({ position: PAGE_SAVE_AT }),
    close: () => page.close(),
  };
}

export async function launchChromiumDriver(opts: DriverOptions): Promise<Driver> {
  const profile = await mkdtemp(join(tmpdir(), 'papertab-driver-'));
  const errors: string[] = [];
  let ext: ExtensionSession;

  async function start(): Promise<void> {
    ext = await launchExtension({ port: opts.port, userDataDir: profile });
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

  async function open(url: string): Promise<Tab> {
    const page = await ext.context.newPage();
    await page.goto(url);
    return tab(page);
  }

  return {
    name: 'chromium',
    // chrome://newtab is what the browser's new-tab command opens; the override replaces it.
    openNewTab: () => open('chrome://newtab/'),
    openExtensionPage: (path) => open(`chrome-extension://${ext.extensionId}/${path.replace(/^\//, '')}`),
    openWebPage: (url) => open(url),
    badgeText: () => ext.badgeText(),
    fireAlarm: (name, period) => fireAlarm(ext, name, period),
    async restart() {
      await ext.close();
      await start();
    },
    errors: () => [...errors],
    async close() {
      await ext?.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
