/**
 * Updating never loses data. The previous release (its Chrome archive, kept by the release script in
 * tests/fixtures/releases/) is installed and used as a person would: papers fetched, three saved, one
 * with a status, tags and a note, the theme changed, the whole archive fetched. Then this build is put
 * where the old one was (an unpacked extension's id comes from its folder, so the update keeps the id
 * and the profile's data, as a store update does) and the browser starts again. Everything is still
 * there, read offline; the database is at this build's schema version; and a second start changes
 * nothing (the migrations ran once).
 *
 * The filling steps use the previous release's own pages: when a release changes those labels, the
 * next release's copy of this test follows them.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeDailyItem, makeDay, paperIdFor, utcDay } from '../fixtures/papers';
import { extensionPath, launchExtension, type ExtensionSession } from '../support/extension';
import { startStandIn, type StandIn } from '../support/standin';
import { storedSaved, waitForBadge, waitForPapers } from '../support/e2e';
import { until } from '../support/until';
import { previousRelease } from '../../tools/release/fixtures';
import { LATEST_VERSION } from '@/lib/store/db';

const version = (JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8')) as { version: string }).version;
const previous = previousRelease(version);
if (!previous) throw new Error(`no release older than ${version} in tests/fixtures/releases/`);

const DAY = utcDay(-1);
const items = makeDay(DAY, 8);
const saved = [items[0]!.paper, items[3]!.paper, items[5]!.paper];
const ARCHIVED_TITLE = 'Quokka tides: forecasting coastal water with marsupial priors';
const NOTE = 'Section 3 is the key; compare with the sliding-window baseline.';
const TAGS = ['diffusion', 'to-reproduce'];

let hf: StandIn;
let work: string;
let extDir: string;
let profile: string;
let ext: ExtensionSession | undefined;

beforeAll(async () => {
  hf = await startStandIn();
  hf.setDay(DAY, items);
  // The archive's first day, with a paper only the archive fetches.
  hf.setDay('2023-05-04', [
    makeDailyItem(paperIdFor('2023-05-04', 0), '2023-05-04', { title: ARCHIVED_TITLE }),
    ...[1, 2].map((i) => makeDailyItem(paperIdFor('2023-05-04', i), '2023-05-04')),
  ]);
  work = await mkdtemp(join(tmpdir(), 'papertab-update-'));
  extDir = join(work, 'papertab');
  profile = join(work, 'profile');
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(previous.zip)))) {
    if (name.endsWith('/')) continue;
    await mkdir(dirname(join(extDir, name)), { recursive: true });
    await writeFile(join(extDir, name), bytes);
  }
});

afterAll(async () => {
  await ext?.close();
  await hf?.close();
  await rm(work, { recursive: true, force: true });
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
async function dump(page: Page): Promise<Dump> {
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
    const c = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const stored = (await c.storage.local.get('settings')).settings as { values?: Record<string, unknown> } | undefined;
    return {
      manifestVersion: c.runtime.getManifest().version,
      idbVersion,
      saved,
      paperIds,
      keyedIds,
      archiveStatus: (meta.find((m) => m.key === 'archive')?.value as { status?: string } | undefined)?.status,
      settings: stored?.values ?? {},
    };
  });
}

async function start(): Promise<ExtensionSession> {
  ext = await launchExtension({ port: hf.port, userDataDir: profile, extensionDir: extDir });
  return ext;
}

async function stop(): Promise<void> {
  await ext?.close();
  ext = undefined;
}

async function fillPreviousRelease(e: ExtensionSession): Promise<void> {
  await waitForBadge(e, '8');
  const tab = await e.page('newtab.html');
  await waitForPapers(tab, 8);
  for (const p of saved) {
    const save = tab.getByRole('article', { name: p.title }).getByRole('button', { name: 'Save' });
    await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
  }
  await tab.close();

  const list = await e.page('reading-list.html');
  const card = list.getByRole('article', { name: saved[0]!.title });
  await card.getByRole('combobox', { name: 'Status' }).selectOption('reading');
  for (const tag of TAGS) {
    const box = card.getByRole('textbox', { name: `Add a tag to “${saved[0]!.title}”` });
    await box.fill(tag);
    await box.press('Enter');
  }
  await card.getByRole('textbox', { name: 'Note' }).fill(NOTE);
  await card.getByRole('textbox', { name: 'Note' }).blur();
  await expect.poll(async () => (await storedSaved(list, saved[0]!.id))?.note).toBe(NOTE);
  await expect.poll(async () => (await storedSaved(list, saved[0]!.id))?.tags).toEqual(TAGS);

  const options = await e.page('options.html');
  await options.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await options.getByRole('checkbox', { name: 'Keep the whole Daily Papers archive offline' }).check();
  await until(
    'the archive fetched',
    async () => (await dump(options)).archiveStatus,
    (s) => s === 'done',
    90_000,
  );
  await expect.poll(async () => (await dump(options)).settings.theme).toBe('dark');
}

describe(`updating from ${previous.version} to ${version}`, () => {
  it('keeps saved papers, notes, tags, settings and the archive, and migrates once', async () => {
    expect(previous.version).not.toBe(version);
    const old = await start();
    await fillPreviousRelease(old);
    const before = await dump(await old.page('options.html'));
    expect(before.manifestVersion).toBe(previous.version);
    expect(before.saved).toHaveLength(3);
    expect(before.paperIds).toContain(paperIdFor('2023-05-04', 0));
    await stop();

    // The update: this build where the previous one was, then the browser starts again. Hugging Face
    // is unreachable from now on, so everything shown comes from what the previous version stored.
    await rm(extDir, { recursive: true, force: true });
    await cp(extensionPath, extDir, { recursive: true });
    hf.setFault({ kind: '500' });
    const updated = await start();
    const after = await dump(await updated.page('options.html'));
    expect(after.manifestVersion).toBe(version);
    // Dexie stores its version ×10 in IndexedDB: this build's schema, reached by its upgrades.
    expect(after.idbVersion).toBe(LATEST_VERSION * 10);
    expect(after.saved).toEqual(before.saved);
    expect(after.saved.find((s) => s.id === saved[0]!.id)).toMatchObject({ status: 'reading', tags: TAGS, note: NOTE });
    expect(after.paperIds).toEqual(expect.arrayContaining(before.paperIds));
    // The upgrade keyed every paper already cached, the archive included (the Following view's index).
    expect(after.keyedIds).toEqual(after.paperIds);
    expect(after.archiveStatus).toBe('done');
    expect(after.settings).toMatchObject({ theme: 'dark', archiveEnabled: true });

    // What the user sees: the reading list, and the archive searched offline from the new tab.
    const list = await updated.page('reading-list.html');
    for (const p of saved) await list.getByRole('article', { name: p.title }).waitFor();
    const tab = await updated.page('newtab.html');
    await tab.getByRole('searchbox', { name: 'Search papers' }).fill('quokka marsupial');
    await tab.getByRole('article', { name: ARCHIVED_TITLE }).waitFor();
    await stop();

    // A second start finds nothing left to migrate: the same data, the same version.
    const again = await start();
    const second = await dump(await again.page('options.html'));
    expect({ ...second, paperIds: second.paperIds.length, keyedIds: second.keyedIds.length }).toEqual({
      ...after,
      paperIds: after.paperIds.length,
      keyedIds: after.keyedIds.length,
    });
  });
});
