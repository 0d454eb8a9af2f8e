/**
 * Released builds kept for the update test (tests/scenarios/upgrade.test.ts, in both browsers): each
 * release's Chrome and Firefox archives, in tests/fixtures/releases/papertab-<version>-<browser>.zip.
 * `npm run release:check` adds the two it builds, so the next release has a previous one to update
 * from in each browser.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const releasesDir = fileURLToPath(new URL('../../tests/fixtures/releases/', import.meta.url));

/** The browsers a release is archived for (the archives' suffixes). */
export type ReleaseBrowser = 'chrome' | 'firefox';

const parse = (v: string) => v.split('.').map(Number);
/** Negative when a < b (numeric, part by part). */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

const archiveName = (version: string, browser: ReleaseBrowser) => `papertab-${version}-${browser}.zip`;

/** The newest kept release older than `version` with an archive for `browser`: its version and archive. */
export function previousRelease(
  version: string,
  browser: ReleaseBrowser = 'chrome',
): { version: string; zip: string } | undefined {
  if (!existsSync(releasesDir)) return undefined;
  const kept = readdirSync(releasesDir)
    .map((f) => new RegExp(`^papertab-(\\d+(?:\\.\\d+)*)-${browser}\\.zip$`).exec(f)?.[1])
    .filter((v): v is string => v !== undefined && compareVersions(v, version) < 0)
    .sort(compareVersions);
  const v = kept.at(-1);
  return v ? { version: v, zip: join(releasesDir, archiveName(v, browser)) } : undefined;
}

/** Keeps this release's archives (Chrome and Firefox) for the next release's update test; where they went. */
export function keepRelease(version: string, zips: Record<ReleaseBrowser, string>): string[] {
  mkdirSync(releasesDir, { recursive: true });
  return (Object.entries(zips) as [ReleaseBrowser, string][]).map(([browser, zip]) => {
    const to = join(releasesDir, archiveName(version, browser));
    copyFileSync(zip, to);
    return to;
  });
}
