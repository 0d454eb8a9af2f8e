/**
 * The background's Zotero messages: sending, moving, the "In Zotero" marks and importing a
 * collection. Zotero is reached only from here; nothing here blocks or changes Papertab's Save.
 */
import { parseArxivId } from '../core/arxiv-id';
import { t } from '../core/i18n';
import { loadSettings } from '../core/settings';
import { hasZoteroAccess } from '../core/zotero-access';
import type { MessageOf } from '../core/messages';
import type {
  ZoteroCheckReply,
  ZoteroCollectionsReply,
  ZoteroPlainReply,
  ZoteroSendReply,
} from '../core/zotero-messages';
import type { HfRequestDeps } from '../hf/gate';
import { saveById } from '../hf/save-paper';
import { moveInZotero, sendToZotero, type SendDeps } from '../zotero/send';
import { createLibraryCheck, type LibraryDeps } from '../zotero/library';
import { importCollection, listCollections } from '../zotero/import';

/** What sending, checking and importing need (the permission's check has a default), and Hugging Face's gate. */
export interface ZoteroRunnerDeps
  extends Omit<SendDeps & LibraryDeps, 'hasPermission'>, Partial<Pick<SendDeps, 'hasPermission'>> {
  hf: HfRequestDeps;
}

export function createZoteroRunner(deps: ZoteroRunnerDeps) {
  const hasPermission = deps.hasPermission ?? hasZoteroAccess;
  const zdeps = { db: deps.db, fetch: deps.fetch, random: deps.random, now: deps.now, hasPermission };
  const library = createLibraryCheck(zdeps);
  /** Every Zotero message first needs Zotero turned on in the options; off, each says how to turn it on. */
  const on = async () => (await loadSettings()).zoteroEnabled;
  const off = () => ({ ok: false as const, message: t('zoteroOff') });

  async function send(m: MessageOf<'zoteroSend'>): Promise<ZoteroSendReply> {
    if (!(await on())) return off();
    const refs = m.ids.map((id) => parseArxivId(id));
    if (refs.some((r) => !r)) return { ok: false, message: t('replyNotArxivId') };
    const ids = [...new Set(refs.map((r) => r!.id))];
    const reply = await sendToZotero(zdeps, ids, m.page);
    if (reply.ok) {
      await library.add(reply.sent.map((s) => s.id));
      // "Also save to Papertab" (an option): the same papers join the reading list too.
      if ((await loadSettings()).zoteroAlsoSave) for (const id of ids) await saveById(deps.hf, id, m.page);
    }
    return reply;
  }

  /** The handlers of the Zotero messages (the router has checked who sent them). */
  const handlers = {
    zoteroSend: send,
    zoteroCheck: async (m: MessageOf<'zoteroCheck'>): Promise<ZoteroCheckReply> => {
      if (!(await on())) return { ids: [] };
      // A paper page (it names its paper) never forces a read: a page cannot make Papertab ask Zotero at will.
      const held = await library.check(m.id === undefined && !!m.force);
      return { ids: held.ids, ...(held.problem ? { problem: held.problem } : {}) };
    },
    zoteroMove: async (m: MessageOf<'zoteroMove'>): Promise<ZoteroPlainReply> =>
      (await on()) ? moveInZotero(zdeps, m.sent, m.target) : off(),
    zoteroCollections: async (): Promise<ZoteroCollectionsReply> => ((await on()) ? listCollections(zdeps) : off()),
    zoteroImport: async (m: MessageOf<'zoteroImport'>): Promise<ZoteroPlainReply> =>
      (await on()) ? importCollection(zdeps, m.key) : off(),
  };
  return { handlers, library };
}
