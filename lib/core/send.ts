/**
 * What pages call to ask the background something. Apart from `messages.ts` (which holds the
 * schemas the background checks every message with), so a page carries the contract's types only,
 * not its validators.
 */
import { browser } from 'wxt/browser';
import type { Message, Replies } from './messages';

export async function send<M extends Message>(message: M): Promise<Replies[M['type']]> {
  const reply: unknown = await browser.runtime.sendMessage(message);
  // The worker's message polyfill answers a handler that failed with this marker; pages use the
  // browser's own API (wxt.config.ts), so the failure is turned back into an error here.
  if (reply && typeof reply === 'object' && '__mozWebExtensionPolyfillReject__' in reply)
    throw new Error(String((reply as { message?: unknown }).message));
  return reply as Replies[M['type']];
}
