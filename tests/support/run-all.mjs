#!/usr/bin/env node
// `npm test`: type-check and lint, unit tests, build, end-to-end tests against the built
// extension in Chromium, then the Firefox build, `web-ext lint` on it and the end-to-end tests in
// Firefox ESR, then the release checks (the store archives; the Firefox build made again from the
// sources zip with `npm ci` in an empty folder and compared byte for byte; the listing kit; the
// privacy policy's hosts). Every stage runs even if an earlier one failed, so one run shows everything; the
// last line sums up every test as `N passed, N failed`. Each browser's part is timed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const tmp = join(import.meta.dirname, '..', '.tmp');
mkdirSync(tmp, { recursive: true });

function run(label, cmd, args) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function vitest(project) {
  const out = join(tmp, `${project}.json`);
  rmSync(out, { force: true });
  const ok = run(`${project} tests`, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    return {
      ok,
      passed: report.numPassedTests,
      failed: report.numFailedTests + (ok || report.numFailedTests ? 0 : 1),
      skipped: report.numPendingTests + report.numTodoTests,
    };
  } catch {
    // The runner died before reporting: count it as one failure so it cannot pass silently.
    return { ok: false, passed: 0, failed: 1, skipped: 0 };
  }
}

const results = [];
const stageOk = [];
stageOk.push(['check (tsc + eslint)', run('check', 'npm', ['run', '--silent', 'check'])]);
const unit = vitest('unit');
results.push(unit);
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;
let since = Date.now();
const built = run('build', 'npx', ['wxt', 'build']);
stageOk.push(['build', built]);
const e2e = built ? vitest('e2e') : { ok: false, passed: 0, failed: 1, skipped: 0 };
results.push(e2e);
const chromiumTime = seconds(since);
since = Date.now();
// lint:firefox builds .output/firefox-mv3 first, which the Firefox end-to-end tests load.
const firefoxBuilt = run('lint:firefox', 'npm', ['run', '--silent', 'lint:firefox']);
stageOk.push(['firefox (build + web-ext lint)', firefoxBuilt]);
const firefox = vitest('e2e-firefox');
results.push(firefox);
const firefoxTime = seconds(since);
since = Date.now();
// The archives the stores get (the same commands `npm run release:check` runs), then their checks.
const zipped =
  run('Chrome archive', 'npm', ['run', '--silent', 'zip']) &&
  run('Firefox and sources archives', 'npm', ['run', '--silent', 'zip:firefox']);
stageOk.push(['release archives (zip, zip:firefox)', zipped]);
const release = zipped ? vitest('release') : { ok: false, passed: 0, failed: 1, skipped: 0 };
results.push(release);
const releaseTime = seconds(since);

const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0) + stageOk.filter(([, ok]) => !ok).length;
const skipped = results.reduce((s, r) => s + r.skipped, 0);
console.log('');
for (const [name, ok] of stageOk) console.log(`${ok ? '✔' : '✘'} ${name}`);
console.log(
  `unit: ${unit.passed} passed, ${unit.failed} failed · ` +
    `e2e Chromium: ${e2e.passed} passed, ${e2e.failed} failed (build + tests ${chromiumTime}) · ` +
    `e2e Firefox: ${firefox.passed} passed, ${firefox.failed} failed (build + lint + tests ${firefoxTime}) · ` +
    `release: ${release.passed} passed, ${release.failed} failed (archives + tests ${releaseTime})`,
);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && results.every((r) => r.ok) ? 0 : 1);
