// Launches Chromium (headless unless asked otherwise) with the built extension (.output/chrome-mv3) and a profile that
// resolves huggingface.co / arxiv.org to the stand-in server (standin.ts).

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const extensionPath = join(repoRoot, '.output', 'chrome-mv3');

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** The extension's current service worker; starts it again if it was stopped. */
  sw(): Promise<Worker>;
  /** Opens chrome-extension://<id>/<path> in a new page. */
  page(path: string): Promise<Page>;
  /** chrome.action.getBadgeText({}) via the service worker. */
  badgeText(): Promise<string>;
  /**
   * Reloads the extension the way a developer or an update does (chrome://extensions' reload
   * button; `chrome.runtime.reload()` would leave a command-line-loaded extension disabled):
   * every page and the worker of the old instance go, a new worker starts. Resolves once it has.
   */
  reloadExtension(): Promise<void>;
  /** Stops the service worker the way Chrome does when idle; resolves once it has stopped. */
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Port of the stand-in server (StandIn.port). */
  port: number;
  /** Reuse a profile (e.g. to restart the browser). Default: a fresh temp dir, deleted on close. */
  userDataDir?: string;
  /** Run without a window (default). `false` opens a real browser window; it needs a display. */
  headless?: boolean;
  /** Another copy of the build (the bench adds a blank page to one). Default: .output/chrome-mv3. */
  extensionDir?: string;
  /**
   * More hosts the stand-in answers (its IMAGE_HOSTS, github.com, a project's *.github.io), each
   * named: elsewhere Firefox takes no wildcards, and both browsers get the same list.
   */
  hosts?: string[];
}

// Minimal typing of what we call inside the worker; the test's TS context has no `chrome` global.
interface ChromeInWorker {
  chrome: { action: { getBadgeText(details: object): Promise<string> } };
}

export async function launchExtension(opts: LaunchOptions): Promise<ExtensionSession> {
  const dir = opts.extensionDir ?? extensionPath;
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}: run \`npx wxt build\` first`);
  }
  const ownsProfile = opts.userDataDir === undefined;
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'papertab-profile-')));
  const { port } = opts;

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: opts.headless ?? true,
    ignoreHTTPSErrors: true,
    // Playwright passes --disable-extensions by default; it must go for --load-extension to work.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      `--host-resolver-rules=${['huggingface.co', 'arxiv.org', 'www.arxiv.org', ...(opts.hosts ?? [])]
        .map((host) => `MAP ${host}:443 127.0.0.1:${port}`)
        .join(', ')}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--ignore-certificate-errors',
    ],
  });

  try {
    const isExtensionWorker = (w: Worker): boolean => w.url().startsWith('chrome-extension://');
    const first =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 15_000 }));
    const extensionId = new URL(first.url()).host;
    const origin = `chrome-extension://${extensionId}/`;
    const ours = (w: Worker): boolean => w.url().startsWith(origin);

    // Playwright keeps one Worker object per extension across stop/start (same DevTools target, no
    // 'close' event), and evaluate() on a stopped worker just waits. So liveness comes from the
    // ServiceWorker CDP domain, which needs a page target: a private about:blank page, made on first use.
    let status = 'running';
    const statusListeners = new Set<() => void>();
    let cdp: Promise<CDPSession> | undefined;
    const session = (): Promise<CDPSession> =>
      (cdp ??= (async () => {
        const p = await context.newPage();
        p.once('close', () => (cdp = undefined));
        const s = await context.newCDPSession(p);
        s.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          const mine = versions.filter((v) => v.scriptURL.startsWith(origin));
          if (mine.length === 0) return;
          status = mine.some((v) => v.runningStatus === 'running') ? 'running' : (mine.at(-1)?.runningStatus ?? status);
          for (const l of [...statusListeners]) l();
        });
        await s.send('ServiceWorker.enable'); // replays the current state through the event above
        return s;
      })());

    function waitForStatus(want: string, timeoutMs = 10_000): Promise<void> {
      if (status === want) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (status !== want) return;
          clearTimeout(timer);
          statusListeners.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          statusListeners.delete(check);
          reject(new Error(`service worker did not become ${want} within ${timeoutMs} ms (is ${status})`));
        }, timeoutMs);
        statusListeners.add(check);
      });
    }

    async function sw(): Promise<Worker> {
      if (cdp) {
        const s = await session();
        if (status === 'stopping') await waitForStatus('stopped');
        // Nothing may be around to wake it (a stopped worker restarts only for events it listens to),
        // so ask DevTools to start it: this runs the background script like any other wake-up.
        if (status === 'stopped') await s.send('ServiceWorker.startWorker', { scopeURL: origin });
        await waitForStatus('running', 15_000);
      }
      return (
        context.serviceWorkers().find(ours) ??
        (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 }))
      );
    }

    return {
      context,
      extensionId,
      sw,
      async page(path) {
        const p = await context.newPage();
        await p.goto(origin + path.replace(/^\//, ''));
        return p;
      },
      async badgeText() {
        const worker = await sw();
        return worker.evaluate(() => (globalThis as unknown as ChromeInWorker).chrome.action.getBadgeText({}));
      },
      async reloadExtension() {
        const page = await context.newPage();
        try {
          await page.goto('chrome://extensions/');
          const devMode = page.locator('#devMode');
          if ((await devMode.getAttribute('aria-pressed')) !== 'true') await devMode.click();
          const started = context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 });
          await page.locator(`extensions-item#${extensionId} #dev-reload-button`).click();
          await started;
        } finally {
          await page.close();
        }
      },
      async stopServiceWorker() {
        const s = await session();
        await s.send('ServiceWorker.stopAllWorkers');
        await waitForStatus('stopped');
      },
      async close() {
        await context.close();
        if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await context.close().catch(() => undefined);
    if (ownsProfile) await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * Fires one of the extension's own alarms now (as if its time had come): the work runs through
 * the real alarm listener. A periodic alarm stays periodic with the same period (`period` when it
 * is missing), so a worker starting meanwhile (whose start() re-creates a *missing* refresh alarm,
 * 30 minutes out) finds it in place and cannot replace this early firing.
 */
export async function fireAlarm(ext: ExtensionSession, name: string, period?: number): Promise<void> {
  const sw = await ext.sw();
  await sw.evaluate(
    async ([alarmName, fallback]) => {
      type Alarm = { periodInMinutes?: number };
      const c = (
        globalThis as unknown as {
          chrome: {
            alarms: { get(n: string): Promise<Alarm | undefined>; create(n: string, i: object): Promise<void> };
          };
        }
      ).chrome;
      const periodInMinutes = (await c.alarms.get(alarmName))?.periodInMinutes ?? fallback;
      await c.alarms.create(alarmName, { when: Date.now() + 50, ...(periodInMinutes ? { periodInMinutes } : {}) });
    },
    [name, period] as const,
  );
}

/** Fires the feed refresh alarm now (it stays periodic: 30 minutes unless set otherwise). */
export const fireRefreshAlarm = (ext: ExtensionSession) => fireAlarm(ext, 'papertab-refresh', 30);
