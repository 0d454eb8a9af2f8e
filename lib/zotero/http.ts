/**
 * The one way Papertab reaches Zotero desktop (127.0.0.1:23119, nowhere else): every request
 * carries the header Zotero requires of browser callers, has a time limit, and every failure is
 * one of the states the user is told about (lib/zotero/states.ts).
 */
import * as v from 'valibot';

export const ZOTERO_BASE = 'http://127.0.0.1:23119';
/** The Connector's own limit per call. */
export const ZOTERO_TIMEOUT_MS = 15_000;

export type ZoteroFailure =
  'not-running' | 'timeout' | 'no-permission' | 'local-api-off' | 'no-local-api' | 'bad-answer' | 'failed';

export class ZoteroError extends Error {
  constructor(
    readonly kind: ZoteroFailure,
    detail: string = kind,
  ) {
    super(detail);
  }
}

export interface ZoteroDeps {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** What a request the user's data depends on needs besides: the browser's leave to reach Zotero. */
export interface ZoteroAccessDeps extends ZoteroDeps {
  /** Whether the browser lets Papertab reach 127.0.0.1 (an optional permission). */
  hasPermission(): Promise<boolean>;
}

export interface Version {
  major: number;
  minor: number;
  patch: number;
  text: string;
}

/** "7.0.16", "9.0.2-beta.3+abc" → numbers; undefined for anything else. */
export function parseVersion(text: string | null): Version | undefined {
  const m = text ? /^(\d{1,4})\.(\d{1,4})(?:\.(\d{1,4}))?/.exec(text) : null;
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0), text: text! } : undefined;
}

export const atLeast = (v: Version, major: number, minor: number, patch: number) =>
  v.major !== major ? v.major > major : v.minor !== minor ? v.minor > minor : v.patch >= patch;

export interface Answer {
  status: number;
  version: Version;
  body: unknown;
  text: string;
}

/**
 * One request. Connector calls carry `X-Zotero-Connector-API-Version: 3` (as the Connector does);
 * local API calls `Zotero-Allowed-Request: 1`. Without either, Zotero 9.0.2 and later close the
 * connection unanswered, which looks exactly like Zotero not running.
 */
export async function zoteroRequest(
  deps: ZoteroDeps,
  path: string,
  init: { method?: 'GET' | 'POST'; json?: unknown; body?: ArrayBuffer; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const local = path.startsWith('/api/');
  const headers: Record<string, string> = {
    ...(local
      ? { 'Zotero-Allowed-Request': '1', 'Zotero-API-Version': '3' }
      : { 'X-Zotero-Connector-API-Version': '3' }),
    ...(init.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...init.headers,
  };
  let res: Response;
  try {
    res = await (deps.fetch ?? fetch)(ZOTERO_BASE + path, {
      method: init.method ?? (init.json !== undefined || init.body ? 'POST' : 'GET'),
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(deps.timeoutMs ?? ZOTERO_TIMEOUT_MS),
    });
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    throw new ZoteroError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'not-running');
  }
  // Every answer of Zotero's server, errors too, names its version: without it, another program holds the port.
  const version = parseVersion(res.headers.get('X-Zotero-Version'));
  if (!version) throw new ZoteroError('not-running', 'no X-Zotero-Version');
  let text: string;
  try {
    text = await res.text();
  } catch {
    throw new ZoteroError('timeout');
  }
  let body: unknown = undefined;
  if (/json/i.test(res.headers.get('Content-Type') ?? '') && text) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ZoteroError('bad-answer', 'invalid JSON');
    }
  }
  return { status: res.status, version, body, text };
}

/** The answer's JSON through a schema, or the "Zotero answered something unexpected" failure. */
export function parsed<S extends v.GenericSchema>(schema: S, body: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, body);
  if (!r.success) throw new ZoteroError('bad-answer', r.issues[0]?.message);
  return r.output;
}
