/**
 * One version everywhere: package.json's, in both built manifests and in the archives' names; the
 * changelog says what it brings; the tools are the ones package.json pins; the previous release is
 * kept for the update test.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archives, pkg, root, version, zipManifest } from '../support/release';
import { previousRelease } from '../../tools/release/fixtures';

describe('the release', () => {
  it('has one version: package.json, both manifests, the archives', () => {
    for (const zip of Object.values(archives)) expect(existsSync(zip), zip).toBe(true);
    expect(zipManifest(archives.chrome).version).toBe(version);
    expect(zipManifest(archives.firefox).version).toBe(version);
  });

  it('keeps the Firefox id, the minimum Firefox and the data declaration', () => {
    const gecko = zipManifest(archives.firefox).browser_specific_settings?.gecko;
    expect(gecko?.id).toBe('papertab@papertab.dev');
    expect(Number.parseFloat(gecko?.strict_min_version ?? '0')).toBeGreaterThanOrEqual(140);
    expect(gecko?.data_collection_permissions?.required?.length).toBeGreaterThan(0);
  });

  it('is in the changelog', () => {
    expect(readFileSync(join(root, 'CHANGELOG.md'), 'utf8')).toMatch(
      new RegExp(`^## ${version.replace(/\./g, '\\.')}\\b`, 'm'),
    );
  });

  it('is built with the Node and npm that package.json pins', () => {
    expect(pkg.packageManager).toBe(`npm@${execSync('npm --version', { encoding: 'utf8' }).trim()}`);
    expect(process.versions.node.split('.')[0]).toBe(/\d+/.exec(pkg.engines.node)![0]);
    expect(pkg.scripts['build-for-amo']).toBe('wxt build -b firefox --mv3');
  });

  it('has the previous release kept for the update test, in both browsers', () => {
    const kept = readdirSync(join(root, 'tests', 'fixtures', 'releases')).join();
    const chrome = previousRelease(version, 'chrome');
    const firefox = previousRelease(version, 'firefox');
    expect(chrome, kept).toBeDefined();
    expect(firefox, kept).toBeDefined();
    // The same release in both: the update starts from one version whichever the browser.
    expect(firefox?.version).toBe(chrome?.version);
  });

  it('keeps the Firefox id of the previous release (an update must keep it, or the data stays behind)', () => {
    const previous = previousRelease(version, 'firefox');
    const gecko = previous && zipManifest(previous.zip).browser_specific_settings?.gecko;
    expect(gecko?.id).toBe(zipManifest(archives.firefox).browser_specific_settings?.gecko?.id);
  });
});
