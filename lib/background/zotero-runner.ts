/**
 * The background's Zotero messages: sending, moving, the "In Zotero" marks and importing a
 * collection. Zotero is reached only from here; nothing here blocks or changes Papertab's Save.
 */
import type { Browser } from 'wxt/browser';
import { parseArxivId } from '../core/arxiv-id';
import { t } from '../core/i18n';
import { loadSettings } from '../core/settings';
import { hasZoteroAccess } from '../core/zotero-access';
import type { Message } from '../core/messages';
import type {
  ZoteroCheckReply,
  ZoteroCollectionsReply,
  ZoteroPlainReply,
  ZoteroSendReply,
} from '../core/zotero-messages';
import type { PapertabDB } from '../store/db';
import type { HfRequestDeps } from '../feed/gate';
import { saveById } from '../save/save-paper';
import { moveInZotero, sendToZotero } from '../zotero/send';
import { createLibraryCheck } from '../zotero/library';
import { importCollection, listCollections } from '../zotero/import';

type ZoteroMessage = Extract<Message, { type: `zotero${string}` }>;
export type ZoteroReply = ZoteroSendReply | ZoteroPlainReply | ZoteroCheckReply | ZoteroCollectionsReply;

export interface ZoteroRunnerDeps {
  db: PapertabDB;
  fetch?: typeof fetch;
  now: () => number;
  random?: () => number;
  hf: HfRequestDeps;
  hasPermission?: () => Promise<boolean>;
}

export function isZoteroMessage(m: Message): m is ZoteroMessage {
  return m.type.startsWith('zotero');
}

export function createZoteroRunner(deps: ZoteroRunnerDeps) {
  const hasPermission = deps.hasPermission ?? hasZoteroAccess;
  const zdeps = { db: deps.db, fetch: deps.fetch, random: deps.random, now: deps.now, hasPermission };
  const library = createLibraryCheck(zdeps);

  async function send(ids: string[], page: Extract<ZoteroMessage, { type: 'zoteroSend' }>['page']) {
    const refs = ids.map((id) => parseArxivId(id));
    if (refs.some((r) => !r)) return { ok: false, message: t('replyNotArxivId') } satisfies ZoteroSendReply;
    const canonical = [...new Set(refs.map((r) => r!.id))];
    const reply = await sendToZotero(zdeps, canonical, page);
    if (reply.ok) {
      await library.add(reply.sent.map((s) => s.id));
      // "Also save to Papertab" (an option): the same papers join the reading list too.
      if ((await loadSettings()).zoteroAlsoSave) for (const id of canonical) await saveById(deps.hf, id, page);
    }
    return reply;
  }

  /**
   * `paperId`: for a paper page's script, the paper its tab shows; it may send that one only.
   * Undefined for extension pages.
   */
  async function onMessage(
    message: ZoteroMessage,
    fromPaperPage: boolean,
    paperId?: string,
  ): Promise<ZoteroReply | undefined> {
    if (!(await loadSettings()).zoteroEnabled) {
      return message.type === 'zoteroCheck' ? { ids: [] } : { ok: false, message: t('zoteroOff') };
    }
    switch (message.type) {
      case 'zoteroSend':
        if (fromPaperPage && (message.ids.length !== 1 || parseArxivId(message.ids[0]!)?.id !== paperId))
          return undefined;
        return send(message.ids, message.page);
      case 'zoteroCheck': {
        const held = await library.check(!fromPaperPage && !!message.force);
        return { ids: held.ids, ...(held.problem ? { problem: held.problem } : {}) };
      }
      case 'zoteroMove':
        return fromPaperPage ? undefined : moveInZotero(zdeps, message.sent, message.target);
      case 'zoteroCollections':
        return fromPaperPage ? undefined : listCollections({ ...zdeps });
      case 'zoteroImport':
        return fromPaperPage ? undefined : importCollection(zdeps, message.key);
    }
  }
  return { onMessage, library };
}

export type SenderInfo = Browser.runtime.MessageSender;
