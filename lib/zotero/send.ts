/**
 * "Send to Zotero": each paper saved as a preprint the way the Zotero Connector saves a page
 * (saveItems, then getSelectedCollection, then the PDF to saveAttachment, then the user's tags and
 * note through updateSession). It reads Papertab's data and never writes it.
 */
import { arxivAbsUrl, arxivPdfUrl } from '../core/paper-links';
import { paperFromPage, type PageMeta } from '../core/save-request';
import { t } from '../core/i18n';
import type { Paper } from '../core/paper';
import type { PapertabDB } from '../store/db';
import { ZoteroError, type ZoteroAccessDeps } from './http';
import { ping, saveAttachment, saveItems, selectedCollection, updateSession } from './connector';
import { newKey, noteHtml, PDF_TITLE, preprintItem } from './item';
import { selectedTarget, targetChoices, type TargetChoice } from './targets';
import { failureMessage } from './states';

export interface SendDeps extends ZoteroAccessDeps {
  db: PapertabDB;
  random?: () => number;
}

/** One paper's save: its session, so it can be moved and its tags set afterwards. */
export interface SentPaper {
  id: string;
  sessionID: string;
}

export type SendReply =
  | { ok: true; message: string; sent: SentPaper[]; target: TargetChoice; targets: TargetChoice[]; warning?: string }
  | { ok: false; message: string };

const MAX_PDF_BYTES = 200 * 1024 * 1024;

/** The paper as Papertab knows it best: the reading list's copy, the feed cache, or what the page said. */
async function paperOf(db: PapertabDB, id: string, page?: PageMeta) {
  const saved = await db.saved.get(id);
  if (saved) return { paper: saved.paper, tags: saved.tags, note: saved.note };
  const cached = await db.papers.get(id);
  return { paper: cached ?? paperFromPage(id, page, Date.now()), tags: [] as string[], note: '' };
}

/** The PDF from arXiv (the background may fetch from arxiv.org), or undefined if it cannot be had. */
async function fetchPdf(deps: SendDeps, paper: Paper): Promise<ArrayBuffer | undefined> {
  try {
    const res = await (deps.fetch ?? fetch)(arxivPdfUrl(paper.id), { signal: AbortSignal.timeout(60_000) });
    if (!res.ok || !/pdf/i.test(res.headers.get('Content-Type') ?? '')) return undefined;
    const bytes = await res.arrayBuffer();
    return bytes.byteLength > 0 && bytes.byteLength <= MAX_PDF_BYTES ? bytes : undefined;
  } catch {
    return undefined;
  }
}

async function sendOne(deps: SendDeps, id: string, page: PageMeta | undefined, uploads: boolean) {
  const { paper, tags, note } = await paperOf(deps.db, id, page);
  const sessionID = `papertab-${newKey(deps.random)}${newKey(deps.random)}`;
  const key = newKey(deps.random);
  await saveItems(deps, sessionID, arxivAbsUrl(paper.id), [preprintItem(paper, key, !uploads)]);
  const sel = await selectedCollection(deps);
  let attached = !uploads; // listed in the save: Zotero fetches it itself
  if (uploads && sel.filesEditable !== false) {
    const pdf = await fetchPdf(deps, paper);
    if (pdf) {
      const meta = { id: newKey(deps.random), url: arxivPdfUrl(paper.id), contentType: 'application/pdf' };
      await saveAttachment(deps, sessionID, { ...meta, parentItemID: key, title: PDF_TITLE }, pdf);
      attached = true;
    }
  }
  const target = selectedTarget(sel);
  // The user's own tags and note, as the Connector sends what the user types (manual tags).
  if (tags.length || note.trim()) {
    await updateSession(deps, sessionID, target.id, { tags, ...(note.trim() ? { note: noteHtml(note) } : {}) });
  }
  return { sent: { id: paper.id, sessionID }, sel, target, attached, tags, note };
}

export async function sendToZotero(deps: SendDeps, ids: readonly string[], page?: PageMeta): Promise<SendReply> {
  try {
    if (!(await deps.hasPermission())) throw new ZoteroError('no-permission');
    const { version, uploads } = await ping(deps);
    const sent: SentPaper[] = [];
    let last: Awaited<ReturnType<typeof sendOne>> | undefined;
    let missingPdf = false;
    for (const id of ids) {
      last = await sendOne(deps, id, ids.length === 1 ? page : undefined, uploads);
      sent.push(last.sent);
      missingPdf ||= !last.attached;
    }
    if (!last) return { ok: false, message: t('zoteroFailed') };
    const where = last.target.label;
    const message = sent.length === 1 ? t('zoteroSavedTo', where) : t('zoteroSavedManyTo', sent.length, where);
    const warning = !uploads ? t('zoteroOldUploads', version.text) : missingPdf ? t('zoteroPdfMissing') : undefined;
    return {
      ok: true,
      message,
      sent,
      target: last.target,
      targets: targetChoices(last.sel.targets),
      ...(warning ? { warning } : {}),
    };
  } catch (err) {
    if (err instanceof ZoteroError) return { ok: false, message: failureMessage(err.kind) };
    console.warn('Papertab: sending to Zotero failed', err);
    return { ok: false, message: failureMessage('failed') };
  }
}

/**
 * Moves sent papers to another target. updateSession replaces the items' manual tags and note, so
 * each paper's own are sent again.
 */
export async function moveInZotero(deps: SendDeps, sent: readonly SentPaper[], target: TargetChoice) {
  try {
    if (!(await deps.hasPermission())) throw new ZoteroError('no-permission');
    for (const s of sent) {
      const { tags, note } = await paperOf(deps.db, s.id);
      await updateSession(deps, s.sessionID, target.id, { tags, ...(note.trim() ? { note: noteHtml(note) } : {}) });
    }
    return { ok: true, message: t('zoteroMovedTo', target.label) };
  } catch (err) {
    return { ok: false, message: failureMessage(err instanceof ZoteroError ? err.kind : 'failed') };
  }
}
