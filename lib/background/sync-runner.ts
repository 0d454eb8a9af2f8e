/**
 * Sync as the background runs it: the reading list and the settings, on start, after a refresh,
 * shortly after an edit (debounced with an alarm, never a timer) and when another device wrote.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { HfRequestDeps } from '../hf/gate';
import { t } from '../core/i18n';
import { completeIncomplete } from '../hf/save-paper';
import { applySyncedSettings, loadStored } from '../core/settings';
import { SETTINGS_SCHEMA, DEVICE_ONLY_SETTINGS, type SettingKey, type StoredSettings } from '../core/settings-schema';
import { syncSettings } from '../sync/settings';
import { syncNow } from '../sync/sync';
import type { SyncStatus } from '../sync/status';

export const SYNC_ALARM = 'papertab-sync';
/** Edits within this window are sent together. */
const DEBOUNCE_MS = 30_000;

/** Keys that follow the user; the sync switch itself stays per device. */
const isSyncedKey = (k: string): k is SettingKey => k in SETTINGS_SCHEMA && !DEVICE_ONLY_SETTINGS.has(k);

export async function scheduleSync(now = Date.now()): Promise<void> {
  await browser.alarms.create(SYNC_ALARM, { when: now + DEBOUNCE_MS });
}

/** The settings that can outgrow a sync item, by the names the options page gives them. */
const LABELS: Partial<Record<SettingKey, () => string>> = {
  watchKeywords: () => t('watchedKeywords'),
  watchAuthors: () => t('watchedAuthors'),
  watchOrgs: () => t('watchedOrgs'),
  muteKeywords: () => t('mutedKeywords'),
  muteAuthors: () => t('mutedAuthors'),
  muteOrgs: () => t('mutedOrgs'),
  notInterested: () => t('notInterestedSetting'),
  followPeople: () => t('followedPeople'),
  followOrgs: () => t('followedOrgs'),
};

/** Syncs the settings; returns what the user should know about it (in words), if anything. */
export async function syncSettingsNow(stored: StoredSettings, now: number): Promise<string | undefined> {
  const values: Record<string, unknown> = {};
  const edited: Record<string, number> = {};
  for (const [k, val] of Object.entries(stored.values)) {
    if (!isSyncedKey(k)) continue;
    values[k] = val;
    edited[k] = stored.edited[k] ?? 0;
  }
  const result = await syncSettings({ values, edited }, browser.storage.sync, {
    accept: (k, val) => isSyncedKey(k) && v.is(SETTINGS_SCHEMA[k][0], val),
    label: (k) => LABELS[k as SettingKey]?.() ?? k,
    now,
  });
  if (result.changed) await applySyncedSettings(result.settings, now);
  const notes = [result.warning, result.error && t('syncSettingsFailed', result.error)].filter(Boolean);
  return notes.length ? notes.join(' ') : undefined;
}

export async function runSync(deps: HfRequestDeps): Promise<SyncStatus | undefined> {
  const now = deps.now ?? Date.now;
  const stored = await loadStored();
  if (!(stored.values.syncEnabled ?? true)) return undefined;
  const note = await syncSettingsNow(stored, now()).catch((err: unknown) =>
    t('syncSettingsFailed', err instanceof Error ? err.message : String(err)),
  );
  // The options page shows the reading list's status; the settings' note joins it.
  const status = await syncNow(deps.db, browser.storage.sync, browser.storage.local, now(), { note });
  // Papers that arrived from another device carry only an id and title: fetch the rest.
  if (status.added > 0) await completeIncomplete(deps);
  return status;
}
