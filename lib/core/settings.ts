/**
 * Settings: one typed module over `browser.storage.local` (the shape, defaults and validation are
 * lib/core/settings-schema.ts), with per-key edit times for sync. Pages also keep a synchronous copy
 * in localStorage so the new tab's first paint knows the theme, quiet mode and view without waiting.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { laterEditWins, nextStamp } from './stamps';
import {
  DEFAULTS,
  DEVICE_ONLY_SETTINGS,
  SETTINGS_SCHEMA,
  SETTINGS_VERSION,
  parseStored,
  type SettingKey,
  type Settings,
  type StoredSettings,
} from './settings-schema';

export const SETTINGS_KEY = 'settings';
/** The settings' copy in localStorage, for the new tab's first paint (theme, quiet mode, view, layout). */
export const SETTINGS_MIRROR_KEY = 'papertab:settings';

export async function loadSettings(): Promise<Settings> {
  return parseStored(await loadStored()).settings;
}

/** Reads the stored record (the truth), and keeps this context's copy of it current from then on. */
export async function loadStored(): Promise<StoredSettings> {
  track();
  const got = parseStored((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).stored;
  known = known ? newerPerKey(known, got) : got;
  return known;
}

/**
 * This context's copy of the stored record, once read. A change is written from it at once, in
 * the same task as the click or keystroke: a page closed right after a change still saves it
 * (a read-then-write would be cut off when the page goes). `storage.onChanged` keeps the copy
 * current; when another context writes a copy that lacks a newer edit made here (two pages, or a
 * sync, writing at the same moment), the newer edit is written back, key by key.
 */
let known: StoredSettings | undefined;
let untrack: (() => void) | undefined;
/** Records this context wrote, whose change events are still to come (by content). */
const ownWrites = new Map<string, number>();

const fingerprint = (s: StoredSettings) =>
  JSON.stringify((Object.keys(SETTINGS_SCHEMA) as SettingKey[]).map((k) => [s.values[k], s.edited[k]]));

/** Per key, the value edited last (`laterEditWins`, the reading list's rule, ties included). */
function newerPerKey(mine: StoredSettings, incoming: StoredSettings): StoredSettings {
  const out: StoredSettings = { ...incoming, values: { ...incoming.values }, edited: { ...incoming.edited } };
  for (const key of Object.keys(mine.values) as SettingKey[]) {
    const held = { value: mine.values[key], at: mine.edited[key] ?? 0 };
    if (key in incoming.values && !laterEditWins({ value: incoming.values[key], at: incoming.edited[key] ?? 0 }, held))
      continue;
    (out.values as Record<string, unknown>)[key] = mine.values[key];
    out.edited[key] = mine.edited[key] ?? 0;
  }
  return out;
}

function track(): void {
  if (untrack) return;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    const incoming = parseStored(changes[SETTINGS_KEY]!.newValue).stored;
    const print = fingerprint(incoming);
    const own = ownWrites.get(print) ?? 0;
    if (own > 1) ownWrites.set(print, own - 1);
    else ownWrites.delete(print);
    if (!known || own) {
      known ??= incoming;
      return;
    }
    known = newerPerKey(known, incoming);
    if (fingerprint(known) !== print) void write(known).catch(() => undefined);
  };
  browser.storage.onChanged.addListener(listener);
  untrack = () => browser.storage.onChanged.removeListener(listener);
}

/** Forgets this context's copy (tests reset the fake browser between cases). */
export function forgetKnownSettings(): void {
  untrack?.();
  untrack = undefined;
  known = undefined;
  ownWrites.clear();
}

/** Writes the record now (synchronously issued), and the first-paint mirror. */
function write(written: StoredSettings): Promise<void> {
  // Normalised as a read would (a synced copy may carry watch-list authors still to fold in).
  const next = parseStored(written).stored;
  known = next;
  const print = fingerprint(next);
  ownWrites.set(print, (ownWrites.get(print) ?? 0) + 1);
  writeSettingsMirror(parseStored(next).settings);
  return browser.storage.local.set({ [SETTINGS_KEY]: next });
}

/**
 * Changes some settings (validated), stamping their edit time. When this context has read the
 * settings before (every page has), the write is issued before this returns its promise.
 */
export async function updateSettings(patch: Partial<Settings>, now = Date.now()): Promise<Settings> {
  const clean: [SettingKey, unknown][] = [];
  for (const [key, value] of Object.entries(patch) as [SettingKey, unknown][]) {
    const r = v.safeParse(SETTINGS_SCHEMA[key][0], value);
    if (!r.success) throw new RangeError(`Invalid value for ${key}`);
    clean.push([key, r.output]);
  }
  if (!known) await loadStored();
  const base = known!;
  const next: StoredSettings = { ...base, values: { ...base.values }, edited: { ...base.edited } };
  for (const [key, value] of clean) {
    (next.values as Record<string, unknown>)[key] = value;
    // Always later than the edit it replaces, so every context agrees this one is newer.
    next.edited[key] = nextStamp(base.edited[key] ?? 0, now);
  }
  await write(next);
  return parseStored(next).settings;
}

/**
 * Applies settings merged from another device (sync), key by key, only where the remote edit is
 * newer than this device's, so a change made meanwhile here is never overwritten by a stale copy.
 * Keeps the remote edit times as they are (lib/core/stamps.ts: judged once, never clamped again):
 * every device then orders the same edits the same way, and an edit made here after seeing one is
 * stamped later (`nextStamp`). The rule is the reading list's (`laterEditWins`, ties included).
 * Returns whether anything changed.
 */
export async function applySyncedSettings(
  remote: {
    values: Record<string, unknown>;
    edited: Record<string, number>;
  },
  _now = Date.now(),
): Promise<boolean> {
  if (!known) await loadStored();
  const base = known!;
  const next: StoredSettings = { ...base, values: { ...base.values }, edited: { ...base.edited } };
  let changed = false;
  for (const [key, remoteAt] of Object.entries(remote.edited)) {
    if (!(key in SETTINGS_SCHEMA) || DEVICE_ONLY_SETTINGS.has(key)) continue;
    const at = remoteAt;
    const k = key as SettingKey;
    const r = v.safeParse(SETTINGS_SCHEMA[k][0], remote.values[key]);
    if (!r.success) continue;
    if (!laterEditWins({ value: base.values[k], at: base.edited[k] ?? 0 }, { value: r.output, at })) continue;
    (next.values as Record<string, unknown>)[k] = r.output;
    next.edited[k] = at;
    changed = true;
  }
  if (changed) await write(next);
  return changed;
}

/** Subscribes to settings changes from any context (options page, sync). */
export function watchSettings(cb: (s: Settings) => void): () => void {
  track(); // first, so its listener has merged the change into `known` before this one runs
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    const s = parseStored(known ?? changes[SETTINGS_KEY]!.newValue).settings;
    writeSettingsMirror(s);
    cb(s);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The synchronous copy for first paint (extension pages only; the worker has no localStorage). */
export function readSettingsMirror(): Settings {
  try {
    const raw = globalThis.localStorage?.getItem(SETTINGS_MIRROR_KEY);
    return raw ? parseStored({ version: SETTINGS_VERSION, values: JSON.parse(raw) }).settings : { ...DEFAULTS };
  } catch {
    return { ...DEFAULTS };
  }
}

export function writeSettingsMirror(s: Settings): void {
  try {
    globalThis.localStorage?.setItem(SETTINGS_MIRROR_KEY, JSON.stringify(s));
  } catch {
    // No localStorage (worker) or full: first paint falls back to defaults.
  }
}

/** Applies the theme to a page: `data-theme` on <html> overrides the system preference. */
export function applyTheme(theme: Settings['theme'], doc: Document = document): void {
  if (theme === 'system') doc.documentElement.removeAttribute('data-theme');
  else doc.documentElement.setAttribute('data-theme', theme);
}
