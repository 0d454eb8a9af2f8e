// `npm run demo`: the built extension in a real Chromium window, offline, in the sample world.
// Opens the new tab; after 60 s (PAPERTAB_DEMO_NEW_DAY_S to change) a new day of papers arrives
// and the toolbar badge shows how many. Runs until Ctrl-C. Without a display it runs headless and
// narrates instead.

import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './extension';
import {
  fireRefreshAlarm,
  pinnedProfile,
  routeSampleImages,
  startSampleWorld,
  TODAY_COUNT,
  until,
  waitForInstall,
  type SampleWorld,
} from './sample-world';

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
    ext = await launchExtension({ port: w.hf.port, userDataDir: profile, headless });
    const e = ext;
    await routeSampleImages(e.context);
    // Playwright's own Ctrl-C handler would exit before the profile and stand-in are cleaned up.
    process.removeAllListeners('SIGINT');
    process.on('SIGINT', () => void shutdown(0));
    process.on('SIGTERM', () => void shutdown(0));
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
    badgePoll = setInterval(() => {
      if (stopping) return;
      e.badgeText()
        .then((t) => {
          if (t === lastBadge) return;
          say(t ? `badge: "${t}"` : 'badge cleared: the new day has been seen');
          lastBadge = t;
        })
        .catch(() => undefined);
    }, 1000);

    timer = setTimeout(() => {
      void (async () => {
        if (headless) {
          // Nobody can look at a headless tab, and a visible new tab marks the new day seen at
          // once: close it, so the badge stays until a new tab is opened again.
          await newtab.close();
        } else {
          // Reading something else: the Papertab tab goes to the background, the badge stays.
          const reading = await e.context.newPage();
          await reading.goto(`https://arxiv.org/abs/${w.newestDay.items[0]!.paper.id}`);
          await reading.bringToFront();
        }
        w.arriveToday();
        say(`a new day: ${TODAY_COUNT} papers for ${w.today} on the stand-in; firing the refresh alarm`);
        await fireRefreshAlarm(e);
        await until(
          'badge',
          () => e.badgeText(),
          (t) => t === String(TODAY_COUNT),
        );
        if (headless) {
          say('opening a new tab in 5 s, which marks the day seen and clears the badge');
          await new Promise((r) => setTimeout(r, 5000));
          const again = await e.context.newPage();
          await again.goto(newtabUrl);
          await until(
            'papers of today',
            () => again.locator('article').count(),
            (n) => n === TODAY_COUNT,
          );
          say(`new tab: ${TODAY_COUNT} papers for ${w.today}. Still running; Ctrl-C to quit`);
        } else {
          say('switch back to the Papertab tab (or open a new tab) to see today; the badge then clears');
        }
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
