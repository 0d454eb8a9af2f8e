/**
 * The Zotero part of the message contract (lib/core/messages.ts): pages and the paper-page
 * script ask the background, the only part of Papertab that reaches Zotero.
 */
import * as v from 'valibot';
import { PageMetaSchema } from './save-request';

const PaperId = v.pipe(v.string(), v.maxLength(64));
const SessionId = v.pipe(v.string(), v.regex(/^papertab-[23456789A-Z]{16}$/));
const Target = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[LC]\d{1,12}$/)),
  label: v.pipe(v.string(), v.maxLength(2000)),
});

/** Send papers to Zotero (a paper page may send only the paper its tab shows). */
export const ZoteroSendMessage = v.strictObject({
  type: v.literal('zoteroSend'),
  ids: v.pipe(v.array(PaperId), v.minLength(1), v.maxLength(500)),
  page: v.optional(PageMetaSchema),
});
/** Move what was just sent to another of Zotero's targets. */
export const ZoteroMoveMessage = v.strictObject({
  type: v.literal('zoteroMove'),
  sent: v.pipe(v.array(v.strictObject({ id: PaperId, sessionID: SessionId })), v.minLength(1), v.maxLength(500)),
  target: Target,
});
/**
 * A view opened: read the library again unless the last read is fresh (`force`: now, for
 * extension pages). A paper page names its paper (`id`), and never forces.
 */
export const ZoteroCheckMessage = v.strictObject({
  type: v.literal('zoteroCheck'),
  force: v.optional(v.boolean()),
  id: v.optional(PaperId),
});
/** The options page: Zotero's collections, to import one. */
export const ZoteroCollectionsMessage = v.strictObject({ type: v.literal('zoteroCollections') });
export const ZoteroImportMessage = v.strictObject({
  type: v.literal('zoteroImport'),
  key: v.pipe(v.string(), v.regex(/^[23456789A-Z]{8}$/)),
});

export interface ZoteroTarget {
  id: string;
  label: string;
}

export type ZoteroSendReply =
  | {
      ok: true;
      message: string;
      sent: { id: string; sessionID: string }[];
      target: ZoteroTarget;
      targets: ZoteroTarget[];
      warning?: string;
    }
  | { ok: false; message: string };

export interface ZoteroPlainReply {
  ok: boolean;
  message: string;
}

export type ZoteroCollectionsReply =
  { ok: true; collections: { key: string; label: string }[] } | { ok: false; message: string };

export interface ZoteroCheckReply {
  ids: string[];
  problem?: string;
}
