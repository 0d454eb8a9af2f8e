/**
 * The typed contract for runtime messages to the background, one table (`MESSAGES`) for both ends.
 * Every message is untrusted until `admit` finds its sender's channel allowed to send it and its
 * schema accepts it.
 */
import * as v from 'valibot';
import type { Browser } from 'wxt/browser';
import { paperRefFromUrl, parseArxivId } from './arxiv-id';
import { isDay, isWeek, MONTH_RE } from './dates';
import { PageMetaSchema, type SaveReply } from './save-request';
import type { Paper } from './paper';
import {
  ZoteroCheckMessage,
  ZoteroCollectionsMessage,
  ZoteroImportMessage,
  ZoteroMoveMessage,
  ZoteroSendMessage,
  type ZoteroCheckReply,
  type ZoteroCollectionsReply,
  type ZoteroPlainReply,
  type ZoteroSendReply,
} from './zotero-messages';

const RefreshMessage = v.strictObject({ type: v.literal('refresh') });
const SyncNowMessage = v.strictObject({ type: v.literal('syncNow') });
/** A page showing the feed was looked at: every paper that arrived is seen (lib/views/badge.ts `markSeen`). */
const MarkSeenMessage = v.strictObject({ type: v.literal('markSeen') });
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

/**
 * Who sends: this extension's own pages (new tab, popup, options, reading list), or the content
 * script of a paper page. The channel is decided once per sender (`channelOf`), from its origin and
 * its tab, never from what the message says.
 */
export type Channel = { kind: 'extension' } | { kind: 'paperPage'; paper: string };
export type ChannelKind = Channel['kind'];

interface Declaration<S extends v.GenericSchema> {
  schema: S;
  /** The channels allowed to send it. */
  from: readonly ChannelKind[];
  /** For a message a paper page may send: the paper it is about, which must be the one its tab shows. */
  paper?: (message: v.InferOutput<S>) => string | undefined;
}
const declare = <S extends v.GenericSchema>(d: Declaration<S>) => d;
const PAGES = ['extension'] as const;
const PAGES_AND_PAPER_PAGES = ['extension', 'paperPage'] as const;
/** The paper an id names (any version, `arXiv:` or not), for binding a paper page's message to its paper. */
const paperOf = (m: { id: string }) => parseArxivId(m.id)?.id;

/**
 * Every message the background answers, once: its schema, who may send it, and (for a paper
 * page's) the paper it is bound to. The background's handlers are keyed by the same names
 * (`lib/background/router.ts`, typed complete against this table); pages and the content script
 * send through `send`, typed from here too.
 */
export const MESSAGES = {
  refresh: declare({ schema: RefreshMessage, from: PAGES }),
  syncNow: declare({ schema: SyncNowMessage, from: PAGES }),
  markSeen: declare({ schema: MarkSeenMessage, from: PAGES }),
  completeIncomplete: declare({ schema: CompleteIncompleteMessage, from: PAGES }),
  fetchRange: declare({ schema: FetchRangeMessage, from: PAGES }),
  fetchTrending: declare({ schema: FetchTrendingMessage, from: PAGES }),
  checkArtifacts: declare({ schema: CheckArtifactsMessage, from: PAGES }),
  searchHf: declare({ schema: SearchHfMessage, from: PAGES }),
  archive: declare({ schema: ArchiveMessage, from: PAGES }),
  savePaper: declare({ schema: SavePaperMessage, from: PAGES_AND_PAPER_PAGES, paper: paperOf }),
  unsavePaper: declare({ schema: UnsavePaperMessage, from: PAGES_AND_PAPER_PAGES, paper: paperOf }),
  // Zotero (lib/core/zotero-messages.ts): a paper page may send to Zotero only the paper its tab
  // shows, and ask about the library only naming that paper.
  zoteroSend: declare({
    schema: ZoteroSendMessage,
    from: PAGES_AND_PAPER_PAGES,
    paper: (m) => (m.ids.length === 1 ? parseArxivId(m.ids[0]!)?.id : undefined),
  }),
  zoteroCheck: declare({
    schema: ZoteroCheckMessage,
    from: PAGES_AND_PAPER_PAGES,
    paper: (m) => (m.id === undefined ? undefined : parseArxivId(m.id)?.id),
  }),
  zoteroMove: declare({ schema: ZoteroMoveMessage, from: PAGES }),
  zoteroCollections: declare({ schema: ZoteroCollectionsMessage, from: PAGES }),
  zoteroImport: declare({ schema: ZoteroImportMessage, from: PAGES }),
};
export type MessageType = keyof typeof MESSAGES;
export type MessageOf<K extends MessageType> = v.InferOutput<(typeof MESSAGES)[K]['schema']>;
export type Message = { [K in MessageType]: MessageOf<K> }[MessageType];

/** Sites whose paper pages host a Save button. */
export const PAPER_HOSTS: ReadonlySet<string> = new Set([
  'huggingface.co',
  'arxiv.org',
  'www.arxiv.org',
  'export.arxiv.org',
]);

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

/** What the background answers to each message (keys checked equal to MESSAGES's below). */
export interface Replies {
  refresh: RefreshReply;
  fetchRange: RefreshReply;
  syncNow: RefreshReply;
  markSeen: { ok: true };
  savePaper: SaveReply;
  unsavePaper: SaveReply;
  searchHf: SearchHfReply;
  completeIncomplete: CompleteReply;
  fetchTrending: RefreshReply;
  checkArtifacts: CheckArtifactsReply;
  archive: RefreshReply;
  zoteroSend: ZoteroSendReply;
  zoteroMove: ZoteroPlainReply;
  zoteroCheck: ZoteroCheckReply;
  zoteroCollections: ZoteroCollectionsReply;
  zoteroImport: ZoteroPlainReply;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
/** Every declared message has a reply type, and every reply type a message. */
const _repliesMatchMessages: Same<keyof Replies, MessageType> = true;

export interface CheckArtifactsReply {
  /** How many saved papers were looked up now (the rest were looked up less than a day ago). */
  checked: number;
}

/** `url`'s origin, or undefined when it is not a URL. */
function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The channel of a sender, decided once from what the browser reports (its origin, its tab), or
 * undefined for a sender that may send nothing: another extension, a web page, a frame inside a
 * page, plain http, a site that is not a paper site, or a paper site's page that shows no paper.
 * A paper page's paper is the one its tab shows now: not `sender.url`, which stays the URL the
 * document was loaded at while Hugging Face changes paper with `history.pushState`.
 */
export function channelOf(
  sender: Browser.runtime.MessageSender,
  runtimeId: string,
  extensionOrigin: string,
): Channel | undefined {
  if (sender.id !== runtimeId) return undefined;
  const origin = originOf(sender.url);
  // Where the browser names the origin (Chrome), it must agree with the URL.
  if (!origin || (sender.origin !== undefined && sender.origin !== origin)) return undefined;
  if (origin === extensionOrigin) return { kind: 'extension' };
  if (!sender.tab || (sender.frameId ?? 0) !== 0) return undefined;
  const tabUrl = sender.tab.url ?? sender.url!;
  if (![origin, originOf(tabUrl)].every((o) => o && isPaperSiteOrigin(o))) return undefined;
  const paper = paperRefFromUrl(tabUrl)?.id;
  return paper ? { kind: 'paperPage', paper } : undefined;
}

function isPaperSiteOrigin(origin: string): boolean {
  const url = new URL(origin);
  return url.protocol === 'https:' && url.port === '' && PAPER_HOSTS.has(url.hostname);
}

/**
 * A message from `channel`, parsed by its declared schema, if that channel may send it (and, from
 * a paper page, if it is about the paper the page shows); undefined otherwise.
 */
export function admit(raw: unknown, channel: Channel | undefined): Message | undefined {
  if (!channel || typeof raw !== 'object' || raw === null) return undefined;
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(MESSAGES, type)) return undefined;
  // One declaration, whichever it is: its schema parses, its `paper` reads what that schema gave.
  const declared = MESSAGES[type as MessageType] as unknown as Declaration<v.GenericSchema>;
  if (!declared.from.includes(channel.kind)) return undefined;
  const parsed = v.safeParse(declared.schema, raw);
  if (!parsed.success) return undefined;
  if (channel.kind === 'paperPage' && (!declared.paper || declared.paper(parsed.output) !== channel.paper))
    return undefined;
  return parsed.output as Message;
}
