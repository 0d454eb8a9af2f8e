/**
 * The settings' shape: each setting's schema and default, per-key validation (a malformed stored
 * value falls back to its default, never a crash) and versioned migrations. Reading and writing
 * them is lib/core/settings.ts.
 */
import * as v from 'valibot';
import { followList, foldWatchIntoFollows, hfUsernameSchema, type Followed } from './follows';

const words = v.pipe(
  v.array(v.string()),
  v.transform((list) =>
    [...new Set(list.map((s) => s.replace(/\s+/g, ' ').trim().slice(0, 100)).filter(Boolean))].slice(0, 200),
  ),
);

/**
 * Papers marked "Not interested": ids, the latest first, at most 200 (the oldest fall off: they are
 * past days no view shows by default, and the list travels in the one 8 KB settings sync item).
 */
const paperIds = v.pipe(
  v.array(v.string()),
  v.transform((list) => [...new Set(list.filter((s) => s.length > 0 && s.length <= 40))].slice(0, 200)),
);

/** Each setting's schema and default; an invalid stored value becomes the default. */
export const SETTINGS_SCHEMA = {
  refreshMinutes: [v.pipe(v.number(), v.integer(), v.minValue(15), v.maxValue(1440)), 30],
  badgeMode: [v.picklist(['count', 'dot', 'off']), 'count'],
  notifyNewDay: [v.boolean(), false],
  watchKeywords: [words, []],
  watchAuthors: [words, []],
  watchOrgs: [words, []],
  minUpvotes: [v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)), 0],
  defaultView: [v.picklist(['day', 'week', 'month']), 'day'],
  sort: [v.picklist(['upvotes', 'newest', 'trending', 'foryou']), 'upvotes'],
  theme: [v.picklist(['system', 'light', 'dark']), 'system'],
  quietNewTab: [v.boolean(), false],
  syncEnabled: [v.boolean(), true],
  /**
   * The new tab's layout: cards (Comfortable), a line or two each (Compact) or thumbnail cards in a
   * grid (Grid). Named `density` since before Grid, so synced choices keep their key
   * (lib/views/first-paint.ts reads it too).
   */
  density: [v.picklist(['comfortable', 'compact', 'grid']), 'comfortable'],
  /** Keep the whole Daily Papers archive offline (this device only: it costs this device's disk). */
  archiveEnabled: [v.boolean(), false],
  muteKeywords: [words, []],
  muteAuthors: [words, []],
  muteOrgs: [words, []],
  notInterested: [paperIds, []],
  // Following replaced the watch list's authors and organizations (folded in on every read, below).
  followPeople: [followList, [] as Followed[]],
  followOrgs: [followList, [] as Followed[]],
  /** Optional: follow whom this Hugging Face account follows ('' = none). */
  hfUsername: [hfUsernameSchema, ''],
  /** Send to Zotero desktop (this device only: the access to 127.0.0.1 is granted per browser). */
  zoteroEnabled: [v.boolean(), false],
  zoteroAlsoSave: [v.boolean(), false],
} as const satisfies Record<string, readonly [v.GenericSchema, unknown]>;

type Schema = typeof SETTINGS_SCHEMA;
export type SettingKey = keyof Schema;
export type Settings = { -readonly [K in SettingKey]: v.InferOutput<Schema[K][0]> };

export const DEFAULTS = Object.fromEntries(
  Object.entries(SETTINGS_SCHEMA).map(([k, [, d]]) => [k, d]),
) as unknown as Settings;
/** Settings that stay on this device: sync neither sends nor applies them. */
export const DEVICE_ONLY_SETTINGS: ReadonlySet<string> = new Set(['syncEnabled', 'archiveEnabled', 'zoteroEnabled']);
export const SETTINGS_VERSION = 1;

export interface StoredSettings {
  version: number;
  values: Partial<Settings>;
  /** When each key was last changed (ms): sync keeps the newer edit per key. */
  edited: Partial<Record<SettingKey, number>>;
}

export type Migration = (values: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations keyed by the version they upgrade from; append one whenever a stored key changes
 * meaning or name (bump SETTINGS_VERSION with it). Version 1 is the first shipped, so none yet.
 * Values from a newer version (another device, via sync) are read key by key like any other.
 */
export const MIGRATIONS: Record<number, Migration> = {};

export function migrate(
  values: Record<string, unknown>,
  from: number,
  to = SETTINGS_VERSION,
  migrations: Record<number, Migration> = MIGRATIONS,
): Record<string, unknown> {
  let out = values;
  for (let version = from; version < to; version++) out = migrations[version]?.(out) ?? out;
  return out;
}

/** Reads whatever is stored (any version, any garbage) into valid settings. */
export function parseStored(
  raw: unknown,
  migrations: Record<number, Migration> = MIGRATIONS,
): { settings: Settings; stored: StoredSettings } {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const version = typeof obj.version === 'number' && Number.isInteger(obj.version) ? obj.version : SETTINGS_VERSION;
  const rawValues = obj.values && typeof obj.values === 'object' ? { ...(obj.values as Record<string, unknown>) } : {};
  const editedRaw = obj.edited && typeof obj.edited === 'object' ? { ...(obj.edited as Record<string, unknown>) } : {};
  const values = migrate(rawValues, version, SETTINGS_VERSION, migrations);
  foldWatchIntoFollows(values, editedRaw);
  const settings = { ...DEFAULTS };
  const clean: Partial<Settings> = {};
  for (const key of Object.keys(SETTINGS_SCHEMA) as SettingKey[]) {
    if (!(key in values)) continue;
    const r = v.safeParse(SETTINGS_SCHEMA[key][0], values[key]);
    if (r.success) (settings as Record<string, unknown>)[key] = (clean as Record<string, unknown>)[key] = r.output;
  }
  const edited: StoredSettings['edited'] = {};
  for (const key of Object.keys(clean) as SettingKey[]) {
    const t = editedRaw[key];
    edited[key] = typeof t === 'number' && Number.isFinite(t) ? t : 0;
  }
  return { settings, stored: { version: SETTINGS_VERSION, values: clean, edited } };
}
