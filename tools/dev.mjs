// `npm run dev` and `npm run dev:firefox`: WXT's dev server, which builds the extension into
// .output/<browser>-mv3-dev, opens a fresh browser profile with it and reloads it on every edit.
//
// That browser needs a window. On Linux without a display (a server, a container, CI) it cannot
// open one and WXT dies with an unhandled `ECONNRESET` and a stack trace; so without a display this
// says so in one sentence, with what to do instead, and exits with status 1, before building
// anything. Elsewhere it runs `wxt` exactly as the scripts did before (arguments passed through).
//
//   --no-browser  the dev server without opening a browser (load the -dev output by hand)
//   --dry-run     print what would run, run nothing (for tests)

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Linux (and other X11/Wayland systems) need DISPLAY or WAYLAND_DISPLAY; macOS and Windows always have a screen. */
export function hasDisplay(env = process.env, platform = process.platform) {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The browser the arguments ask for (`-b firefox`, `--browser=firefox`); Chrome by default. */
export function browserOf(args) {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-b' || a === '--browser') return args[i + 1] ?? 'chrome';
    if (a.startsWith('--browser=')) return a.slice('--browser='.length);
  }
  return 'chrome';
}

/** One sentence: what happened, and the three ways on. */
export function noDisplayMessage(browser) {
  const firefox = browser === 'firefox';
  const script = firefox ? 'npm run dev:firefox' : 'npm run dev';
  const out = firefox ? '.output/firefox-mv3-dev' : '.output/chrome-mv3-dev';
  const where = firefox ? 'about:debugging' : 'chrome://extensions';
  return (
    `No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so \`${script}\` cannot open ` +
    `${firefox ? 'Firefox' : 'Chromium'} with the extension: run \`${script} -- --no-browser\` and load ` +
    `\`${out}\` by hand in a browser (${where}), run \`npm run demo\` to try it headless, or run ` +
    `\`xvfb-run -a ${script}\` to give it a virtual display.`
  );
}

async function main(argv) {
  const dryRun = argv.includes('--dry-run');
  const noBrowser = argv.includes('--no-browser');
  const args = argv.filter((a) => a !== '--dry-run' && a !== '--no-browser');
  const browser = browserOf(args);

  if (noBrowser) {
    // WXT's own API with its browser runner off: it builds, serves, reloads, and only prints
    // which folder to load.
    if (dryRun) return void console.log(`would run: the WXT dev server for ${browser}, no browser opened`);
    const { createServer } = await import('wxt');
    const server = await createServer({ browser, webExt: { disabled: true } });
    await server.start();
    return;
  }

  if (!hasDisplay()) {
    console.error(noDisplayMessage(browser));
    process.exitCode = 1;
    return;
  }

  const local = `${root}node_modules/.bin/wxt`;
  const bin = existsSync(local) ? local : 'wxt';
  if (dryRun) return void console.log(`would run: ${['wxt', ...args].join(' ')}`);
  const child = spawn(bin, args, { stdio: 'inherit', cwd: root });
  // Ctrl-C reaches wxt too (same process group): wait for it to stop. A SIGTERM sent to this process
  // alone is passed on. Either way wxt's exit is ours.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (err) => {
    console.error(`Could not start wxt (${err.message}): run \`npm install\` first.`);
    process.exit(1);
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`npm run dev failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
