/** Just enough PNG decoding for the listing checks: 8-bit RGBA, not interlaced (what Chromium writes). */
import { inflateSync } from 'node:zlib';

export interface Rgba {
  width: number;
  height: number;
  /** Alpha of the pixel at (x, y), 0–255. */
  alpha(x: number, y: number): number;
}

export function decodePng(bytes: Uint8Array): Rgba {
  const buf = Buffer.from(bytes);
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const [depth, colorType, , , interlace] = [buf[24], buf[25], buf[26], buf[27], buf[28]];
  if (depth !== 8 || colorType !== 6 || interlace !== 0) throw new Error('only 8-bit RGBA, non-interlaced PNGs');
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length;) {
    const len = buf.readUInt32BE(at);
    if (buf.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= 4 ? out[y * stride + i - 4]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + i]! : 0;
      const c = i >= 4 && y > 0 ? out[(y - 1) * stride + i - 4]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      out[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  return { width, height, alpha: (x, y) => out[y * stride + x * 4 + 3]! };
}
