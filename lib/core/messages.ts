/**
 * The typed contract for runtime messages to the background. Every message is untrusted until
 * `parseMessage` accepts it and the sender is allowed to send it.
 */
import * as v from 'valibot';
import type { Browser } from 'wxt/browser';
import { paperRefFromUrl } from './arxiv-id';
import { isDay, isWeek, MONTH_RE } from './dates';
import { PageMetaSchema, type SaveReply } from './save-request';
import type { Paper } from './paper';

const RefreshMessage = v.strictObject({ type: v.literal('refresh') });
const SyncNowMessage = v.strictObject({ type: v.literal('syncNow') });
/** After an import, the reading list asks the background to complete papers saved from ids alone. */
const CompleteIncompleteMessage = v.strictObject({ type: v.literal('completeIncomplete') });
const FetchRangeMessage = v.strictObject({
  type: v.literal('fetchRange'),
  range: v.union([
    v.strictObject({ date: v.pipe(v.string(), v.check(isDay)) }),
    v.strictObject({ week: v.pipe(v.string(), v.check(isWeek)) }),
    v.strictObject({ month: v.pipe(v.string(), v.regex(MONTH_RE)) }),
  ]),
});

/** "Trending" in the new tab: the background asks Hugging Face's trending order of a range and caches it. */
const FetchTrendingMessage = v.strictObject({
  type: v.literal('fetchTrending'),
  range: FetchRangeMessage.entries.range,
});
/** The reading list asks the background to look up the Hub artifacts of saved papers that are due. */
const CheckArtifactsMessage = v.strictObject({ type: v.literal('checkArtifacts') });

const PaperId = v.pipe(v.string(), v.maxLength(64));
const SavePaperMessage = v.strictObject({
  type: v.literal('savePaper'),
  id: PaperId,
  page: v.optional(PageMetaSchema),
});
const UnsavePaperMessage = v.strictObject({ type: v.literal('unsavePaper'), id: PaperId });
/** "Search Hugging Face" from the new tab: the background asks /api/papers/search (pages carry no API client). */
const SearchHfMessage = v.strictObject({
  type: v.literal('searchHf'),
  q: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(1000)),
});

/** The options page steering the offline archive: pause, resume, or stop (keeping or dropping what it fetched). */
const ArchiveMessage = v.strictObject({
  type: v.literal('archive'),
  action: v.picklist(['pause', 'resume', 'stop']),
  drop: v.optional(v.boolean()),
});

export const MessageSchema = v.variant('type', [
  ArchiveMessage,
  RefreshMessage,
  SyncNowMessage,
  FetchRangeMessage,
  SavePaperMessage,
  UnsavePaperMessage,
  SearchHfMessage,
  CompleteIncompleteMessage,
  FetchTrendingMessage,
  CheckArtifactsMessage,
]);
/** Messages a paper page's content script may send; everything else is for extension pages only. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<Message['type']> = new Set(['savePaper', 'unsavePaper']);
/** Sites whose paper pages host a Save button. */
export const PAPER_HOSTS: ReadonlySet<string> = new Set([
  'huggingface.co',
  'arxiv.org',
  'www.arxiv.org',
  'export.arxiv.org',
]);
export type Message = v.InferOutput<typeof MessageSchema>;

export interface RefreshReply {
  ok: boolean;
  /** What happened, in words a person understands. */
  message: string;
}

export interface CompleteReply {
  /** How many papers this run completed. */
  completed: number;
}

export type SearchHfReply = { ok: true; papers: Paper[] } | { ok: false; message: string };

export interface Replies {
  refresh: RefreshReply;
  fetchRange: RefreshReply;
  syncNow: RefreshReply;
  savePaper: SaveReply;
  unsavePaper: SaveReply;
  searchHf: SearchHfReply;
  completeIncomplete: CompleteReply;
  fetchTrending: RefreshReply;
  checkArtifacts: CheckArtifactsReply;
  archive: RefreshReply;
}

export interface CheckArtifactsReply {
  /** How many saved papers were looked up now (the rest were looked up less than a day ago). */
  checked: number;
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

/** True for this extension's content script on a paper site (https only). */
export function isFromPaperPage(sender: Browser.runtime.MessageSender, runtimeId: string): boolean {
  if (sender.id !== runtimeId || !sender.tab || !sender.url) return false;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'https:' && PAPER_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

/**
 * The paper (canonical arXiv id) that the page of this extension's content script shows now, from
 * the tab's URL as the browser reports it: not `sender.url`, which stays the URL the document was
 * loaded at while Hugging Face changes paper with `history.pushState`. Undefined for any other
 * sender, a frame inside a page (the script runs in top frames only), or a page showing no paper.
 */
export function senderPaperId(sender: Browser.runtime.MessageSender, runtimeId: string): string | undefined {
  if (!isFromPaperPage(sender, runtimeId) || (sender.frameId ?? 0) !== 0) return undefined;
  const url = sender.tab?.url ?? sender.url!;
  try {
    if (new URL(url).protocol !== 'https:') return undefined;
  } catch {
    return undefined;
  }
  return paperRefFromUrl(url)?.id;
}
