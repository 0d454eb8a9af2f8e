// The scenario driver (driver.ts) on Firefox ESR: puppeteer-core over WebDriver BiDi (firefox.ts).

import type { ElementHandle, Page } from 'puppeteer-core';
import { poll, type Driver, type DriverOptions, type Tab } from './driver';
import { launchFirefox, type FirefoxSession } from './firefox';

/**
 * Puppeteer's own waits use a MutationObserver that misses changes inside shadow roots, so
 * elements are polled for. `a >>> b` is puppeteer's deep combinator already.
 */
async function element(page: Page, selector: string): Promise<ElementHandle> {
  return poll(() => page.$(selector), `an element matching ${selector}`) as Promise<ElementHandle>;
}

export function firefoxTab(page: Page): Tab {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: async (s) => (await element(page, s)).click(),
    type: async (s, text) => (await element(page, s)).type(text),
    select: async (s, value) => void (await (await element(page, s)).select(value)),
    upload: async (s, path) => ((await element(page, s)) as ElementHandle<HTMLInputElement>).uploadFile(path),
    press: (key) => page.keyboard.press(key as never),
    url: () => page.evaluate(() => location.href),
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
    openNewTab: async () => firefoxTab(await ff.newTab()),
    openExtensionPage: async (path) => firefoxTab(await ff.extensionPage(path)),
    async openWebPage(url) {
      const page = await ff.browser.newPage();
      await page.goto(url);
      return firefoxTab(page);
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
    async answerPermissionPrompt(accept) {
      // Firefox's own prompt (a doorhanger on the tab that asked).
      await poll(
        () =>
          ff.chrome<boolean>(`(() => {
            const prompt = PopupNotifications.panel.querySelector('#addon-webext-permissions-notification');
            if (prompt) prompt[${JSON.stringify(accept ? 'button' : 'secondaryButton')}].click();
            return Boolean(prompt);
          })()`),
        'the permission prompt',
      );
    },
    restart: () => ff.restart(),
    errors: () => ff.errors(),
    close: () => ff.close(),
  };
}
