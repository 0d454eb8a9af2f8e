/**
 * AMO rebuilds the add-on from the sources zip with the commands in REVIEWERS.md and compares the
 * result with the submitted archive, file by file. This does the same, in an empty folder: the
 * documented commands exactly as written (npm's cache may be reused, `npm ci` still runs), then every
 * file of the rebuilt add-on against the submitted Firefox zip, and the archive made again from the
 * rebuilt files against the submitted zip's bytes.
 */
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { archives, readTree, readZip, root } from '../support/release';
import { canonicalZip } from '../../tools/release/zip';

/** The fenced `sh` block under "## Commands" in REVIEWERS.md, one command a line. */
function documentedCommands(): string[] {
  const text = readFileSync(join(root, 'REVIEWERS.md'), 'utf8');
  const block = /## Commands[\s\S]*?```sh\n([\s\S]*?)```/.exec(text)?.[1];
  if (!block) throw new Error('REVIEWERS.md has no ```sh block under "## Commands"');
  return block
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

const dir = mkdtempSync(join(tmpdir(), 'papertab-amo-'));
// Deleting node_modules takes a minute on a loaded machine: a detached process does it, so the
// test run does not wait for it.
afterAll(() => {
  const script = `require('node:fs').rmSync(${JSON.stringify(dir)}, { recursive: true, force: true })`;
  spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore' }).unref();
});

describe('the Firefox build from the sources zip', () => {
  it('documents npm ci and the build-for-amo script', () => {
    expect(documentedCommands()).toEqual(['npm ci', 'npm run build-for-amo']);
  });

  it('is the submitted add-on, file for file and byte for byte', () => {
    for (const [name, bytes] of Object.entries(readZip(archives.sources))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), bytes);
    }
    // The same commands a reviewer types, in a plain environment (not this test runner's, whose
    // NODE_ENV=test changes the bundle); npm only told to prefer its cache and stay quiet.
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      ...(process.env.npm_config_cache ? { npm_config_cache: process.env.npm_config_cache } : {}),
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    };
    for (const command of documentedCommands()) execSync(command, { cwd: dir, env, stdio: 'pipe' });

    const rebuilt = readTree(join(dir, '.output', 'firefox-mv3'));
    const submitted = readZip(archives.firefox);
    expect(Object.keys(rebuilt).sort()).toEqual(Object.keys(submitted).sort());
    const differing = Object.keys(submitted).filter(
      (f) => !Buffer.from(submitted[f]!).equals(Buffer.from(rebuilt[f]!)),
    );
    expect(differing).toEqual([]);
    // The archive itself depends on nothing but its files (no dates, no order from the disk).
    expect(Buffer.from(canonicalZip(rebuilt)).equals(readFileSync(archives.firefox))).toBe(true);
  });
});
