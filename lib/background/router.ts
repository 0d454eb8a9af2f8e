/**
 * The one router: a message is answered only if its sender's channel may send it (decided once
 * per sender, `channelOf`) and its declared schema accepts it (`admit`, lib/core/messages.ts);
 * then the handler of the same name answers. Anything else gets no answer at all.
 */
import { browser, type Browser } from 'wxt/browser';
import { admit, channelOf, type Message, type MessageOf, type MessageType, type Replies } from '../core/messages';

/** One handler per declared message: the type checker holds the table and the handlers equal. */
export type Handlers = { [K in MessageType]: (message: MessageOf<K>) => Promise<Replies[K]> };
export type AnyReply = Replies[MessageType];

export function createRouter(handlers: Handlers) {
  return async function onMessage(raw: unknown, sender: Browser.runtime.MessageSender): Promise<AnyReply | undefined> {
    const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
    const message = admit(raw, channelOf(sender, browser.runtime.id, extensionOrigin));
    if (!message) return undefined;
    const handle = handlers[message.type] as (m: Message) => Promise<AnyReply>;
    return handle(message);
  };
}
