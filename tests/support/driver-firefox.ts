// The scenario driver (driver.ts) on Firefox ESR: puppeteer-core over WebDriver BiDi (firefox.ts).

import type { ElementHandle, Page } from 'puppeteer-core';
import { PAGE_SAVE_AT, PAGE_SAVE_HOST, poll, type Driver, type DriverOptions, type Tab } from './driver';
import { launchFirefox, type FirefoxSession } from './firefox';

/**
 * Puppeteer's own waits use a MutationObserver that misses changes inside shadow roots, so
 * elements are polled for. `a >>> b` is puppeteer's deep combinator already.
 */
async function element(page: Page, selector: string): Promise<ElementHandle> {
  return poll(() => page.$(selector), `an element matching ${selector}`) as Promise<ElementHandle>;
}

interface BidiNode {
  value?: {
    localName?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
  };
}
function findButton(node: BidiNode | null | undefined): BidiNode['value'] | undefined {
  const v = node?.value;
  if (v?.localName === 'button') return v;
  for (const child of [...(v?.shadowRoot ? [v.shadowRoot] : []), ...(v?.children ?? [])]) {
    const found = findButton(child);
    if (found) return found;
  }
  return undefined;
}

/** Through WebDriver BiDi, whose serialization can include closed shadow trees (the page's scripts cannot). */
async function pageSaveState(ff: FirefoxSession, page: Page): Promise<string | null> {
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const { result } = await ff.bidi('script.evaluate', {
    expression: `document.querySelector(${JSON.stringify(PAGE_SAVE_HOST)})`,
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 8, includeShadowTree: 'all' },
  });
  const r = result as { type: string; result?: BidiNode & { type: string } };
  if (r.type !== 'success' || r.result?.type !== 'node') return null;
  return findButton(r.result)?.attributes?.['aria-pressed'] ?? null;
}

export function firefoxTab(page: Page, ff?: FirefoxSession): Tab {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: async (s) => (await element(page, s)).click(),
    type: async (s, text) => (await element(page, s)).type(text),
    select: async (s, value) => void (await (await element(page, s)).select(value)),
    upload: async (s, path) => ((await element(page, s)) as ElementHandle<HTMLInputElement>).uploadFile(path),
    press: (key) => page.keyboard.press(key as never),
    url: () => page.evaluate(() => location.href),
    async pageSaveState() {
      if (!ff) throw new Error('firefoxTab(page, ff): reading the Save button needs the session');
      return pageSaveState(ff, page);
    },
    clickPageSave: async () => (await element(page, PAGE_SAVE_HOST)).click({ offset: PAGE_SAVE_AT }),
    close: () => page.close(),
  };
}

export async function launchFirefoxDriver(opts: DriverOptions): Promise<Driver> {
  const ff: FirefoxSession = await launchFirefox({ port: opts.port });
  return firefoxDriver(ff);
}

export function firefoxDriver(ff: FirefoxSession): Driver {
  return {
    name: 'firefox',
    openNewTab: async () => firefoxTab(await ff.newTab(), ff),
    openExtensionPage: async (path) => firefoxTab(await ff.extensionPage(path), ff),
    async openWebPage(url) {
      const page = await ff.browser.newPage();
      await page.goto(url);
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
    restart: () => ff.restart(),
    errors: () => ff.errors(),
    close: () => ff.close(),
  };
}
