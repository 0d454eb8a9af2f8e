/**
 * The listing's pictures, in store/: the 128×128 icon (the 96×96 icon art in 16 px of transparent
 * padding, as the Chrome Web Store asks), the 440×280 small promotional tile, and five screenshots of
 * exactly 1280×800 made from `npm run screenshots`' pictures (tests/screenshots/). Rendered by
 * headless Chromium; Papertab's own icon only (no Hugging Face logo). `npm run screenshots` ends by
 * calling this; `npm run store:images` (store-images-main.ts) makes them again from the pictures
 * already there.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shots = join(root, 'tests', 'screenshots');
const store = join(root, 'store');

const dataUrl = (path: string, type: string) => `data:${type};base64,${readFileSync(path).toString('base64')}`;

/** PNG width and height from its header. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function render(browser: Browser, html: string, width: number, height: number, path: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  await page.setContent(html);
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all([...document.images].map((i) => i.decode()));
  });
  await page.screenshot({ path, omitBackground: true });
  await page.close();
}

const icon = () => dataUrl(join(root, 'public', 'icon', 'icon.svg'), 'image/svg+xml');
const shot = (name: string) => dataUrl(join(shots, name), 'image/png');
const FONT = "font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

export async function storeImages(): Promise<string[]> {
  mkdirSync(join(store, 'screenshots'), { recursive: true });
  const written: string[] = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const out = (name: string) => {
      written.push(join(store, name));
      return join(store, name);
    };
    await render(
      browser,
      `<body style="margin:0;background:transparent"><img src="${icon()}" width="96" height="96" style="position:absolute;left:16px;top:16px"></body>`,
      128,
      128,
      out('icon-128.png'),
    );
    await render(
      browser,
      `<body style="margin:0;width:440px;height:280px;background:#1f2937;color:#fff;${FONT};display:flex;align-items:center;gap:24px;padding:0 32px;box-sizing:border-box">
        <img src="${icon()}" width="112" height="112">
        <div><div style="font-size:40px;font-weight:700;letter-spacing:-0.5px">Papertab</div>
        <div style="font-size:20px;line-height:1.3;margin-top:8px;color:#FFD84A">The day's ML papers<br>on your new tab</div>
        <div style="font-size:12px;margin-top:16px;color:#cbd5e1">Not affiliated with Hugging Face</div></div></body>`,
      440,
      280,
      out('promo-440x280.png'),
    );
    // Pictures already 1280×800 are used as they are.
    const same: [string, string][] = [
      ['newtab-light.png', 'screenshots/1-newtab.png'],
      ['newtab-dark.png', 'screenshots/2-newtab-dark.png'],
      ['reading-list.png', 'screenshots/3-reading-list.png'],
      ['newtab-firefox.png', 'screenshots/5-firefox.png'],
    ];
    for (const [from, to] of same) {
      const size = pngSize(readFileSync(join(shots, from)));
      if (size.width !== 1280 || size.height !== 800)
        throw new Error(`${from} is ${size.width}×${size.height}, not 1280×800`);
      copyFileSync(join(shots, from), out(to));
    }
    // The popup and the Save button on an arXiv page, side by side on one 1280×800 picture.
    await render(
      browser,
      `<body style="margin:0;width:1280px;height:800px;background:#eef1f5;${FONT};display:flex;align-items:center;justify-content:center;gap:48px">
        <figure style="margin:0;text-align:center"><img src="${shot('popup.png')}" style="max-height:640px;box-shadow:0 8px 28px #0003;border-radius:8px">
        <figcaption style="margin-top:14px;font-size:18px;color:#1f2937">The toolbar popup</figcaption></figure>
        <figure style="margin:0;text-align:center"><img src="${shot('save-arxiv.png')}" style="width:700px;box-shadow:0 8px 28px #0003;border-radius:8px">
        <figcaption style="margin-top:14px;font-size:18px;color:#1f2937">Save from an arXiv page</figcaption></figure></body>`,
      1280,
      800,
      out('screenshots/4-popup-and-save.png'),
    );
  } finally {
    await browser.close();
  }
  return written;
}
