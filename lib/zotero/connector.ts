/**
 * Zotero's connector server, called the way the Zotero Connector calls it
 * (zotero/zotero `chrome/content/zotero/xpcom/server/server_connector.js`).
 */
import { atLeast, parsed, zoteroRequest, ZoteroError, type Version, type ZoteroDeps } from './http';
import { PingPrefsSchema, SelectedSchema, type Selected } from './schemas';
import type { ZoteroItem } from './item';

export interface Ping {
  version: Version;
  /** Zotero 7.0.16 and later fetch no listed file: the PDF must be uploaded. */
  uploads: boolean;
}

export async function ping(deps: ZoteroDeps): Promise<Ping> {
  const a = await zoteroRequest(deps, '/connector/ping', { json: {} });
  if (a.status !== 200) throw new ZoteroError('failed', `ping ${a.status}`);
  const prefs = parsed(PingPrefsSchema, a.body ?? {});
  // The pref says it; the version agrees (7.0.16 added it) and covers a Zotero that leaves it out.
  return { version: a.version, uploads: prefs.supportsAttachmentUpload ?? atLeast(a.version, 7, 0, 16) };
}

export async function selectedCollection(deps: ZoteroDeps): Promise<Selected> {
  const a = await zoteroRequest(deps, '/connector/getSelectedCollection', { json: {} });
  if (a.status !== 200) throw new ZoteroError('failed', `getSelectedCollection ${a.status}`);
  return parsed(SelectedSchema, a.body);
}

export async function saveItems(deps: ZoteroDeps, sessionID: string, uri: string, items: ZoteroItem[]): Promise<void> {
  const a = await zoteroRequest(deps, '/connector/saveItems', { json: { sessionID, uri, items } });
  if (a.status === 201) return;
  // 500 {"libraryEditable":false}: the selected library is read-only.
  throw new ZoteroError('failed', /libraryEditable/.test(a.text) ? 'read-only' : `saveItems ${a.status}`);
}

export interface AttachmentMeta {
  id: string;
  url: string;
  contentType: string;
  parentItemID: string;
  title: string;
}

/** Zotero 7.0.16+: the file's bytes, its metadata in X-Metadata (ASCII here: RFC 2047 not needed). */
export async function saveAttachment(deps: ZoteroDeps, sessionID: string, meta: AttachmentMeta, bytes: ArrayBuffer) {
  const a = await zoteroRequest(deps, `/connector/saveAttachment?sessionID=${encodeURIComponent(sessionID)}`, {
    body: bytes,
    headers: { 'Content-Type': meta.contentType, 'X-Metadata': JSON.stringify({ ...meta, sessionID }) },
  });
  if (a.status !== 201) throw new ZoteroError('failed', `saveAttachment ${a.status}`);
}

/** Moves the session's items to `target` and sets the user's own tags and note, as the Connector's progress window does. */
export async function updateSession(
  deps: ZoteroDeps,
  sessionID: string,
  target: string,
  extra: { tags?: string[]; note?: string } = {},
): Promise<void> {
  const a = await zoteroRequest(deps, '/connector/updateSession', { json: { sessionID, target, ...extra } });
  if (a.status !== 200) throw new ZoteroError('failed', `updateSession ${a.status}`);
}
