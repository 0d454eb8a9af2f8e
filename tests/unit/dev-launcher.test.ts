// @vitest-environment node
/**
 * `npm run dev` on a machine without a display (a server, a container, CI): one sentence saying what
 * happened and what to do instead, exit status 1, no stack trace; with a display, `wxt` as before.
 * The launcher runs as a real process, as npm runs it (a browser is never started: `--dry-run`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const launcher = fileURLToPath(new URL('../../tools/dev.mjs', import.meta.url));

/** This environment without any display variable, plus `extra`. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DISPLAY: _d, WAYLAND_DISPLAY: _w, ...rest } = process.env;
  return { ...rest, ...extra };
}

function run(args: string[], extra?: Record<string, string>) {
  const r = spawnSync(process.execPath, [launcher, ...args], { cwd: root, env: env(extra), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const STACK_LINE = /^\s+at\s/m;

describe('npm run dev without a display', () => {
  it('says so in one sentence with the ways on, and exits 1 without a stack trace', () => {
    const r = run([]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const text = r.stderr.trim();
    expect(text).toMatch(/^No display found \(neither DISPLAY nor WAYLAND_DISPLAY is set\)/);
    expect(text).toContain('.output/chrome-mv3-dev');
    expect(text).toContain('npm run demo');
    expect(text).toContain('xvfb-run -a npm run dev');
    expect(text).toContain('--no-browser');
    // One sentence, one line, no trace.
    expect(text.split('\n')).toHaveLength(1);
    expect(text.match(/[.!?](\s|$)/g)).toHaveLength(1);
    expect(text).not.toMatch(STACK_LINE);
    expect(text).not.toMatch(/Error:/);
  });

  it('npm run dev:firefox names Firefox and its own output folder', () => {
    const r = run(['-b', 'firefox']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npm run dev:firefox');
    expect(r.stderr).toContain('.output/firefox-mv3-dev');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('--no-browser runs the dev server without opening a browser, display or not', () => {
    const r = run(['--no-browser', '--dry-run']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('no browser opened');
  });
});

describe('npm run dev with a display', () => {
  it.each([
    [{ DISPLAY: ':0' }, [], 'wxt'],
    [{ WAYLAND_DISPLAY: 'wayland-0' }, [], 'wxt'],
    [{ DISPLAY: ':0' }, ['-b', 'firefox'], 'wxt -b firefox'],
  ])('with %j runs wxt as before (%j → %s)', (extra, args, command) => {
    const r = run([...args, '--dry-run'], extra);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`would run: ${command}`);
  });
});

describe('the npm scripts', () => {
  it('dev and dev:firefox go through the launcher', () => {
    const scripts = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts.dev).toBe('node tools/dev.mjs');
    expect(scripts['dev:firefox']).toBe('node tools/dev.mjs -b firefox');
  });
});
