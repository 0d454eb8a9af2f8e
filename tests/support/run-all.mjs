#!/usr/bin/env node
// `npm test`: type-check and lint, unit tests, build, end-to-end tests against the built
// extension, then the Firefox build and `web-ext lint` on it. Every stage runs even if an earlier
// one failed, so one run shows everything; the last line sums up every test as
// `N passed, N failed`.
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
const built = run('build', 'npx', ['wxt', 'build']);
stageOk.push(['build', built]);
const e2e = built ? vitest('e2e') : { ok: false, passed: 0, failed: 1, skipped: 0 };
results.push(e2e);
stageOk.push(['firefox (web-ext lint)', run('lint:firefox', 'npm', ['run', '--silent', 'lint:firefox'])]);

const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0) + stageOk.filter(([, ok]) => !ok).length;
const skipped = results.reduce((s, r) => s + r.skipped, 0);
console.log('');
for (const [name, ok] of stageOk) console.log(`${ok ? '✔' : '✘'} ${name}`);
console.log(`unit: ${unit.passed} passed, ${unit.failed} failed · e2e: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && results.every((r) => r.ok) ? 0 : 1);
