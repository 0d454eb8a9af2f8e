/**
 * Store archives that depend on nothing but their files: WXT's zips (JSZip) stamp every entry with
 * the time of the build and list files in the order the file system returns them, so two builds of
 * the same sources never gave the same archive. After WXT writes a zip, it is written again here:
 * entries sorted by path, directories left implicit, every entry dated 1980-01-01 00:00 (the zip
 * format's first representable day; the local-time constructor keeps it the same in every time
 * zone) with the same attributes and compression level.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** The date every entry carries (DOS dates are local time: built from local fields on purpose). */
export const ZIP_EPOCH = new Date(1980, 0, 1, 0, 0, 0);

/** The same files, in a canonical archive: sorted, fixed dates and attributes. */
export function canonicalZip(files: Record<string, Uint8Array>): Uint8Array {
  const sorted: Zippable = {};
  for (const name of Object.keys(files).sort()) {
    if (name.endsWith('/')) continue;
    sorted[name] = [files[name]!, { mtime: ZIP_EPOCH, level: 9, os: 3, attrs: 0o100644 << 16 }];
  }
  return zipSync(sorted);
}

/** Rewrites the zip at `path` in canonical form (in place). */
export function canonicalizeZipFile(path: string): void {
  writeFileSync(path, canonicalZip(unzipSync(readFileSync(path))));
}
