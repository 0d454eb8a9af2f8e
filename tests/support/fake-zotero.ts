/**
 * A stand-in for Zotero desktop's local server (127.0.0.1:23119): the connector endpoints and the
 * local API, with the request gate that guards them, written from Zotero's source
 * (zotero/zotero `chrome/content/zotero/xpcom/server/server.js`, `server_connector.js`,
 * `saveSession.js`, `server_localAPI.js`; see /work/shared/reference/zotero.md). Tests never
 * reach a real Zotero: this answers as Zotero `version` would.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ZoteroItemJson {
  key: string;
  version: number;
  data: Record<string, unknown> & { key: string; itemType: string; collections?: string[] };
}

export interface ReceivedAttachment {
  metadata: Record<string, unknown>;
  contentType: string;
  body: string;
  sessionID: string | null;
}

export interface FakeZoteroOptions {
  /** The Zotero version answered (its rules: the gate, uploads, the local API). Default 9.0.2. */
  version?: string;
  /** The local API switch (Settings → Advanced). Default on. */
  localApi?: boolean;
  /** Port; 23119 is Zotero's, which Papertab calls. 0 picks a free one (unit tests). */
  port?: number;
}

interface Collection {
  id: number;
  key: string;
  name: string;
  parent?: number;
}

const COLLECTIONS: Collection[] = [
  { id: 12, key: 'READGRP2', name: 'Reading group' },
  { id: 13, key: 'THESIS34', name: 'Thesis' },
  { id: 14, key: 'CHAPTER5', name: 'Chapter 2', parent: 13 },
];

const num = (v: string) => v.split(/[.-]/).map(Number);
function atLeast(version: string, wanted: string): boolean {
  const [a = 0, b = 0, c = 0] = num(version);
  const [x = 0, y = 0, z = 0] = num(wanted);
  return a !== x ? a > x : b !== y ? b > y : c >= z;
}

export async function startFakeZotero(opts: FakeZoteroOptions = {}) {
  const state = {
    version: opts.version ?? '9.0.2',
    localApi: opts.localApi ?? true,
    /** Never answer (a busy Zotero): the client's time limit is what ends the request. */
    hang: false,
    /** The row selected in Zotero's left pane: `null` for the library, else a collection id. */
    selected: 12 as number | null,
  };
  const library: ZoteroItemJson[] = [];
  const received: { items: Record<string, unknown>[]; attachments: ReceivedAttachment[] } = {
    items: [],
    attachments: [],
  };
  const sessions = new Map<
    string,
    { itemKeys: Map<string, string>; target?: string; tags?: unknown; note?: unknown }
  >();
  const requests: { method: string; path: string; headers: IncomingMessage['headers'] }[] = [];
  const held = new Set<ServerResponse>();
  let nextKey = 1;
  const newKey = () => `ITEM${String(nextKey++).padStart(4, '0')}`.replace(/0/g, 'Z').replace(/1/g, 'Y');

  function answer(res: ServerResponse, status: number, body: string | object | null, type?: string, extra = {}) {
    const text = body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'X-Zotero-Version': state.version,
      'X-Zotero-Connector-API-Version': '3',
      Connection: 'close',
      ...(type ? { 'Content-Type': type } : {}),
      ...extra,
    });
    res.end(text);
  }

  const targets = () => [
    { id: 'L1', name: 'My Library', filesEditable: true, level: 0 },
    ...COLLECTIONS.map((c) => ({ id: `C${c.id}`, name: c.name, filesEditable: true, level: c.parent ? 2 : 1 })),
  ];

  type Route = {
    methods: string[];
    types: string[] | 'any';
    run: (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => void;
  };
  const json = (body: Buffer): Record<string, unknown> => JSON.parse(body.toString('utf8') || 'null') ?? {};

  const connector: Record<string, Route> = {
    ping: {
      methods: ['GET', 'POST'],
      types: ['application/json', 'text/plain'],
      run(req, res) {
        if (req.method === 'GET')
          return answer(res, 200, '<!DOCTYPE html><html><body>Zotero is running</body></html>', 'text/html');
        answer(
          res,
          200,
          {
            prefs: {
              automaticSnapshots: true,
              downloadAssociatedFiles: true,
              ...(atLeast(state.version, '7.0.16') ? { supportsAttachmentUpload: true } : {}),
              translatorsHash: 'x',
              sortedTranslatorHash: 'y',
            },
          },
          'application/json',
        );
      },
    },
    getSelectedCollection: {
      methods: ['POST'],
      types: ['application/json'],
      run(_req, res) {
        const c = COLLECTIONS.find((x) => x.id === state.selected);
        answer(
          res,
          200,
          {
            libraryID: 1,
            libraryName: 'My Library',
            libraryEditable: true,
            filesEditable: true,
            editable: true,
            id: c ? c.id : null,
            name: c ? c.name : 'My Library',
            targets: targets(),
            tags: { L1: [] },
          },
          'application/json',
        );
      },
    },
    saveItems: {
      methods: ['POST'],
      types: ['application/json'],
      run(req, res, _url, body) {
        if (Number(req.headers['x-zotero-connector-api-version'] ?? 0) < 3)
          return answer(res, 400, { error: 'CONNECTOR_VERSION_OUTDATED' }, 'application/json');
        const data = json(body) as { sessionID?: string; items?: Record<string, unknown>[] };
        const sessionID = data.sessionID ?? `auto${sessions.size}`;
        if (sessions.has(sessionID)) return answer(res, 409, { error: 'SESSION_EXISTS' }, 'application/json');
        const items = data.items ?? [];
        // One transaction: an unknown item type fails them all (a bare 500).
        if (items.some((i) => !['preprint', 'journalArticle', 'webpage'].includes(String(i.itemType ?? 'webpage'))))
          return answer(res, 500, null);
        const itemKeys = new Map<string, string>();
        for (const item of items) {
          received.items.push(item);
          const key = newKey();
          itemKeys.set(String(item.id), key);
          const { id: _id, attachments: _a, notes: _n, ...fields } = item;
          library.push({
            key,
            version: 1,
            data: {
              ...fields,
              key,
              itemType: String(item.itemType),
              collections: state.selected ? [COLLECTIONS.find((c) => c.id === state.selected)!.key] : [],
            },
          });
        }
        sessions.set(sessionID, { itemKeys });
        answer(res, 201, null, 'application/json');
      },
    },
    saveAttachment: {
      methods: ['POST'],
      types: 'any',
      run(req, res, url, body) {
        let metadata: Record<string, unknown>;
        try {
          metadata = JSON.parse(String(req.headers['x-metadata'] ?? ''));
        } catch {
          return answer(res, 400, { error: 'METADATA_NOT_PROVIDED' }, 'application/json');
        }
        const sessionID = url.searchParams.get('sessionID') ?? (metadata.sessionID as string | undefined) ?? null;
        if (!sessionID) return answer(res, 400, { error: 'SESSION_ID_NOT_PROVIDED' }, 'application/json');
        const session = sessions.get(sessionID);
        if (!session) return answer(res, 400, { error: 'SESSION_NOT_FOUND' }, 'application/json');
        if (!session.itemKeys.has(String(metadata.parentItemID))) return answer(res, 500, null);
        received.attachments.push({
          metadata,
          contentType: String(req.headers['content-type']),
          body: body.toString('latin1'),
          sessionID,
        });
        answer(res, 201, null);
      },
    },
    updateSession: {
      methods: ['POST'],
      types: ['application/json'],
      run(_req, res, _url, body) {
        const data = json(body);
        if (!data.sessionID) return answer(res, 400, { error: 'SESSION_ID_NOT_PROVIDED' }, 'application/json');
        const session = sessions.get(String(data.sessionID));
        if (!session) return answer(res, 400, { error: 'SESSION_NOT_FOUND' }, 'application/json');
        if (!data.target) return answer(res, 500, null);
        const target = String(data.target);
        const collection = COLLECTIONS.find((c) => `C${c.id}` === target);
        if (target.startsWith('C') && !collection)
          return answer(res, 400, { error: 'COLLECTION_NOT_FOUND' }, 'application/json');
        Object.assign(session, { target, tags: data.tags, note: data.note });
        for (const key of session.itemKeys.values()) {
          const item = library.find((i) => i.key === key)!;
          item.data.collections = collection ? [collection.key] : [];
          if (Array.isArray(data.tags)) item.data.tags = data.tags.map((tag) => ({ tag }));
        }
        answer(res, 200, {}, 'application/json');
      },
    },
  };

  /** The local API's read routes Papertab uses (`/api/users/0/…`). */
  function localApi(req: IncomingMessage, res: ServerResponse, url: URL) {
    const headers = { 'Zotero-API-Version': '3', 'Zotero-Schema-Version': '41' };
    if (!state.localApi) return answer(res, 403, 'Local API is not enabled', 'text/plain', headers);
    const data = (list: object[]) =>
      answer(res, 200, list, 'application/json', {
        ...headers,
        'Total-Results': String(list.length),
        'Last-Modified-Version': '1',
      });
    const path = url.pathname;
    if (path === '/api/') return answer(res, 200, 'Nothing to see here.', 'text/plain', headers);
    const m = /^\/api\/users\/(\d+)\/(.*)$/.exec(path);
    if (!m) return answer(res, 404, 'Not found', 'text/plain', headers);
    if (m[1] !== '0')
      return answer(
        res,
        400,
        'Only data for the logged-in user is available locally -- use userID 0',
        'text/plain',
        headers,
      );
    const rest = m[2]!;
    const wrap = (i: ZoteroItemJson) => ({
      key: i.key,
      version: i.version,
      library: { type: 'user', id: 1, name: 'me' },
      meta: {},
      data: { ...i.data, version: i.version },
    });
    if (rest === 'items/top' || rest === 'items') {
      const q = url.searchParams.get('q')?.toLowerCase();
      const everything = url.searchParams.get('qmode') === 'everything';
      const words = q ? q.split(/\s+/).filter(Boolean) : [];
      // Every word must match, as a substring: in any field with qmode=everything, else the title and creators.
      const hay = (i: ZoteroItemJson) =>
        (everything
          ? JSON.stringify(i.data)
          : `${String(i.data.title ?? '')} ${JSON.stringify(i.data.creators ?? [])}`
        ).toLowerCase();
      return data(library.filter((i) => words.every((w) => hay(i).includes(w))).map(wrap));
    }
    if (rest === 'collections') {
      return data(
        COLLECTIONS.map((c) => ({
          key: c.key,
          version: 1,
          meta: { numCollections: 0, numItems: library.filter((i) => i.data.collections?.includes(c.key)).length },
          data: {
            key: c.key,
            version: 1,
            name: c.name,
            parentCollection: c.parent ? COLLECTIONS.find((p) => p.id === c.parent)!.key : false,
            relations: {},
          },
        })),
      );
    }
    const inCollection = /^collections\/([A-Z0-9]{8})\/items\/top$/.exec(rest);
    if (inCollection) {
      if (!COLLECTIONS.some((c) => c.key === inCollection[1]))
        return answer(res, 404, 'Collection not found', 'text/plain', headers);
      return data(library.filter((i) => i.data.collections?.includes(inCollection[1]!)).map(wrap));
    }
    void req;
    answer(res, 404, 'Not found', 'text/plain', headers);
  }

  function handle(req: IncomingMessage, res: ServerResponse, body: Buffer) {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method, path: url.pathname + url.search, headers: req.headers });
    if (state.hang) return void held.add(res);
    const hostChecked = !atLeast(state.version, '7.0.16') || atLeast(state.version, '9.0.2');
    // 1. Host header: loopback names only (DNS rebinding).
    if (hostChecked && !/^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/.test(req.headers.host ?? ''))
      return answer(res, 400, 'Invalid Host header', 'text/plain');
    // 2. Route.
    const isLocal = url.pathname.startsWith('/api/') || url.pathname === '/api';
    const name = /^\/connector\/(\w+)$/.exec(url.pathname)?.[1];
    const route: Route | undefined =
      isLocal && atLeast(state.version, '7.0.0')
        ? { methods: ['GET'], types: 'any', run: (q, s, u) => localApi(q, s, u) }
        : name && (name !== 'saveAttachment' || atLeast(state.version, '7.0.16'))
          ? connector[name]
          : undefined;
    if (!route) return answer(res, 404, 'No endpoint found', 'text/plain');
    // 3. HEAD and OPTIONS: 200, empty, and no CORS headers.
    if (method === 'HEAD' || method === 'OPTIONS') return answer(res, 200, null);
    // 4. Body length.
    if (['POST', 'PUT', 'PATCH'].includes(method) && !/^\d+$/.test(String(req.headers['content-length'] ?? '')))
      return answer(res, 400, 'Content-length not provided', 'text/plain');
    // 5. Method.
    if (!route.methods.includes(method)) return answer(res, 400, 'Endpoint does not support method', 'text/plain');
    // 6. The browser gate: a browser's request must carry one of Zotero's headers.
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    const fromBrowser = /^Mozilla\//.test(req.headers['user-agent'] ?? '') || req.headers.origin !== undefined;
    const allowed = !!req.headers['x-zotero-connector-api-version'] || !!req.headers['zotero-allowed-request'];
    if (fromBrowser && !allowed) {
      // 9.0.2 and later: dropped unanswered, exactly as if Zotero were not running.
      if (atLeast(state.version, '9.0.2')) return void req.socket.destroy();
      const simple = ['', 'application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].includes(type);
      const takesSimple = route.types === 'any' || route.types.some((t) => t !== 'application/json');
      if (simple && takesSimple && name !== 'ping') return answer(res, 403, 'Request not allowed', 'text/plain');
    }
    // 7. Content type.
    if (method === 'POST' && route.types !== 'any' && !route.types.includes(type))
      return answer(res, 400, 'Endpoint does not support content-type', 'text/plain');
    if (type === 'application/json' && body.length) {
      try {
        JSON.parse(body.toString('utf8'));
      } catch {
        return answer(res, 400, 'Invalid JSON provided', 'text/plain');
      }
    }
    route.run(req, res, url, body);
  }

  let server: Server | undefined;
  let port = opts.port ?? 23119;
  async function start() {
    const s = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => handle(req, res, Buffer.concat(chunks)));
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.address() as AddressInfo).port;
    server = s;
  }
  async function stop() {
    for (const res of held) res.socket?.destroy();
    held.clear();
    const s = server;
    server = undefined;
    if (s) await new Promise<void>((resolve) => (s.close(() => resolve()), s.closeAllConnections()));
  }
  await start();

  return {
    get port() {
      return port;
    },
    state,
    library,
    received,
    sessions,
    requests,
    collections: COLLECTIONS,
    /** An item already in the library (as the arXiv translator or a person left it). */
    addItem(data: Record<string, unknown> & { itemType: string }, collections: string[] = []) {
      const key = newKey();
      library.push({ key, version: 1, data: { ...data, key, collections } });
      return key;
    },
    /** Quit Zotero: nothing listens on the port. */
    stop,
    /** Start Zotero again. */
    start,
    close: stop,
  };
}

export type FakeZotero = Awaited<ReturnType<typeof startFakeZotero>>;
