/**
 * Zotero's local API (Zotero 7 and later, off by default), read-only: what the library holds.
 * Routes as in zotero/zotero `chrome/content/zotero/xpcom/server/server_localAPI.js`.
 */
import { parsed, zoteroRequest, ZoteroError, type Answer, type ZoteroDeps } from './http';
import { LocalCollectionsSchema, LocalItemsSchema, type LocalCollection, type LocalItem } from './schemas';

const LIBRARY = '/api/users/0';

function check(a: Answer): Answer {
  // Zotero 6 has no local API (404 "No endpoint found"); 7+ answers 403 while it is switched off.
  if (a.status === 404 && a.version.major < 7) throw new ZoteroError('no-local-api');
  if (a.status === 403 && /not enabled/i.test(a.text)) throw new ZoteroError('local-api-off');
  if (a.status !== 200) throw new ZoteroError('failed', `local API ${a.status}`);
  return a;
}

/**
 * One question for the whole library: every top-level item that mentions arXiv in any field (its
 * URL, the arXiv DOI, `arXiv:` in Extra, the archive id or repository). Zotero has no "which of
 * these do you have" endpoint; matching is local (lib/zotero/match.ts).
 */
export async function arxivItems(deps: ZoteroDeps): Promise<LocalItem[]> {
  const a = check(await zoteroRequest(deps, `${LIBRARY}/items/top?q=arxiv&qmode=everything&format=json`));
  return parsed(LocalItemsSchema, a.body);
}

export async function collections(deps: ZoteroDeps): Promise<LocalCollection[]> {
  const a = check(await zoteroRequest(deps, `${LIBRARY}/collections?format=json`));
  return parsed(LocalCollectionsSchema, a.body);
}

/** The top-level items of one collection (its key as the local API gave it). */
export async function collectionItems(deps: ZoteroDeps, key: string): Promise<LocalItem[]> {
  if (!/^[23456789A-Z]{8}$/.test(key)) throw new ZoteroError('failed', 'not a collection key');
  const a = check(await zoteroRequest(deps, `${LIBRARY}/collections/${key}/items/top?format=json`));
  return parsed(LocalItemsSchema, a.body);
}
