/**
 * Updating never loses data, in both browsers. The previous release (its archive for the browser
 * under test, kept in tests/fixtures/releases/ by the release script) is installed and used as a
 * person would: papers fetched, three saved, one with a status, tags and a note, the theme changed,
 * the whole archive fetched. Then this build is put in its place as an update does (the same
 * extension id, so the profile's data stays: driver.update()), and the browser starts again.
 * Everything is still there, read offline; the database is at this build's schema version; and a
 * second start changes nothing (the migrations ran once).
 *
 * The filling steps use the previous release's own pages: when a release changes those labels, the
 * next release's copy of this test follows them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDailyItem, makeDay, paperIdFor, utcDay } from '../fixtures/papers';
import { scenarioWorld } from '../support/scenario-world';
import { browserUnderTest, poll, storedSaved, waitIn, type Tab } from '../support/driver';
import { field, fill, setChecked, toggleSave, valueOf } from '../support/steps';
import { builds } from '../support/release';
import { until } from '../support/until';
import { previousRelease } from '../../tools/release/fixtures';
import { LATEST_VERSION } from '@/lib/store/db';

const browser = browserUnderTest();
const build = browser === 'firefox' ? builds.firefox : builds.chrome;
const version = (JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as { version: string }).version;
const previous = previousRelease(version, browser === 'firefox' ? 'firefox' : 'chrome');
if (!previous) throw new Error(`no ${browser} release older than ${version} in tests/fixtures/releases/`);

const DAY = utcDay(-1);
const items = makeDay(DAY, 8);
const saved = [items[0]!.paper, items[3]!.paper, items[5]!.paper];
const FIRST = saved[0]!;
const ARCHIVED_TITLE = 'Quokka tides: forecasting coastal water with marsupial priors';
const NOTE = 'Section 3 is the key; compare with the sliding-window baseline.';
const TAGS = ['diffusion', 'to-reproduce'];

const { hf, driver } = scenarioWorld({
  release: previous.zip,
  serve: (hf) => {
    hf.setDay(DAY, items);
    // The archive's first day, with a paper only the archive fetches.
    hf.setDay('2023-05-04', [
      makeDailyItem(paperIdFor('2023-05-04', 0), '2023-05-04', { title: ARCHIVED_TITLE }),
      ...[1, 2].map((i) => makeDailyItem(paperIdFor('2023-05-04', i), '2023-05-04')),
    ]);
  },
  badge: '8',
});

interface Dump {
  manifestVersion: string;
  idbVersion: number;
  saved: { id: string; status: string; tags: string[]; note: string; savedAt: number }[];
  paperIds: string[];
  /** The papers with lookup keys (the Following view's index; none before schema 4). */
  keyedIds: string[];
  archiveStatus: unknown;
  settings: Record<string, unknown>;
}

/** Everything the user has, read in an extension page of whichever version runs (self-contained). */
function dump(page: Tab): Promise<Dump> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('papertab');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
        r.onerror = () => reject(r.error);
      });
    const saved = (await all<{ id: string; status: string; tags: string[]; note: string; savedAt: number }>('saved'))
      .map(({ id, status, tags, note, savedAt }) => ({ id, status, tags, note, savedAt }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const paperIds = (await all<{ id: string }>('papers')).map((p) => p.id).sort();
    const keyedIds = db.objectStoreNames.contains('followKeys')
      ? (await all<{ id: string }>('followKeys')).map((p) => p.id).sort()
      : [];
    const meta = await all<{ key: string; value: unknown }>('meta');
    const idbVersion = db.version;
    db.close();
    // Firefox's promise API is `browser`; Chromium's is `chrome`.
    type Api = typeof import('wxt/browser').browser;
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const stored = (await api.storage.local.get('settings')).settings as
      { values?: Record<string, unknown> } | undefined;
    return {
      manifestVersion: api.runtime.getManifest().version,
      idbVersion,
      saved,
      paperIds,
      keyedIds,
      archiveStatus: (meta.find((m) => m.key === 'archive')?.value as { status?: string } | undefined)?.status,
      settings: stored?.values ?? {},
    };
  });
}

/** What the user has, read in a new options page (closed after). */
async function dumpNow(): Promise<Dump> {
  const options = await driver.openExtensionPage('options.html');
  try {
    return await dump(options);
  } finally {
    await options.close();
  }
}

/** The previous release used through its own pages: saves, a status, tags, a note, a theme, the archive. */
async function fillPreviousRelease(): Promise<void> {
  const tab = await driver.openExtensionPage('newtab.html');
  await waitIn(tab, 'the eight papers', () => document.querySelectorAll('main article').length === 8);
  for (const p of saved) await toggleSave(tab, p.title);
  await tab.close();

  const list = await driver.openExtensionPage('reading-list.html');
  const status = await field(list, 'Status', FIRST.title);
  await list.select(status, 'reading');
  await poll(
    async () => (await storedSaved(list, FIRST.id))?.status,
    'the status stored',
    (s) => s === 'reading',
  );
  for (const [i, tag] of TAGS.entries()) {
    await fill(list, await field(list, `Add a tag to “${FIRST.title}”`), tag);
    await list.press('Enter');
    const want = TAGS.slice(0, i + 1).join();
    await poll(
      async () => (await storedSaved(list, FIRST.id))?.tags.join(),
      `the tag “${tag}” stored`,
      (t) => t === want,
    );
  }
  const note = await field(list, 'Note', FIRST.title);
  await fill(list, note, NOTE);
  await list.evaluate((s) => document.querySelector<HTMLElement>(s)?.blur(), note);
  await poll(
    async () => (await storedSaved(list, FIRST.id))?.note,
    'the note stored',
    (n) => n === NOTE,
  );
  await list.close();

  const options = await driver.openExtensionPage('options.html');
  const theme = await field(options, 'Theme');
  await options.select(theme, 'dark');
  await poll(
    () => valueOf(options, theme),
    'the dark theme chosen',
    (v) => v === 'dark',
  );
  await setChecked(options, 'Keep the whole Daily Papers archive offline');
  await until(
    'the archive fetched',
    async () => (await dump(options)).archiveStatus,
    (s) => s === 'done',
    90_000,
  );
  await poll(
    async () => (await dump(options)).settings.theme,
    'the theme stored',
    (t) => t === 'dark',
  );
  await options.close();
}

describe(`updating from ${previous.version} to ${version}`, () => {
  it('keeps saved papers, notes, tags, settings and the archive, and migrates once', async () => {
    expect(previous.version).not.toBe(version);
    await fillPreviousRelease();
    const before = await dumpNow();
    expect(before.manifestVersion).toBe(previous.version);
    expect(before.saved).toHaveLength(3);
    expect(before.paperIds).toContain(paperIdFor('2023-05-04', 0));

    // Hugging Face is unreachable from now on, so everything shown comes from what the previous
    // version stored. The update, then the browser starts again once this build has opened its data.
    hf.setFault({ kind: '500' });
    await driver.update();
    await poll(
      () => dumpNow(),
      'the data opened by this build',
      (d) => d.idbVersion === LATEST_VERSION * 10,
    );
    await driver.restart();
    const after = await dumpNow();
    expect(after.manifestVersion).toBe(version);
    // Dexie stores its version ×10 in IndexedDB: this build's schema, reached by its upgrades.
    expect(after.idbVersion).toBe(LATEST_VERSION * 10);
    expect(after.saved).toEqual(before.saved);
    expect(after.saved.find((s) => s.id === FIRST.id)).toMatchObject({ status: 'reading', tags: TAGS, note: NOTE });
    expect(after.paperIds).toEqual(expect.arrayContaining(before.paperIds));
    // The upgrade keyed every paper already cached, the archive included (the Following view's index).
    expect(after.keyedIds).toEqual(after.paperIds);
    expect(after.archiveStatus).toBe('done');
    expect(after.settings).toMatchObject({ theme: 'dark', archiveEnabled: true });

    // What the user sees: the reading list, and the archive searched offline from the new tab.
    const list = await driver.openExtensionPage('reading-list.html');
    await waitIn(
      list,
      'the three saved papers listed',
      (titles) => titles.every((t) => [...document.querySelectorAll('article h2')].some((h) => h.textContent === t)),
      saved.map((p) => p.title),
    );
    const tab = await driver.openExtensionPage('newtab.html');
    await fill(tab, await field(tab, 'Search papers'), 'quokka marsupial');
    await waitIn(
      tab,
      'the archived paper found offline',
      (t) => [...document.querySelectorAll('article h2')].some((h) => h.textContent === t),
      ARCHIVED_TITLE,
    );

    // A second start finds nothing left to migrate: the same data, the same version.
    await driver.restart();
    const second = await dumpNow();
    expect({ ...second, paperIds: second.paperIds.length, keyedIds: second.keyedIds.length }).toEqual({
      ...after,
      paperIds: after.paperIds.length,
      keyedIds: after.keyedIds.length,
    });
  });
});
