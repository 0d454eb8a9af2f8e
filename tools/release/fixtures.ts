/**
 * Released builds kept for the update test (tests/e2e/upgrade.test.ts): the Chrome archive of each
 * release, in tests/fixtures/releases/papertab-<version>-chrome.zip. `npm run release:check` adds the
 * one it builds, so the next release has a previous one to update from.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const releasesDir = fileURLToPath(new URL('../../tests/fixtures/releases/', import.meta.url));

const parse = (v: string) => v.split('.').map(Number);
/** Negative when a < b (numeric, part by part). */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** The newest kept release older than `version`: its version and archive. */
export function previousRelease(version: string): { version: string; zip: string } | undefined {
  if (!existsSync(releasesDir)) return undefined;
  const kept = readdirSync(releasesDir)
    .map((f) => /^papertab-(\d+(?:\.\d+)*)-chrome\.zip$/.exec(f)?.[1])
    .filter((v): v is string => v !== undefined && compareVersions(v, version) < 0)
    .sort(compareVersions);
  const v = kept.at(-1);
  return v ? { version: v, zip: join(releasesDir, `papertab-${v}-chrome.zip`) } : undefined;
}

/** Keeps this release's Chrome archive for the next release's update test. */
export function keepRelease(version: string, chromeZip: string): string {
  mkdirSync(releasesDir, { recursive: true });
  const to = join(releasesDir, `papertab-${version}-chrome.zip`);
  copyFileSync(chromeZip, to);
  return to;
}
