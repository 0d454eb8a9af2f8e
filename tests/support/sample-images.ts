// Pictures for the images the sample papers point at (thumbnails, avatars on Hugging Face's CDNs):
// the stand-in (standin.ts) answers those hosts with them, so pages show their images offline and
// tests can count thumbnails, in both browsers alike.

import { createHash } from 'node:crypto';

/**
 * The Hugging Face CDN hosts the fixtures (tests/fixtures/) use. Exact names: Firefox's
 * `network.dns.localDomains` takes no wildcards, so each host is listed.
 */
export const IMAGE_HOSTS = [
  'cdn-thumbnails.huggingface.co',
  'cdn-avatars.huggingface.co',
  'cdn-uploads.huggingface.co',
];

function hueOf(s: string): number {
  return createHash('sha256').update(s).digest()[0]! * (360 / 256);
}

/** A stand-in social thumbnail: a tinted card with a paper page on it (no text, no fetch). */
function thumbnailSvg(url: string): string {
  const h = hueOf(url).toFixed(0);
  const lines = [0, 1, 2, 3, 4, 5, 6]
    .map((i) => `<rect x="470" y="${230 + i * 40}" width="${i === 6 ? 160 : 260}" height="14" rx="7" fill="#d6d3d1"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="648" viewBox="0 0 1200 648">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${h} 70% 88%)"/><stop offset="1" stop-color="hsl(${h} 55% 70%)"/></linearGradient></defs>
<rect width="1200" height="648" fill="url(#g)"/>
<rect x="430" y="90" width="340" height="470" rx="10" fill="#fff" stroke="hsl(${h} 30% 55%)" stroke-width="3"/>
<rect x="470" y="130" width="260" height="24" rx="12" fill="hsl(${h} 45% 45%)"/>
<rect x="500" y="172" width="200" height="14" rx="7" fill="#a8a29e"/>${lines}
</svg>`;
}

/** A stand-in avatar: a tinted disc. */
function avatarSvg(url: string): string {
  const h = hueOf(url).toFixed(0);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><circle cx="32" cy="32" r="32" fill="hsl(${h} 60% 55%)"/><circle cx="32" cy="25" r="11" fill="#fff" opacity=".85"/><path d="M12 54a20 16 0 0 1 40 0z" fill="#fff" opacity=".85"/></svg>`;
}

/** The picture for an image address on one of IMAGE_HOSTS: an avatar or a thumbnail (SVG). */
export function sampleImage(url: string): string {
  return url.includes('avatar') || url.endsWith('org.png') ? avatarSvg(url) : thumbnailSvg(url);
}
