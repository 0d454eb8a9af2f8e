// The "sample world" behind `npm run demo` and `npm run screenshots`: a stand-in huggingface.co
// serving a plausible recent week relative to today (UTC, as the extension counts days), and the
// steps to bring an installed extension into it.

import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { makeDay, utcDay, type DailyItem } from '../fixtures/papers';
import { extensionPath, type ExtensionSession } from './extension';
import { startStandIn, type StandIn } from './standin';
import { until } from './until';

export interface SampleDay {
  date: string;
  items: DailyItem[];
}

export interface SampleWorld {
  hf: StandIn;
  /** Today's date (UTC), YYYY-MM-DD. */
  today: string;
  /** What the stand-in serves for today and the 7 days before (what an install fetches), newest first. */
  days: SampleDay[];
  /** The newest day with papers: what the new tab shows, and the badge count right after install. */
  newestDay: SampleDay;
  /** Makes "a new day arrive": today's papers appear in the stand-in. Returns them. */
  arriveToday(count?: number): DailyItem[];
  close(): Promise<void>;
}

export interface SampleWorldOptions {
  /** Serve today's papers from the start (default: today is not curated yet, so it is empty). */
  withToday?: boolean;
}

/** Papers today gets when it arrives (the badge then shows this number). */
export const TODAY_COUNT = 14;

function isWeekend(date: string): boolean {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
}

/** 10–30 papers, the same for a given date on every run. */
function countFor(date: string): number {
  return 10 + (createHash('sha256').update(date).digest()[0]! % 21);
}

export async function startSampleWorld(opts: SampleWorldOptions = {}): Promise<SampleWorld> {
  const hf = await startStandIn();
  const today = utcDay(0);
  const days: SampleDay[] = [];
  // Today and the 7 days before: yesterday and earlier weekdays have papers, weekends are empty.
  for (let offset = 0; offset < 8; offset++) {
    const date = utcDay(-offset);
    const items = offset === 0 || isWeekend(date) ? [] : makeDay(date, countFor(date));
    days.push({ date, items });
    hf.setDay(date, items);
  }

  function arriveToday(count = TODAY_COUNT): DailyItem[] {
    const items = makeDay(today, count);
    hf.setDay(today, items);
    days[0] = { date: today, items };
    return items;
  }
  if (opts.withToday) arriveToday();

  return {
    hf,
    today,
    days,
    get newestDay(): SampleDay {
      const day = days.find((d) => d.items.length > 0);
      if (!day) throw new Error('sample world: no day with papers');
      return day;
    },
    arriveToday,
    close: () => hf.close(),
  };
}

/**
 * The id Chromium gives an unpacked extension: the SHA-256 of its absolute path, first 32 hex
 * digits spelled with the letters a–p.
 */
export function unpackedExtensionId(dir = extensionPath): string {
  const hex = createHash('sha256').update(dir.replace(/\/+$/, '')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * A fresh profile directory in which Papertab's toolbar button is pinned, so its badge is visible
 * without opening the extensions menu. The caller deletes it.
 */
export async function pinnedProfile(dir = extensionPath): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'papertab-profile-'));
  await mkdir(join(profile, 'Default'), { recursive: true });
  await writeFile(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ extensions: { pinned_extensions: [unpackedExtensionId(dir)] } }),
  );
  return profile;
}

/** Waits until the install refresh has stored the sample week: the badge then shows the newest day's count. */
export async function waitForInstall(ext: ExtensionSession, world: SampleWorld): Promise<void> {
  const expected = String(world.newestDay.items.length);
  await until(
    'badge after install',
    () => ext.badgeText(),
    (t) => t === expected,
  );
}

function hueOf(s: string): number {
  return createHash('sha256').update(s).digest()[0]! * (360 / 256);
}

/** A stand-in social thumbnail: a tinted card with a paper page on it (no text, no fetch). */
function thumbnailSvg(url: string): string {
  const h = hueOf(url).toFixed(0);
  const lines = [0, 1, 2, 3, 4, 5, 6]
    .map((i) => `<rect x="470" y="${230 + i * 40}" width="${i === 6 ? 160 : 260}" height="14" rx="7" fill="#d6d3d1"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 648">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${h} 70% 88%)"/><stop offset="1" stop-color="hsl(${h} 55% 70%)"/></linearGradient></defs>
<rect width="1200" height="648" fill="url(#g)"/>
<rect x="430" y="90" width="340" height="470" rx="10" fill="#fff" stroke="hsl(${h} 30% 55%)" stroke-width="3"/>
<rect x="470" y="130" width="260" height="24" rx="12" fill="hsl(${h} 45% 45%)"/>
<rect x="500" y="172" width="200" height="14" rx="7" fill="#a8a29e"/>${lines}
</svg>`;
}

/** A stand-in avatar: a tinted disc. */
function avatarSvg(url: string): string {
  const h = hueOf(url).toFixed(0);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="32" fill="hsl(${h} 60% 55%)"/><circle cx="32" cy="25" r="11" fill="#fff" opacity=".85"/><path d="M12 54a20 16 0 0 1 40 0z" fill="#fff" opacity=".85"/></svg>`;
}

/**
 * Images the sample papers point at (thumbnails, avatars on Hugging Face's CDNs) are answered
 * locally with generated pictures, so pages show no broken images offline.
 */
export async function routeSampleImages(context: BrowserContext): Promise<void> {
  await context.route(/^https:\/\/cdn-[a-z-]+\.huggingface\.co\//, (route) => {
    const url = route.request().url();
    const body = url.includes('avatar') || url.endsWith('org.png') ? avatarSvg(url) : thumbnailSvg(url);
    return route.fulfill({ status: 200, contentType: 'image/svg+xml', body });
  });
}
