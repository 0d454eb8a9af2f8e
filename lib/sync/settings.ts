/**
 * Settings through `browser.storage.sync`: one small item (`settings`) holding each synced value
 * with the time it was last changed; per key, the later change wins. Generic over the settings
 * module's keys: it decides which settings travel and validates what comes back (`accept`).
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { t, tn } from '../core/i18n';
import { laterEditWins } from '../core/stamps';
import { itemBytes } from './bytes';
import { QUOTA_BYTES_PER_ITEM } from './codec';
import type { StorageAreaLike } from './tombstones';

export const SYNC_SETTINGS_KEY = 'settings';

/** Settings that sync: values by key, and when each key was last changed (epoch ms). */
export interface SyncedSettings {
  values: Record<string, unknown>;
  edited: Record<string, number>;
}

export interface SettingsSyncResult {
  /** The settings after the merge: what this device should now use (and store). */
  settings: SyncedSettings;
  /** Whether any value came from another device. */
  changed: boolean;
  wrote: boolean;
  error?: string;
  warning?: string;
}

const Timestamp = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(8.64e15));
const RemoteSchema = v.object({
  values: v.record(v.pipe(v.string(), v.maxLength(100)), v.unknown()),
  edited: v.record(v.pipe(v.string(), v.maxLength(100)), Timestamp),
});

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Per key, the later edit wins (`laterEditWins`, the reading list's rule: a tie goes to the greater
 * JSON on every device). Keys without an edit time never come from `remote`.
 */
export function mergeSettings(local: SyncedSettings, remote: SyncedSettings): SyncedSettings {
  const values = { ...local.values };
  const edited = { ...local.edited };
  for (const [key, at] of Object.entries(remote.edited)) {
    if (!Object.hasOwn(remote.values, key)) continue;
    const held = { value: local.values[key], at: local.edited[key] ?? -Infinity };
    if (!Object.hasOwn(local.edited, key) || laterEditWins(held, { value: remote.values[key], at })) {
      values[key] = remote.values[key];
      edited[key] = at;
    }
  }
  return { values, edited };
}

/** Only what has an edit time travels: both maps with the same keys, in a stable order. */
function syncable(s: SyncedSettings): SyncedSettings {
  const keys = Object.keys(s.edited)
    .filter((k) => Object.hasOwn(s.values, k) && s.values[k] !== undefined)
    .sort();
  return {
    values: Object.fromEntries(keys.map((k) => [k, s.values[k]])),
    edited: Object.fromEntries(keys.map((k) => [k, s.edited[k]!])),
  };
}

/** The settings within one sync item: the largest values stay behind when they do not fit. */
function fit(all: SyncedSettings): { out: SyncedSettings; left: string[] } {
  const out: SyncedSettings = { values: { ...all.values }, edited: { ...all.edited } };
  const left: string[] = [];
  const bySize = Object.keys(out.values).sort(
    (a, b) => JSON.stringify(out.values[b]).length - JSON.stringify(out.values[a]).length,
  );
  while (itemBytes(SYNC_SETTINGS_KEY, out) > QUOTA_BYTES_PER_ITEM - 256) {
    const key = bySize.shift()!;
    delete out.values[key];
    delete out.edited[key];
    left.push(key);
  }
  return { out, left: left.sort() };
}

/**
 * Merges the synced settings into `local` and writes the merge back when it differs. `accept`
 * screens each remote value (another device, another version: untrusted); a refused one is skipped.
 */
export async function syncSettings(
  local: SyncedSettings,
  area: StorageAreaLike = browser.storage.sync,
  opts: {
    enabled?: boolean;
    accept?: (key: string, value: unknown) => boolean;
    /** A setting's name as the options page shows it, for the notes. */
    label?: (key: string) => string;
    /** This device's clock (kept for callers; remote edit times are taken as stamped). */
    now?: number;
  } = {},
): Promise<SettingsSyncResult> {
  if (opts.enabled === false) return { settings: local, changed: false, wrote: false };
  let raw: unknown;
  try {
    raw = (await area.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY];
  } catch (err) {
    return { settings: local, changed: false, wrote: false, error: t('syncErrRead', String(err)) };
  }
  const parsed = raw === undefined ? undefined : v.safeParse(RemoteSchema, raw);
  let warning = parsed && !parsed.success ? t('syncSettingsReplaced') : undefined;
  const remote: SyncedSettings = parsed?.success ? parsed.output : { values: {}, edited: {} };
  const accepted = Object.keys(remote.edited).filter(
    (k) => Object.hasOwn(remote.values, k) && (opts.accept?.(k, remote.values[k]) ?? true),
  );
  const refused = Object.keys(remote.edited).length - accepted.length;
  if (refused && !warning) warning = tn(refused, 'syncSettingsRefusedOne', 'syncSettingsRefusedOther');
  const screened: SyncedSettings = {
    values: Object.fromEntries(accepted.map((k) => [k, remote.values[k]])),
    edited: Object.fromEntries(accepted.map((k) => [k, remote.edited[k]!])),
  };
  const settings = mergeSettings(local, screened);
  // A tie (same stamp, another value) changes the value alone: compare both.
  const changed = accepted.some(
    (k) => settings.edited[k] !== local.edited[k] || !sameJson(settings.values[k], local.values[k]),
  );
  // What the sync area keeps: the newest of every key, those refused here included (a newer
  // version may know them), so two versions never overwrite each other back and forth.
  const { out, left } = fit(syncable(mergeSettings(local, remote)));
  if (left.length) warning = t('syncSettingsTooLarge', left.map((k) => opts.label?.(k) ?? k).join(', '));
  // Compared with what is stored as stored: nothing to write when the merge adds nothing.
  if (parsed?.success && sameJson(out, syncable(parsed.output))) return { settings, changed, wrote: false, warning };
  try {
    await area.set({ [SYNC_SETTINGS_KEY]: out });
    return { settings, changed, wrote: true, warning };
  } catch (err) {
    return { settings, changed, wrote: false, warning, error: t('syncErrWrite', String(err)) };
  }
}
