/**
 * What only Firefox has, or only Firefox needs checking: the background is an event page that
 * Firefox suspends when idle, and private windows. The flows both browsers share are in
 * tests/scenarios/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { makeDay, utcDay } from '../fixtures/papers';
import { startStandIn, type StandIn } from '../support/standin';
import { launchFirefox, type FirefoxSession } from '../support/firefox';
import { firefoxDriver, firefoxTab } from '../support/driver-firefox';
import {
  pageSaveState,
  poll,
  storedSaved,
  waitForBadge,
  waitForPapers,
  waitIn,
  type Driver,
  type Tab,
} from '../support/driver';

let hf: StandIn;
let ff: FirefoxSession;
let driver: Driver;
const YESTERDAY = utcDay(-1);
const TODAY = utcDay(0);
const items = makeDay(YESTERDAY, 5);
const papers = items.map((i) => i.paper);

beforeAll(async () => {
  hf = await startStandIn();
  hf.setDay(YESTERDAY, items);
  ff = await launchFirefox({ port: hf.port });
  driver = firefoxDriver(ff);
  await waitForBadge(driver, '5');
});
afterAll(async () => {
  await driver?.close();
  await hf?.close();
});

let reported = 0;
afterEach(() => {
  const errors = driver.errors().slice(reported);
  reported += errors.length;
  expect(errors, 'errors logged by Papertab').toEqual([]);
});

/** Suspends the event page as Firefox does when idle, and waits until it has stopped (driver.ts). */
const suspend = () => driver.stopBackground();

async function readingList(): Promise<Tab> {
  const list = await driver.openExtensionPage('reading-list.html');
  await waitIn(list, 'the reading list', () => document.querySelector('h1')?.textContent?.startsWith('Reading list'));
  return list;
}
const listIds = (list: Tab) =>
  list.evaluate(() => [...document.querySelectorAll('main article')].map((a) => a.getAttribute('data-paper-id') ?? ''));

describe('errors count', () => {
  it('an uncaught error and a console.error in an extension page reach the collector', async () => {
    const before = driver.errors().length;
    const page = await driver.openExtensionPage('options.html');
    await page.evaluate(() => {
      console.error('Papertab: probe console.error');
      setTimeout(() => {
        throw new Error('probe uncaught');
      });
    });
    const seen = await poll(
      async () => driver.errors().slice(before),
      'both errors collected',
      (e) => e.length === 2,
    );
    expect(seen.join('\n')).toMatch(/console\.error: "Papertab: probe console\.error"/);
    expect(seen.join('\n')).toMatch(/JavaScript error: moz-extension:\/\/.*options\.html.*probe uncaught/);
    reported += 2; // this test's own errors, on purpose
    await page.close();
  });
});

describe('the event page', () => {
  it('suspended as when idle, the event page is woken by the refresh alarm, and the new day arrives', async () => {
    await suspend();
    hf.setDay(TODAY, makeDay(TODAY, 3, 4));
    const since = hf.requests.length;
    await driver.fireAlarm('papertab-refresh', 30);
    await hf.waitForRequest((r) => hf.requests.indexOf(r) >= since && r.path.startsWith('/api/daily_papers'), 20_000);
    // The badge counts papers since the new tab or popup was last opened (issue 11): yesterday's 5, never opened, and today's 3.
    await waitForBadge(driver, '8');
  });

  it('suspended as when idle, the event page is woken by a save from an arXiv page, and the save is stored', async () => {
    const paper = papers[0]!;
    await suspend();
    const page = await driver.openWebPage(`https://arxiv.org/abs/${paper.id}`);
    await poll(
      () => pageSaveState(page),
      'the Save button',
      (s) => s === 'false',
    );
    expect(await ff.backgroundState()).toBe('stopped'); // showing the button did not need it
    await page.clickPageSave();
    await poll(
      () => pageSaveState(page),
      'the button to say Saved',
      (s) => s === 'true',
    );
    await page.close();
    const list = await readingList();
    expect(await poll(() => storedSaved(list, paper.id), 'the stored record')).toMatchObject({ status: 'to-read' });
    await list.close();
  });
});

describe('a private window', () => {
  let privateTab: Page;

  beforeAll(async () => {
    // The paper the normal window must still list: the event-page step saves the same one, and saving
    // again changes nothing, so a failure there is reported once, not again here.
    const page = await driver.openExtensionPage('options.html');
    const reply = await page.evaluate(
      (id) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ type: 'savePaper', id }),
      papers[0]!.id,
    );
    expect(reply).toMatchObject({ ok: true });
    await page.close();
  });

  it('with Papertab allowed there, the new tab is Papertab’s and says plainly that it has no database', async () => {
    // Extensions run in private windows only when the user allows it (about:addons); allow it.
    const badge = await driver.badgeText();
    await ff.chrome(`(async () => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      await ExtensionPermissions.add(${JSON.stringify(ff.addonId)}, { permissions: ['internal:privateBrowsingAllowed'], origins: [] });
      await (await AddonManager.getAddonByID(${JSON.stringify(ff.addonId)})).reload();
      return true;
    })()`);
    await waitForBadge(driver, badge); // reloaded: recomputed from the cache
    expect(
      await ff.chrome(`new Promise((resolve) => {
        const w = OpenBrowserWindow({ private: true });
        globalThis.papertabPrivateWindow = w;
        w.addEventListener('load', () => resolve(PrivateBrowsingUtils.isWindowPrivate(w)), { once: true });
      })`),
    ).toBe(true);
    await poll(
      () => ff.chrome<boolean>(`globalThis.papertabPrivateWindow.gBrowserInit.delayedStartupFinished`),
      'the private window to be ready',
    );
    // The private window's own new-tab command; its tabs' addresses, as the browser has them.
    await ff.chrome(`(() => { globalThis.papertabPrivateWindow.BrowserCommands.openTab(); return true; })()`);
    const tabUrls = () =>
      ff.chrome<string[]>(`globalThis.papertabPrivateWindow.gBrowser.browsers.map((b) => b.currentURI.spec)`);
    await poll(tabUrls, 'the override in the private window', (urls) => urls.includes(`${ff.origin}newtab.html`));
    // The same tab for the driver (no other new tab is open now).
    privateTab = (await poll(async () => {
      for (const page of await ff.browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href === `${ff.origin}newtab.html`) return page;
      }
      return undefined;
    }, 'the private new tab')) as Page;
    const t = firefoxTab(privateTab, ff);
    await waitIn(t, 'the notice', () =>
      document.body.innerText.includes('cannot use its local database in this window'),
    );
    // What the README promises is what Firefox does: no IndexedDB for extension pages in private windows.
    expect(
      await t.evaluate(
        () =>
          new Promise<string>((resolve) => {
            try {
              const open = indexedDB.open('papertab-probe');
              open.onsuccess = () => resolve('opened');
              open.onerror = () => resolve('refused');
            } catch {
              resolve('refused');
            }
          }),
      ),
    ).toBe('refused');
  });

  it('the popup there still shows the day’s top papers, from extension storage', async () => {
    const t = firefoxTab(privateTab, ff);
    await navigate(privateTab, `${ff.origin}popup.html`);
    await waitIn(t, 'the notice', () =>
      document.body.innerText.includes('cannot use its local database in this window'),
    );
    const titles = await waitIn(t, 'the top papers', () => {
      const titles = [...document.querySelectorAll('article h2, li h2, h2')].map((h) => h.textContent ?? '');
      return titles.length >= 3 ? titles : undefined;
    });
    const today = makeDay(TODAY, 3, 4).map((i) => i.paper.title);
    expect(titles!.filter((x) => today.includes(x)).sort()).toEqual([...today].sort());
  });

  it('the reading list there says so plainly, and the normal window still has the list', async () => {
    const t = firefoxTab(privateTab, ff);
    await navigate(privateTab, `${ff.origin}reading-list.html`);
    await waitIn(t, 'the notice', () =>
      document.body.innerText.includes('cannot use its local database in this window'),
    );
    await ff.chrome(`(() => { globalThis.papertabPrivateWindow.close(); return true; })()`);
    const list = await readingList();
    await poll(
      () => listIds(list),
      'the saved paper',
      (ids) => ids.join() === papers[0]!.id,
    );
    const newTab = await driver.openNewTab();
    await waitForPapers(newTab, 3);
    await newTab.close();
    await list.close();
  });
});

async function navigate(page: Page, url: string): Promise<void> {
  const frame = page.mainFrame() as unknown as { browsingContext: { navigate(u: string, w: string): Promise<void> } };
  await frame.browsingContext.navigate(url, 'complete');
}
