// `npm run demo`: the built extension in a real Chromium window, offline, in the sample world.
// Opens the new tab; after 60 s (PAPERTAB_DEMO_NEW_DAY_S to change) the tab follows a link to a
// paper, a new day of papers arrives and the toolbar badge (pinned) shows how many; a new tab then
// shows them and clears it. Runs until Ctrl-C. Without a display it runs headless and narrates.

import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { fireRefreshAlarm, launchExtension, type ExtensionSession } from '../tests/support/extension';
import {
  pinnedProfile,
  startSampleWorld,
  TODAY_COUNT,
  waitForInstall,
  type SampleWorld,
} from '../tests/support/sample-world';
import { until } from '../tests/support/until';
import { IMAGE_HOSTS } from '../tests/support/sample-images';

const NEW_DAY_AFTER_S = Number(process.env.PAPERTAB_DEMO_NEW_DAY_S ?? 60);

function say(line: string): void {
  console.log(`[demo ${new Date().toLocaleTimeString([], { hour12: false })}] ${line}`);
}

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function main(): Promise<void> {
  const headless = !hasDisplay();
  if (headless) {
    console.log(
      'No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so there is no window to show.\n' +
        'Running headless instead: the demo still runs and narrates what happens. For the real thing,\n' +
        'run it in a desktop session (or under `xvfb-run -a npm run demo` with a VNC viewer).',
    );
  }

  let world: SampleWorld | undefined;
  let ext: ExtensionSession | undefined;
  let profile: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let badgePoll: NodeJS.Timeout | undefined;
  let stopping = false;

  async function shutdown(code: number): Promise<never> {
    if (stopping) process.exit(code);
    stopping = true;
    clearTimeout(timer);
    clearInterval(badgePoll);
    say('shutting down…');
    await ext?.close().catch(() => undefined);
    if (profile) await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    await world?.close().catch(() => undefined);
    say('bye');
    process.exit(code);
  }

  const onSignal = (): void => void shutdown(0);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    world = await startSampleWorld();
    const w = world;
    say(`stand-in for huggingface.co on 127.0.0.1:${w.hf.port}; today is ${w.today} (UTC)`);
    for (const d of w.days)
      say(
        `  ${d.date}: ${d.items.length ? `${d.items.length} papers` : d.date === w.today ? 'not curated yet' : 'weekend, empty'}`,
      );

    // A profile with Papertab's button pinned to the toolbar, so the badge is in sight.
    profile = await pinnedProfile();
    ext = await launchExtension({ port: w.hf.port, userDataDir: profile, headless, hosts: IMAGE_HOSTS });
    const e = ext;
    // Playwright adds its own Ctrl-C handler at launch, which would exit before the profile and the
    // stand-in are cleaned up: ours closes the browser too.
    for (const l of process.listeners('SIGINT')) if (l !== onSignal) process.off('SIGINT', l);
    e.context.on('close', () => {
      if (!stopping) {
        say('the browser was closed');
        void shutdown(0);
      }
    });

    say('installed; fetching the recent week from the stand-in…');
    await waitForInstall(e, w);
    say(`badge: "${await e.badgeText()}" (${w.newestDay.date}'s papers, not seen yet)`);

    const newtabUrl = `chrome-extension://${e.extensionId}/newtab.html`;
    // The window opens with one blank tab: it becomes the new tab.
    const newtab: Page = e.context.pages()[0] ?? (await e.context.newPage());
    await newtab.goto(newtabUrl);
    await until(
      'new tab papers',
      () => newtab.locator('article').count(),
      (n) => n > 0,
    );
    await until(
      'badge cleared',
      () => e.badgeText(),
      (t) => t === '',
    );
    say(`new tab open: ${await newtab.locator('article').count()} papers of ${w.newestDay.date}; badge cleared`);
    say(`a new day arrives in ${NEW_DAY_AFTER_S} s (Ctrl-C to quit)`);

    let lastBadge = '';
    let polling = false;
    badgePoll = setInterval(() => {
      if (stopping || polling) return;
      polling = true;
      e.badgeText()
        .then((t) => {
          if (t === lastBadge) return;
          say(t ? `badge: "${t}"` : 'badge cleared: the new day has been seen');
          lastBadge = t;
        })
        .catch(() => undefined)
        .finally(() => (polling = false));
    }, 1000);

    timer = setTimeout(() => {
      void (async () => {
        // Any Papertab page on screen marks a new day seen at once (and Playwright keeps background
        // tabs "visible"), so first the reader clicks through to a paper: nothing of Papertab shows.
        const paper = w.newestDay.items[0]!.paper;
        await newtab.goto(`https://arxiv.org/abs/${paper.id}`);
        say(`you clicked through to a paper (arxiv.org/abs/${paper.id}, from the stand-in); meanwhile…`);
        w.arriveToday();
        say(`a new day: ${TODAY_COUNT} papers for ${w.today} on the stand-in; firing the refresh alarm`);
        await fireRefreshAlarm(e);
        await until(
          'badge',
          () => e.badgeText(),
          (t) => t === String(TODAY_COUNT),
          30_000,
        );
        const wait = headless ? 5 : 30;
        say(
          headless
            ? `the badge would show ${TODAY_COUNT} on the toolbar button; opening a new tab in ${wait} s`
            : `the toolbar badge shows ${TODAY_COUNT}: open a new tab (Ctrl+T) to see today's papers and clear it ` +
                `(the demo opens one in ${wait} s if you don't)`,
        );
        await new Promise((r) => setTimeout(r, wait * 1000));
        if (stopping || (await e.badgeText()) === '') return;
        const again = await e.context.newPage();
        await again.goto(newtabUrl);
        await until(
          'papers of today',
          () => again.locator('article').count(),
          (n) => n === TODAY_COUNT,
        );
        say(`new tab: ${TODAY_COUNT} papers for ${w.today}. Still running; Ctrl-C to quit`);
      })().catch((err: unknown) => {
        if (!stopping) console.error(err);
      });
    }, NEW_DAY_AFTER_S * 1000);
  } catch (err) {
    console.error(err);
    await shutdown(1);
  }
}

void main();
