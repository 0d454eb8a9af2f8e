// The "sample world" behind `npm run demo` and `npm run screenshots`: a stand-in huggingface.co
// serving a plausible recent week relative to today (UTC, as the extension counts days), and the
// steps to bring an installed extension into it.

import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
