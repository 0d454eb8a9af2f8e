// The isolated world this extension's content script runs in, on a page opened by Playwright (whose
// own evaluate() runs in the page's main world). Through the Chrome DevTools Protocol: Runtime
// reports every execution context, the content script's by its extension origin.

import type { CDPSession, Page } from 'playwright-core';

export interface ContentWorld {
  /** Evaluates `expression` in the content script's world (awaiting a promise), returning its value. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

interface ContextDescription {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; isDefault?: boolean; frameId?: string };
}

/** Resolves once the content script of extension `extensionId` has been injected into `page`'s top frame. */
export async function contentScriptWorld(page: Page, extensionId: string, timeoutMs = 15_000): Promise<ContentWorld> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const origin = `chrome-extension://${extensionId}`;
  const found = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no content-script world of ${origin} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    cdp.on('Runtime.executionContextCreated', ({ context }: { context: ContextDescription }) => {
      if (context.auxData?.type !== 'isolated' || !context.origin.startsWith(origin)) return;
      clearTimeout(timer);
      resolve(context.id);
    });
  });
  // Replays the contexts that already exist, then reports new ones.
  await cdp.send('Runtime.enable');
  const contextId = await found;
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression,
        contextId,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) {
        throw new Error(
          `in the content-script world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`,
        );
      }
      return result.value as T;
    },
    close: () => cdp.detach(),
  };
}
