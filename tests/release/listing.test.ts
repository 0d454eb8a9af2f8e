/**
 * The listing kit (store/) is ready for the build being released: every permission, host and data
 * category of the built manifests has its answer, the texts fit the stores' limits and say Papertab is
 * not affiliated with Hugging Face, LISTING.md is current, and the pictures have the sizes the Chrome
 * Web Store asks (the icon's art inside 16 px of transparent padding).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listingProblems, readListing, renderListing } from '../../tools/release/listing';
import { pngSize } from '../../tools/release/store-images';
import { decodePng } from '../support/png';
import { archives, root, zipManifest } from '../support/release';

const listing = readListing(root);
const manifests = [zipManifest(archives.chrome), zipManifest(archives.firefox)];

describe('the store listing kit', () => {
  it('answers for every permission, host and data category of the build, and for nothing else', () => {
    expect(listingProblems(listing, manifests)).toEqual([]);
  });

  it('fails when the build asks for a permission the kit does not justify', () => {
    const more = { ...manifests[0]!, optional_permissions: [...(manifests[0]!.optional_permissions ?? []), 'tabs'] };
    expect(listingProblems(listing, [more])).toContain('no justification for tabs');
  });

  it('is written out in store/LISTING.md for this build (npm run store:listing or release:check writes it)', () => {
    expect(readFileSync(join(root, 'store', 'LISTING.md'), 'utf8')).toBe(renderListing(listing, manifests));
  });

  it('has the 128×128 icon with 96×96 art in transparent padding, the 440×280 tile and 1280×800 screenshots', () => {
    const icon = decodePng(readFileSync(join(root, listing.images.icon)));
    expect([icon.width, icon.height]).toEqual([128, 128]);
    for (let i = 0; i < 128; i++)
      for (const [x, y] of [
        [i, 0],
        [i, 15],
        [0, i],
        [15, i],
        [i, 112],
        [i, 127],
        [112, i],
        [127, i],
      ] as const)
        expect(icon.alpha(x, y), `alpha at ${x},${y}`).toBe(0);
    expect(icon.alpha(64, 64)).toBe(255);
    expect(pngSize(readFileSync(join(root, listing.images.promoTile)))).toEqual({ width: 440, height: 280 });
    expect(listing.images.screenshots.length).toBeGreaterThanOrEqual(1);
    expect(listing.images.screenshots.length).toBeLessThanOrEqual(5);
    for (const s of listing.images.screenshots)
      expect(pngSize(readFileSync(join(root, s))), s).toEqual({ width: 1280, height: 800 });
  });
});
