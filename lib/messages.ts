/**
 * The typed contract for runtime messages to the background. Every message is untrusted until
 * `parseMessage` accepts it and the sender is allowed to send it.
 */
import * as v from 'valibot';
import { browser, type Browser } from 'wxt/browser';
import { isDay, MONTH_RE, WEEK_RE } from './dates';

const RefreshMessage = v.strictObject({ type: v.literal('refresh') });
const FetchRangeMessage = v.strictObject({
  type: v.literal('fetchRange'),
  range: v.union([
    v.strictObject({ date: v.pipe(v.string(), v.check(isDay)) }),
    v.strictObject({ week: v.pipe(v.string(), v.regex(WEEK_RE)) }),
    v.strictObject({ month: v.pipe(v.string(), v.regex(MONTH_RE)) }),
  ]),
});

export const MessageSchema = v.variant('type', [RefreshMessage, FetchRangeMessage]);
export type Message = v.InferOutput<typeof MessageSchema>;

export interface RefreshReply {
  ok: boolean;
  /** What happened, in words a person understands. */
  message: string;
}

export interface Replies {
  refresh: RefreshReply;
  fetchRange: RefreshReply;
}

export function parseMessage(raw: unknown): Message | undefined {
  const r = v.safeParse(MessageSchema, raw);
  return r.success ? r.output : undefined;
}

/** True for this extension's own pages (new tab, popup, …), false for content scripts and other extensions. */
export function isFromExtensionPage(
  sender: Browser.runtime.MessageSender,
  runtimeId: string,
  extensionOrigin: string,
): boolean {
  if (sender.id !== runtimeId) return false;
  if (!sender.url) return false;
  try {
    return new URL(sender.url).origin === extensionOrigin;
  } catch {
    return false;
  }
}

export async function send<M extends Message>(message: M): Promise<Replies[M['type']]> {
  return (await browser.runtime.sendMessage(message)) as Replies[M['type']];
}
