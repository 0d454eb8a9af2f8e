/**
 * `npm run release:check`: builds the three archives of this version, checks them as the stores will,
 * and says what to upload where. Steps: the pinned Node and npm; `wxt zip` (Chrome, Edge) and
 * `wxt zip -b firefox --mv3` (Firefox and the sources); `web-ext lint` with no warnings; the listing
 * kit written for this build (store/LISTING.md); the release tests (tests/release/: the Firefox
 * build made again from the sources zip in an empty folder, byte for byte; the kit; the privacy
 * policy's hosts; one version); then this release's Chrome and Firefox archives kept in
 * tests/fixtures/releases/ for the next release's update test (in each browser). Exits non-zero at the first failure.
 */
import { execSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { archives, builds, pkg, root, version, zipManifest } from '../../tests/support/release';
import { keepRelease } from './fixtures';
import { readListing, renderListing } from './listing';

// vite-node (which runs this file) sets NODE_ENV=development, and Vite would build with it: the
// archives must be built as a reviewer builds them, from a plain shell.
const env = { ...process.env };
delete env.NODE_ENV;

function step(label: string, cmd: string, args: string[]): void {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`\n✘ ${label} failed: not ready to release.`);
    process.exit(1);
  }
}

const npm = execSync('npm --version', { encoding: 'utf8' }).trim();
const nodeMajor = process.versions.node.split('.')[0];
if (`npm@${npm}` !== pkg.packageManager || nodeMajor !== /\d+/.exec(pkg.engines.node)?.[0]) {
  console.error(
    `✘ This machine has Node ${process.versions.node} and npm ${npm}; package.json pins Node ${pkg.engines.node} and ${pkg.packageManager}. AMO rebuilds with the pinned ones.`,
  );
  process.exit(1);
}
// Every upload needs a higher version than the last one: a version already tagged was released.
const tagged = spawnSync('git', ['tag', '--list', `v${version}`], { cwd: root, encoding: 'utf8' }).stdout?.trim();
if (tagged) {
  console.error(`✘ v${version} is already tagged (released): raise "version" in package.json first.`);
  process.exit(1);
}
step('Chrome and Edge archive', 'npx', ['wxt', 'zip']);
step('Firefox archive and sources', 'npx', ['wxt', 'zip', '-b', 'firefox', '--mv3']);
step('web-ext lint', 'npx', ['web-ext', 'lint', '--source-dir', builds.firefox, '--warnings-as-errors']);
const kit = join(root, 'store', 'LISTING.md');
writeFileSync(kit, renderListing(readListing(root), [zipManifest(archives.chrome), zipManifest(archives.firefox)]));
console.log(`\n▶ wrote ${relative(root, kit)}`);
step('release tests', 'npx', ['vitest', 'run', '--project', 'release']);
const kept = keepRelease(version, { chrome: archives.chrome, firefox: archives.firefox });

const rel = (p: string) => relative(root, p);
console.log(`
✔ Papertab ${version} is ready for the stores.

Chrome Web Store (chrome.google.com/webstore/devconsole) and Edge Add-ons (partner.microsoft.com):
  package      ${rel(archives.chrome)}
  listing      store/LISTING.md (descriptions, single purpose, permissions, data use)
  pictures     store/icon-128.png, store/promo-440x280.png, store/screenshots/*.png
  privacy      the URL of PRIVACY.md in the project's repository

addons.mozilla.org (addons.mozilla.org/developers):
  package      ${rel(archives.firefox)}
  sources      ${rel(archives.sources)} (AMO asks: yes, the code is bundled and minified)
  reviewers    paste REVIEWERS.md's "Commands" (npm ci, npm run build-for-amo) into "Notes to reviewer"
  listing      store/LISTING.md; privacy policy: paste PRIVACY.md
  release      the ${version} section of CHANGELOG.md

Then: commit ${kept.map(rel).join(' and ')} (the next release's update test starts from them) and tag: git tag v${version}
`);
