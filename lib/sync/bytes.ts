/**
 * Byte-level helpers for the sync format: deflate through the platform's `CompressionStream`
 * (extension pages, service workers and Node 20 all have it), base64, a content hash, and the size
 * of a storage item as the browsers' sync quotas measure it.
 */

export type Encoding = 'deflate-raw' | 'none';

/** Inflated payloads larger than this are refused: a corrupt or hostile sync area cannot exhaust memory. */
export const MAX_INFLATED_BYTES = 16 * 1024 * 1024;

export function canCompress(): boolean {
  return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';
}

/** Runs bytes through a transform stream, refusing output longer than `limit`. */
async function pipe(
  input: Uint8Array<ArrayBuffer>,
  stream: ReadableWritablePair<Uint8Array, BufferSource>,
  limit: number,
) {
  const writer = stream.writable.getWriter();
  // Not awaited before reading: a full stream would wait for a reader that never comes.
  const written = writer.write(input).then(() => writer.close());
  written.catch(() => undefined);
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new RangeError('The synced data is too large to read');
    }
    parts.push(value);
  }
  await written;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return pipe(bytes, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
}

export function inflate(bytes: Uint8Array<ArrayBuffer>, limit = MAX_INFLATED_BYTES): Promise<Uint8Array> {
  return pipe(bytes, new DecompressionStream('deflate-raw'), limit);
}

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  // String.fromCharCode takes its bytes as arguments: a bounded slice keeps the call stack small.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes base64, or throws on anything that is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (text.length % 4 !== 0 || !BASE64_RE.test(text)) throw new SyntaxError('Not base64');
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * A 53-bit content hash (cyrb53) in base 36. Not cryptographic: it tells apart two writes of the
 * list and a stale chunk from a fresh one, which is all the manifest needs.
 */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** What one item costs against `storage.sync` quotas: its key plus its value as JSON, in UTF-8 bytes. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value) ?? '');
}

export async function encodeBytes(text: string, encoding: Encoding): Promise<string> {
  const raw = encoder.encode(text);
  return toBase64(encoding === 'deflate-raw' ? await deflate(raw) : raw);
}

export async function decodeBytes(base64: string, encoding: Encoding): Promise<string> {
  const raw = fromBase64(base64);
  const bytes = encoding === 'deflate-raw' ? await inflate(raw) : raw;
  if (bytes.length > MAX_INFLATED_BYTES) throw new RangeError('The synced data is too large to read');
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
