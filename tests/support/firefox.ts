// Launches Firefox ESR (headless) with the built extension (.output/firefox-mv3) installed
// permanently, driven over WebDriver BiDi by puppeteer-core, in a profile that sends
// huggingface.co / arxiv.org to the stand-in (standin.ts). The recipe and its pitfalls:
// /work/shared/reference/e2e-in-firefox.md (summarised where each one bites below).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { appendFile, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { crc32 } from 'node:zlib';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { poll } from './driver';
import { repoRoot } from './extension';

export const firefoxBuild = join(repoRoot, '.output', 'firefox-mv3');
/** Pinned (pref extensions.webextensions.uuids), so pages are moz-extension://<this>/… */
export const FIREFOX_UUID = '5e1f0c2a-7d3b-4c8e-9a61-0b2d4f6e8a10';

const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1; // 2020-01-01: any valid date will do

/** The directory as a zip archive (stored, not compressed): an .xpi, with no zip tool needed. */
export function zipDirectory(dir: string): Buffer {
  const files = (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(relative(dir, file).split(sep).join('/'));
    const data = readFileSync(file);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export interface FirefoxOptions {
  port: number;
  /** More hosts the stand-in answers (LaunchOptions.hosts in extension.ts), each named. */
  hosts?: string[];
  /** More prefs (e.g. extensions.background.idle.timeout). */
  prefs?: Record<string, string | number | boolean>;
  /**
   * An archive of the add-on to install instead of this build (a kept release, for the update test);
   * it must carry this build's gecko id. `installBuild()` later puts this build over it.
   */
  archive?: string;
}

export interface FirefoxSession {
  readonly browser: Browser;
  readonly addonId: string;
  readonly origin: string;
  /** Where downloads land (no dialog). */
  readonly downloads: string;
  /** Evaluates an expression in the browser's chrome scope (the main window); JSON-serialisable result. */
  chrome<T>(expression: string): Promise<T>;
  /** A raw WebDriver BiDi command. */
  bidi(method: string, params: object): Promise<{ result: unknown }>;
  /**
   * Navigates a new tab to a moz-extension:// page (page.goto never resolves for those); `prepare`
   * runs on the blank tab first (its size, a script before the page's own).
   */
  extensionPage(path: string, prepare?: (page: Page) => Promise<void>): Promise<Page>;
  /** A new tab opened by the browser's own new-tab command (so the new-tab override applies). */
  newTab(): Promise<Page>;
  /** Runs fn in an extension page of our own (the `browser.*` APIs are there). */
  api<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** The event page's state: 'running', 'suspending', 'stopped', … */
  backgroundState(): Promise<string>;
  /** Every line Firefox printed (console output of every context, errors), since launch. */
  readonly output: string[];
  /** Uncaught errors and console.error calls from Papertab's code so far (this launch and earlier ones). */
  errors(): string[];
  /**
   * Installs this build permanently over the installed add-on, as Firefox installs an update: the same
   * id, so it is updated in place and keeps its storage and IndexedDB. Resolves once it is installed.
   */
  installBuild(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** This build's manifest: its version and gecko id. */
export const firefoxBuildManifest = () =>
  JSON.parse(readFileSync(join(firefoxBuild, 'manifest.json'), 'utf8')) as {
    version: string;
    browser_specific_settings: { gecko: { id: string } };
  };
const addonId = (): string => firefoxBuildManifest().browser_specific_settings.gecko.id;

/**
 * Firefox's own console.error lines, which are not the extension's: errors naming its chrome:// or
 * resource:// modules, the remote-settings loader (RSLoader) complaining it is offline, and Nimbus
 * (Firefox's experiments, ExperimentAPI.sys.mjs) failing its start-up work when the browser closes
 * while it runs (seen in one of five runs of the update test, which restarts the browser twice).
 */
const NOT_OURS = /chrome:\/\/|resource:\/\/|^console\.error: (?:RSLoader|ExperimentAPI): /;

export async function launchFirefox(opts: FirefoxOptions): Promise<FirefoxSession> {
  if (!existsSync(join(firefoxBuild, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${firefoxBuild}: run \`npx wxt build -b firefox --mv3\` first`);
  }
  const id = addonId();
  const origin = `moz-extension://${FIREFOX_UUID}/`;
  const dir = await mkdtemp(join(tmpdir(), 'papertab-firefox-'));
  const profile = join(dir, 'profile');
  const downloads = join(dir, 'downloads');
  await mkdir(downloads);
  // A permanent install (it survives a restart) needs an archive; unsigned is fine on ESR with the pref.
  const xpi = join(dir, 'papertab.xpi');
  if (opts.archive) await copyFile(opts.archive, xpi);
  else await writeFile(xpi, zipDirectory(firefoxBuild));

  const output: string[] = [];
  const errors: string[] = [];
  let browser!: Browser;
  let chromeContext: string | undefined;
  let probe: Promise<Page> | undefined;

  function collect(stream: NodeJS.ReadableStream | null | undefined): void {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        // Uncaught errors in our pages and the background name their moz-extension:// script.
        if (line.startsWith(`JavaScript error: ${origin}`)) errors.push(line);
        // console.error from pages, the background and content scripts (devtools.console.stdout.*);
        // the remote agent's own errors name chrome:// or resource:// modules.
        else if (line.startsWith('console.error:') && !NOT_OURS.test(line)) errors.push(line);
      }
    });
  }

  async function start(): Promise<void> {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      acceptInsecureCerts: true,
      // Without it BiDi refuses moz-extension:// navigations and the chrome scope.
      args: ['--remote-allow-system-access', '--profile', profile],
      extraPrefsFirefox: {
        // Firefox has no --host-resolver-rules: the hosts resolve to 127.0.0.1, port 443 goes to the stand-in.
        'network.dns.localDomains': ['huggingface.co', 'arxiv.org', 'www.arxiv.org', ...(opts.hosts ?? [])].join(','),
        'network.socket.forcePort': `443=${opts.port}`,
        'extensions.webextensions.uuids': JSON.stringify({ [id]: FIREFOX_UUID }),
        'xpinstall.signatures.required': false,
        // BiDi's log events miss extension pages and the background; stdout has every context.
        // Only content principals: extension pages, the background, content scripts (and web pages,
        // whose stand-in scripts log nothing). Firefox's own chrome code (remote settings, the remote
        // agent's actors at shutdown) logs console.error lines that are not Papertab's.
        'devtools.console.stdout.content': true,
        'devtools.console.stdout.chrome': false,
        'browser.download.folderList': 2,
        'browser.download.dir': downloads,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        ...opts.prefs,
      },
    });
    const proc = browser.process();
    collect(proc?.stdout);
    collect(proc?.stderr);
    chromeContext = undefined;
    probe = undefined;
  }

  /** A raw WebDriver BiDi command (puppeteer's BiDi browser has the connection; its public type does not). */
  async function send(method: string, params: object): Promise<{ result: unknown }> {
    const bidi = browser as unknown as { connection: { send(m: string, p: object): Promise<{ result: unknown }> } };
    return bidi.connection.send(method, params);
  }

  async function chrome<T>(expression: string): Promise<T> {
    if (!chromeContext) {
      const tree = await send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const contexts = (tree.result as { contexts: { context: string; url: string }[] }).contexts;
      chromeContext = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml')?.context;
      if (!chromeContext) throw new Error('no browser window in the chrome scope');
    }
    const { result } = await send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})) ?? 'null')()`,
      target: { context: chromeContext },
      awaitPromise: true,
    });
    const r = result as { type: string; result?: { value?: string }; exceptionDetails?: { text: string } };
    if (r.type !== 'success') throw new Error(`chrome scope: ${r.exceptionDetails?.text ?? JSON.stringify(r)}`);
    return JSON.parse(r.result?.value ?? 'null') as T;
  }

  async function extensionPage(path: string, prepare?: (page: Page) => Promise<void>): Promise<Page> {
    const page = await browser.newPage();
    await prepare?.(page);
    const frame = page.mainFrame() as unknown as {
      browsingContext: { navigate(url: string, wait: string): Promise<void> };
    };
    await frame.browsingContext.navigate(origin + path.replace(/^\//, ''), 'complete');
    return page;
  }

  async function install(path: string): Promise<void> {
    const installed = await send('webExtension.install', {
      extensionData: { type: 'archivePath', path },
      'moz:permanent': true,
    });
    if ((installed.result as { extension?: string }).extension !== id) {
      throw new Error(`installing the add-on: ${JSON.stringify(installed.result)}`);
    }
  }

  await start();
  await install(xpi);

  const session: FirefoxSession = {
    get browser() {
      return browser;
    },
    addonId: id,
    origin,
    downloads,
    output,
    chrome,
    bidi: send,
    extensionPage,
    async newTab() {
      const created = new Promise<Page>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no tab opened')), 15_000);
        browser.once('targetcreated', (t: { page(): Promise<Page | null> }) => {
          clearTimeout(timer);
          t.page().then((p) => (p ? resolve(p) : reject(new Error('the new target is not a page'))), reject);
        });
      });
      await chrome(`BrowserCommands.openTab()`);
      const page = await created;
      // The tab starts as about:blank and then loads the override.
      await poll(
        () => page.evaluate(() => location.href),
        'the new tab to load the override',
        (href) => href.startsWith(origin),
      );
      return page;
    },
    async api(fn, arg) {
      // A page of the extension's origin with no app on it: the icon. It has `browser.*` too.
      const page = (probe ??= extensionPage('icon/icon.svg'));
      try {
        return (await (await page).evaluate(fn as never, arg)) as never;
      } catch (err) {
        // Reloading the extension closes its pages, the probe too: the next call opens a new one.
        if (probe === page) probe = undefined;
        throw err;
      }
    },
    backgroundState: () =>
      chrome<string>(`WebExtensionPolicy.getByID(${JSON.stringify(id)}).extension.backgroundState`),
    errors: () => [...errors],
    async installBuild() {
      const update = join(dir, 'papertab-update.xpi');
      await writeFile(update, zipDirectory(firefoxBuild));
      // The old version's pages close with it, the probe too.
      probe = undefined;
      await install(update);
    },
    async restart() {
      await browser.close();
      await start();
    },
    async close() {
      await browser?.close().catch(() => undefined);
      // PAPERTAB_FIREFOX_LOG=<file>: everything Firefox printed, to see what a failing test saw.
      if (process.env.PAPERTAB_FIREFOX_LOG)
        await appendFile(process.env.PAPERTAB_FIREFOX_LOG, output.join('\n') + '\n');
      await rm(dir, { recursive: true, force: true });
    },
  };
  return session;
}
