import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  applyTheme,
  loadSettings,
  loadStored,
  readSettingsMirror,
  SETTINGS_KEY,
  updateSettings,
  watchSettings,
  writeSettingsMirror,
  SETTINGS_MIRROR_KEY,
} from '@/lib/core/settings';
import {
  DEFAULTS,
  migrate,
  parseStored,
  SETTINGS_SCHEMA,
  SETTINGS_VERSION,
  type Migration,
  type Settings,
} from '@/lib/core/settings-schema';

// The synchronous copy extension pages read at first paint.

const store = (raw: unknown) => fakeBrowser.storage.local.set({ [SETTINGS_KEY]: raw });
const stored = async () => (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];

/** A valid non-default value for every setting. */
const CHANGED: Settings = {
  refreshMinutes: 60,
  badgeMode: 'dot',
  notifyNewDay: true,
  watchKeywords: ['diffusion'],
  // Always empty once read: their entries are folded into followPeople and followOrgs (follows.test.ts).
  watchAuthors: [],
  watchOrgs: [],
  minUpvotes: 5,
  defaultView: 'week',
  sort: 'newest',
  theme: 'dark',
  quietNewTab: true,
  syncEnabled: false,
  density: 'compact',
  archiveEnabled: true,
  muteKeywords: ['survey'],
  muteAuthors: ['Grace Hopper'],
  muteOrgs: ['acme'],
  notInterested: ['2401.00001'],
  followPeople: [{ name: 'Ada Lovelace', hub: 'ada' }, { name: 'Alan Turing' }],
  followOrgs: [{ name: 'Ai2', hub: 'allenai' }],
  hfUsername: 'grace-hopper',
  zoteroEnabled: true,
  zoteroAlsoSave: true,
};

/** A malformed stored value for every setting (wrong type, out of range, unknown choice). */
const MALFORMED: [keyof Settings, unknown][] = [
  ['refreshMinutes', 5],
  ['refreshMinutes', 30.5],
  ['refreshMinutes', '60'],
  ['badgeMode', 'sparkle'],
  ['notifyNewDay', 'yes'],
  ['watchKeywords', 'diffusion'],
  ['muteKeywords', 'survey'],
  ['notInterested', [1, 2]],
  ['sort', 'random'],
  ['watchKeywords', [1, 2]],
  ['watchAuthors', { name: 'Ada' }],
  ['watchOrgs', null],
  ['minUpvotes', -1],
  ['minUpvotes', 10_001],
  ['defaultView', 'year'],
  ['sort', 'random'],
  ['theme', 'purple'],
  ['quietNewTab', 1],
  ['archiveEnabled', 'yes'],
  ['syncEnabled', 'false'],
  ['density', 'tiny'],
  ['muteAuthors', [null]],
  ['muteOrgs', {}],
  ['followPeople', 'Ada Lovelace'],
  ['followOrgs', { name: 'allenai' }],
  ['hfUsername', 'not a user/../name'],
  ['zoteroEnabled', 'yes'],
  ['zoteroAlsoSave', 1],
];

beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe('defaults', () => {
  it('a fresh install reads the documented defaults', async () => {
    expect(await loadSettings()).toEqual({
      refreshMinutes: 30,
      badgeMode: 'count',
      notifyNewDay: false,
      watchKeywords: [],
      watchAuthors: [],
      watchOrgs: [],
      minUpvotes: 0,
      defaultView: 'day',
      sort: 'upvotes',
      theme: 'system',
      quietNewTab: false,
      syncEnabled: true,
      density: 'comfortable',
      archiveEnabled: false,
      muteKeywords: [],
      muteAuthors: [],
      muteOrgs: [],
      notInterested: [],
      followPeople: [],
      followOrgs: [],
      hfUsername: '',
      zoteroEnabled: false,
      zoteroAlsoSave: false,
    });
  });

  it('the test table covers every setting, so a new setting needs a malformed case here', () => {
    expect(new Set(MALFORMED.map(([key]) => key))).toEqual(new Set(Object.keys(SETTINGS_SCHEMA)));
    expect(Object.keys(CHANGED).sort()).toEqual(Object.keys(SETTINGS_SCHEMA).sort());
  });
});

describe('reading stored settings', () => {
  it('reads back every valid value', async () => {
    await store({ version: SETTINGS_VERSION, values: CHANGED, edited: {} });
    expect(await loadSettings()).toEqual(CHANGED);
  });

  it.each(MALFORMED)('a malformed %s (%j) falls back to its default and keeps the other settings', async (key, bad) => {
    await store({ version: SETTINGS_VERSION, values: { ...CHANGED, [key]: bad }, edited: {} });
    expect(await loadSettings()).toEqual({ ...CHANGED, [key]: DEFAULTS[key] });
  });

  it.each([
    ['a string', 'settings'],
    ['a number', 42],
    ['null', null],
    ['an array', [1, 2, 3]],
    ['values that are a string', { version: 1, values: 'theme=dark' }],
  ])('garbage (%s) reads as the defaults, without throwing', async (_what, raw) => {
    await store(raw);
    expect(await loadSettings()).toEqual(DEFAULTS);
  });

  it('a damaged version number is no reason to drop good values', async () => {
    await store({ version: 'one', values: { theme: 'dark' } });
    expect(await loadSettings()).toEqual({ ...DEFAULTS, theme: 'dark' });
  });

  it('watch-list entries are trimmed, collapsed and deduplicated, with empties dropped', async () => {
    await store({
      version: 1,
      values: { watchKeywords: ['  diffusion   model ', 'diffusion model', '', '   ', 'RLHF'] },
    });
    expect((await loadSettings()).watchKeywords).toEqual(['diffusion model', 'RLHF']);
  });

  it('keeps the edit time of each valid key and drops those of invalid or unknown keys', () => {
    const { stored } = parseStored({
      version: 1,
      values: { theme: 'dark', badgeMode: 'sparkle', sort: 'newest' },
      edited: { theme: 100, badgeMode: 200, sort: 'yesterday', bogus: 300 },
    });
    expect(stored.values).toEqual({ theme: 'dark', sort: 'newest' });
    expect(stored.edited).toEqual({ theme: 100, sort: 0 });
  });
});

describe('changing settings', () => {
  it('stores the change and keeps every other setting', async () => {
    await updateSettings({ theme: 'dark' });
    await updateSettings({ badgeMode: 'off', minUpvotes: 10 });
    expect(await loadSettings()).toEqual({ ...DEFAULTS, theme: 'dark', badgeMode: 'off', minUpvotes: 10 });
  });

  it('stamps the edit time of each changed key only', async () => {
    await updateSettings({ theme: 'dark' }, 1000);
    await updateSettings({ badgeMode: 'dot', sort: 'newest' }, 2000);
    await updateSettings({ theme: 'light' }, 3000);
    expect((await loadStored()).edited).toEqual({ theme: 3000, badgeMode: 2000, sort: 2000 });
  });

  it.each<[Partial<Record<keyof Settings, unknown>>]>([
    [{ refreshMinutes: 1 }],
    [{ badgeMode: 'loud' }],
    [{ minUpvotes: -3 }],
    [{ theme: 'dark', refreshMinutes: 99_999 }],
  ])('an invalid value (%j) throws a RangeError and stores nothing', async (patch) => {
    await updateSettings({ sort: 'newest' }, 1000);
    const before = await stored();
    await expect(updateSettings(patch as Partial<Settings>, 2000)).rejects.toThrow(RangeError);
    expect(await stored()).toEqual(before);
    expect(await loadSettings()).toEqual({ ...DEFAULTS, sort: 'newest' });
  });

  it('two changes made at once both stick', async () => {
    await Promise.all([
      updateSettings({ theme: 'dark' }),
      updateSettings({ badgeMode: 'dot' }),
      updateSettings({ watchKeywords: ['diffusion'] }),
    ]);
    expect(await loadSettings()).toEqual({
      ...DEFAULTS,
      theme: 'dark',
      badgeMode: 'dot',
      watchKeywords: ['diffusion'],
    });
  });

  it('a rejected change does not block the next one', async () => {
    const bad = updateSettings({ theme: 'neon' as Settings['theme'] });
    const good = updateSettings({ theme: 'light' });
    await expect(bad).rejects.toThrow(RangeError);
    await good;
    expect((await loadSettings()).theme).toBe('light');
  });

  it('updates the first-paint mirror too', async () => {
    await updateSettings({ theme: 'dark', quietNewTab: true });
    expect(readSettingsMirror()).toMatchObject({ theme: 'dark', quietNewTab: true });
  });
});

describe('migrations', () => {
  const migrations: Record<number, Migration> = {
    // v1 → v2: `badge` became `badgeMode`.
    1: ({ badge, ...rest }) => ({ ...rest, badgeMode: badge === 'none' ? 'off' : badge }),
    // v2 → v3: minutes became hours... and back, in a new key.
    2: ({ refreshHours, ...rest }) => ({ ...rest, refreshMinutes: Number(refreshHours) * 60 }),
  };

  it('upgrades from version 1 to 3 through both steps, in order', () => {
    expect(migrate({ badge: 'none', refreshHours: 2, theme: 'dark' }, 1, 3, migrations)).toEqual({
      badgeMode: 'off',
      refreshMinutes: 120,
      theme: 'dark',
    });
  });

  it('runs only the steps after the stored version', () => {
    expect(migrate({ badge: 'none', refreshHours: 2 }, 2, 3, migrations)).toEqual({
      badge: 'none',
      refreshMinutes: 120,
    });
  });

  it('a version with no migration passes the values through', () => {
    const values = { theme: 'dark' };
    expect(migrate(values, 3, 5, migrations)).toEqual(values);
  });

  it('values from a newer version (another device) run no migration and are read key by key', () => {
    const never: Record<number, Migration> = {
      1: () => {
        throw new Error('a newer version must not be migrated');
      },
    };
    const { settings } = parseStored(
      { version: SETTINGS_VERSION + 3, values: { theme: 'dark', badgeMode: 'rainbow', futureSetting: 'x' } },
      never,
    );
    expect(settings).toEqual({ ...DEFAULTS, theme: 'dark' });
  });

  it('reading applies the migrations from the stored version', () => {
    // Stored by a version before the current one: the step from it runs.
    const old: Record<number, Migration> = { [SETTINGS_VERSION - 1]: (v) => ({ ...v, theme: v.colours }) };
    const { settings } = parseStored({ version: SETTINGS_VERSION - 1, values: { colours: 'light' } }, old);
    expect(settings.theme).toBe('light');
  });
});

describe('watching settings', () => {
  it('calls back with the new settings when they change, from any context', async () => {
    const cb = vi.fn();
    watchSettings(cb);
    await updateSettings({ theme: 'dark' });
    expect(cb).toHaveBeenCalledTimes(1);
    expect(cb).toHaveBeenLastCalledWith({ ...DEFAULTS, theme: 'dark' });
    // Another page (or sync) writing the raw record is seen the same way, and mirrored.
    const later = Date.now() + 60_000;
    await store({
      version: 1,
      values: { theme: 'light', badgeMode: 'dot' },
      edited: { theme: later, badgeMode: later },
    });
    expect(cb).toHaveBeenLastCalledWith({ ...DEFAULTS, theme: 'light', badgeMode: 'dot' });
    expect(readSettingsMirror()).toMatchObject({ theme: 'light', badgeMode: 'dot' });
  });

  it('is not called for other keys or other storage areas', async () => {
    const cb = vi.fn();
    watchSettings(cb);
    await fakeBrowser.storage.local.set({ savedIds: ['2404.12345'] });
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, values: { theme: 'dark' } } });
    expect(cb).not.toHaveBeenCalled();
  });

  it('stops after unsubscribing', async () => {
    const cb = vi.fn();
    const stop = watchSettings(cb);
    stop();
    await updateSettings({ theme: 'dark' });
    expect(cb).not.toHaveBeenCalled();
  });
});

describe('a change is written at once, and never undone by a stale copy', () => {
  it('once this context has read the settings, the write is issued before updateSettings returns (a page closed right after keeps it)', async () => {
    await loadSettings();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const done = updateSettings({ minUpvotes: 7 });
    // Nothing awaited yet: the page could go away now.
    expect(set).toHaveBeenCalledTimes(1);
    expect(set.mock.calls[0]![0]).toMatchObject({ [SETTINGS_KEY]: { values: { minUpvotes: 7 } } });
    await done;
    expect((await loadSettings()).minUpvotes).toBe(7);
  });

  it('the first change in a context reads the stored settings first and keeps them', async () => {
    await store({ version: 1, values: { theme: 'dark' }, edited: { theme: 5 } });
    await updateSettings({ sort: 'newest' });
    expect(await loadSettings()).toEqual({ ...DEFAULTS, theme: 'dark', sort: 'newest' });
  });

  it('another context writing a copy that lacks a newer edit made here: the edit is written back', async () => {
    await loadSettings();
    await updateSettings({ minUpvotes: 3 }, 2_000);
    // Another page, which read the settings before that edit, writes its own change over them.
    await store({ version: 1, values: { theme: 'dark' }, edited: { theme: 2_500 } });
    // A limit, not a pace (vi.waitFor's default, 1 s, is short on a loaded machine).
    await vi.waitFor(async () => expect((await loadStored()).values).toEqual({ theme: 'dark', minUpvotes: 3 }), {
      timeout: 10_000,
    });
    expect(await stored()).toMatchObject({ values: { theme: 'dark', minUpvotes: 3 }, edited: { theme: 2_500 } });
  });

  it('a newer edit from another context wins over the one made here, and is not written back over', async () => {
    await loadSettings();
    await updateSettings({ minUpvotes: 3 }, 2_000);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await store({ version: 1, values: { minUpvotes: 9 }, edited: { minUpvotes: 3_000 } });
    expect(set).toHaveBeenCalledTimes(1); // the other context's write only
    expect((await loadSettings()).minUpvotes).toBe(9);
  });

  it('a change always stamps a later time than the edit it replaces (clocks that go back do not undo it)', async () => {
    await updateSettings({ theme: 'dark' }, 5_000);
    await updateSettings({ theme: 'light' }, 4_000);
    const s = await loadStored();
    expect(s.values.theme).toBe('light');
    expect(s.edited.theme).toBe(5_001);
  });

  it('watchers see the merged settings, not the stale copy', async () => {
    await loadSettings();
    await updateSettings({ minUpvotes: 3 }, 2_000);
    const cb = vi.fn();
    watchSettings(cb);
    await store({ version: 1, values: { theme: 'dark' }, edited: { theme: 2_500 } });
    expect(cb).toHaveBeenCalled();
    for (const [s] of cb.mock.calls) expect(s).toMatchObject({ theme: 'dark', minUpvotes: 3 });
  });
});

describe('first-paint mirror', () => {
  it('round-trips the settings', () => {
    writeSettingsMirror(CHANGED);
    expect(readSettingsMirror()).toEqual(CHANGED);
  });

  it('is the defaults when nothing was written yet', () => {
    expect(readSettingsMirror()).toEqual(DEFAULTS);
  });

  it('tolerates garbage: damaged JSON is the defaults, a bad value is its default', () => {
    localStorage.setItem(SETTINGS_MIRROR_KEY, '{"theme": "dark", ');
    expect(readSettingsMirror()).toEqual(DEFAULTS);
    localStorage.setItem(SETTINGS_MIRROR_KEY, '"dark"');
    expect(readSettingsMirror()).toEqual(DEFAULTS);
    localStorage.setItem(SETTINGS_MIRROR_KEY, JSON.stringify({ theme: 'purple', quietNewTab: true }));
    expect(readSettingsMirror()).toEqual({ ...DEFAULTS, quietNewTab: true });
  });

  it('never throws when localStorage refuses (full, or blocked)', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(() => writeSettingsMirror(CHANGED)).not.toThrow();
    expect(readSettingsMirror()).toEqual(DEFAULTS);
  });
});

describe('theme', () => {
  afterEach(() => document.documentElement.removeAttribute('data-theme'));

  it('a chosen theme overrides the system preference; "system" follows it again', () => {
    applyTheme('dark');
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    applyTheme('light');
    expect(document.documentElement.getAttribute('data-theme')).toBe('light');
    applyTheme('system');
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });
});

describe('settings arriving from another device (sync)', () => {
  it('take a key only where the remote edit is newer, never the sync switch, never an invalid value', async () => {
    const { applySyncedSettings, updateSettings: update, loadStored: stored } = await import('@/lib/core/settings');
    await update({ sort: 'upvotes', theme: 'light' }, 2_000);
    const changed = await applySyncedSettings({
      values: { sort: 'newest', theme: 'dark', minUpvotes: -5, syncEnabled: false, badgeMode: 'dot' },
      edited: { sort: 1_000, theme: 3_000, minUpvotes: 3_000, syncEnabled: 3_000, badgeMode: 3_000 },
    });
    expect(changed).toBe(true);
    const s = await stored();
    // Local sort is newer (2000 > 1000): kept. Remote theme and badge are newer: taken, with their edit times.
    expect(s.values).toMatchObject({ sort: 'upvotes', theme: 'dark', badgeMode: 'dot' });
    expect(s.edited).toMatchObject({ sort: 2_000, theme: 3_000, badgeMode: 3_000 });
    expect(s.values.minUpvotes).toBeUndefined();
    expect(s.values.syncEnabled).toBeUndefined();
  });

  it('a change made here while a sync is applied is not lost', async () => {
    const { applySyncedSettings, updateSettings: update, loadStored: stored } = await import('@/lib/core/settings');
    await Promise.all([
      applySyncedSettings({ values: { sort: 'newest' }, edited: { sort: 1_000 } }),
      update({ theme: 'dark' }, 2_000),
    ]);
    expect((await stored()).values).toMatchObject({ sort: 'newest', theme: 'dark' });
  });
});
