/**
 * Edits made apart (issue 18): the reading list's model world (tests/support/reading-list-world.ts)
 * without its forced catch-up. Three devices, every paper saved and every synced setting set on one
 * of them and synced to all, then the user edits
 * notes, statuses, tags and synced settings (mutes, follows, "not interested") on any device, on
 * what that device shows, synced or not; clocks are days, months or a year off and jump; syncs run
 * in any order, some stopped before writing. Some notes are near the sync budget, one is too large
 * to sync at all.
 *
 * The oracle is the README's rule, encoded here on its own (it calls no product function to decide):
 * - an edit made on a device is stamped `max(now, the stamp it replaces + 1)` by that device's clock;
 * - where two copies meet, per field (per setting), the later stamp wins, a tie to the greater JSON;
 * - a sync merges the sync area into the device, then writes the device's list back (unless it
 *   stops first), leaving out a paper whose note is too large to sync;
 * so each device must end showing, per field, the winner among the edits it has heard of. Claim 1
 * ("an edit made after a device has seen a stamp wins") is also checked without stamps: the value a
 * device ends with was made by an edit that no edit it has heard of was made after seeing.
 */
import fc from 'fast-check';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PapertabDB } from '@/lib/store/db';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import type { Paper } from '@/lib/core/paper';
import { addTag, savePaper, setNote, setStatus, setTags, unsavePaper } from '@/lib/reading-list/list';
import { normalizeTags, type ReadingStatus } from '@/lib/core/saved';
import { forgetKnownSettings, loadSettings, loadStored, updateSettings } from '@/lib/core/settings';
import type { Settings } from '@/lib/core/settings-schema';
import { syncSettingsNow } from '@/lib/background/sync-runner';
import { syncNow } from '@/lib/sync/sync';
import type { SyncStatus } from '@/lib/sync/status';
import { TOMBSTONE_TTL_MS } from '@/lib/store/tombstones';
import { DEVICES, emptyDb, PAPERS, SharedArea } from './reading-list-world';
import { makeDay } from '../fixtures/papers';

const DAY_MS = 86_400_000;
const MIN = 60_000;
const T0 = Date.parse('2026-11-24T09:00:00Z');
const FEED_DAY = '2026-11-24';

/** Text that does not deflate (xorshift32), so its size in the sync area is known. */
function noise(length: number, seed: number): string {
  let x = seed;
  return Array.from({ length }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return String.fromCharCode(33 + ((x >>> 0) % 90));
  }).join('');
}

/**
 * Notes by name: `near` takes about a quarter of the sync budget (three papers with it fill ~70%),
 * `huge` alone is over half of it: it is left out of sync and named, and stays on its device.
 */
export const NOTES = {
  a: 'a',
  b: 'b',
  empty: '',
  crlf: '  x\r\ny  ',
  near: noise(20_000, 7),
  huge: noise(60_000, 11),
} as const;
export type NoteName = keyof typeof NOTES;
const noteName = (text: string): string =>
  (Object.keys(NOTES) as NoteName[]).find((k) => NOTES[k] === text) ?? `?${text.length}`;

/** Synced settings and the values the user sets them to (as the settings store them). */
const SETTING_VALUES = {
  muteKeywords: [[], ['gan'], ['llm', 'rlhf']],
  muteAuthors: [[], ['Ada Lovelace']],
  followPeople: [[], [{ name: 'Ada Lovelace' }], [{ name: 'AK', hub: 'akhaliq' }]],
  notInterested: [[], ['2611.00001'], ['2611.00001', '2611.00002']],
} satisfies Partial<Record<keyof Settings, unknown[]>>;
type SyncedKey = keyof typeof SETTING_VALUES;
const SETTING_KEYS = Object.keys(SETTING_VALUES) as SyncedKey[];

export type ApartCmd =
  | { k: 'note'; d: number; p: number; note: NoteName }
  | { k: 'status'; d: number; ps: number[]; status: ReadingStatus }
  | { k: 'tags'; d: number; p: number; tags: string[] }
  | { k: 'addTag'; d: number; ps: number[]; tag: string }
  | { k: 'setting'; d: number; key: SyncedKey; value: number }
  /** A removal, and a save again, on what the device shows (the fields of such a paper are not predicted). */
  | { k: 'unsave'; d: number; p: number }
  | { k: 'save'; d: number; p: number }
  | { k: 'sync'; d: number; interrupt: boolean }
  | { k: 'clock'; d: number; skew: number }
  | { k: 'wait'; ms: number }
  | { k: 'restart'; d: number };

export interface ApartScenario {
  skews: number[];
  cmds: ApartCmd[];
}

const dev = fc.nat({ max: DEVICES - 1 });
const paper = fc.nat({ max: PAPERS - 1 });
const papers = fc.uniqueArray(paper, { minLength: 1, maxLength: PAPERS });
const within = (ms: number) => fc.integer({ min: -ms, max: ms });
/** Clocks right to within a day, or days, or months to a year off, either way. */
export const skewArb = fc.oneof(within(DAY_MS), within(30 * DAY_MS), within(365 * DAY_MS));
const TAGS = ['survey', 'ml', 'todo', 'a\u202Eb'];

export function apartCmdArb(): fc.Arbitrary<ApartCmd> {
  const k = <K extends ApartCmd['k']>(name: K) => fc.constant(name);
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        k: k('note'),
        d: dev,
        p: paper,
        note: fc.constantFrom(...(Object.keys(NOTES) as NoteName[])),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        k: k('status'),
        d: dev,
        ps: papers,
        status: fc.constantFrom<ReadingStatus>('to-read', 'reading', 'read'),
      }),
    },
    { weight: 2, arbitrary: fc.record({ k: k('tags'), d: dev, p: paper, tags: fc.subarray(TAGS) }) },
    { weight: 1, arbitrary: fc.record({ k: k('addTag'), d: dev, ps: papers, tag: fc.constantFrom(...TAGS) }) },
    {
      weight: 4,
      arbitrary: fc.record({
        k: k('setting'),
        d: dev,
        key: fc.constantFrom(...SETTING_KEYS),
        value: fc.nat({ max: 2 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ k: k('unsave'), d: dev, p: paper }) },
    { weight: 1, arbitrary: fc.record({ k: k('save'), d: dev, p: paper }) },
    { weight: 6, arbitrary: fc.record({ k: k('sync'), d: dev, interrupt: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ k: k('clock'), d: dev, skew: skewArb }) },
    { weight: 1, arbitrary: fc.record({ k: k('wait'), ms: fc.integer({ min: MIN, max: DAY_MS }) }) },
    { weight: 1, arbitrary: fc.record({ k: k('restart'), d: dev }) },
  );
}

export function apartScenarioArb(maxCommands = 25): fc.Arbitrary<ApartScenario> {
  return fc.record({
    skews: fc.array(skewArb, { minLength: DEVICES, maxLength: DEVICES }),
    cmds: fc.array(apartCmdArb(), { maxLength: maxCommands, size: 'max' }),
  });
}

// --- the oracle -------------------------------------------------------------------------------------

/** One edit of one field or setting (`key`), as the oracle stamps it. */
interface Edit {
  id: number;
  key: string;
  value: unknown;
  at: number;
  /** The edits of this key its device had heard of when it was made. */
  after: ReadonlySet<number>;
}

/** What a device (or the sync area) has heard of: per key, the winning edit and every edit seen. */
class Heard {
  readonly win = new Map<string, Edit>();
  readonly seen = new Map<string, Set<number>>();

  /** The README's rule: the later stamp wins; a tie goes to the greater JSON. */
  static beats(x: Edit, y: Edit | undefined): boolean {
    if (!y) return true;
    if (x.at !== y.at) return x.at > y.at;
    return JSON.stringify(x.value) > JSON.stringify(y.value);
  }

  add(e: Edit): void {
    if (Heard.beats(e, this.win.get(e.key))) this.win.set(e.key, e);
    let s = this.seen.get(e.key);
    if (!s) this.seen.set(e.key, (s = new Set()));
    s.add(e.id);
  }

  /** Takes in what `other` heard of, for the keys `keep` accepts. */
  join(other: Heard, keep: (key: string) => boolean = () => true): void {
    for (const [key, e] of other.win) if (keep(key)) this.add(e);
    for (const [key, ids] of other.seen) if (keep(key)) for (const id of ids) this.seen.get(key)!.add(id);
  }

  /** A copy without the keys `drop` names. */
  without(drop: (key: string) => boolean): Heard {
    const out = new Heard();
    out.join(this, (key) => !drop(key));
    return out;
  }
}

type Field = 'status' | 'tags' | 'note';
const fieldKey = (p: number, f: Field) => `p${p}.${f}`;
const isField = (key: string) => key.startsWith('p');

export interface ApartDevice {
  db: PapertabDB;
  local: Record<string, unknown>;
  skew: number;
  heard: Heard;
  /** The last sync's status (for the too-large note's message). */
  status?: SyncStatus;
}

export class ApartWorld {
  readonly area = new SharedArea();
  readonly papers: Paper[];
  /** What the sync area holds: the settings item and the reading list. */
  private areaHeard = new Heard();
  private readonly edits = new Map<number, Edit>();
  /** Papers some device removed: their fields are not predicted (the removal's own rules decide). */
  readonly removed = new Set<number>();
  /** Each removal's time by the removing device's clock (its deletion is stamped no earlier). */
  private removals: number[] = [];
  /**
   * A device synced with its clock more than the deletions' 60 days past a removal: the README's
   * stated limit (it may forget that removal early), so the removed papers' outcome is not checked.
   */
  pastLimit = false;
  private realNow = T0;
  private nextId = 0;

  private constructor(readonly devices: ApartDevice[]) {
    this.papers = parseDailyItems(makeDay(FEED_DAY, PAPERS), FEED_DAY, T0).items;
  }

  static async create(skews: readonly number[]): Promise<ApartWorld> {
    await fakeBrowser.storage.sync.clear();
    const devices: ApartDevice[] = [];
    for (const [i, skew] of skews.entries())
      devices.push({ db: await emptyDb(i), local: {}, skew, heard: new Heard() });
    const world = new ApartWorld(devices);
    // Every paper saved on device 0, then every device synced: each holds the same stamps.
    for (const [p, paper] of world.papers.entries()) {
      const at = await world.on(0, async (d, now) => {
        await savePaper(d.db, paper, now);
        return now;
      });
      world.stamp(0, fieldKey(p, 'status'), 'to-read', () => at);
      world.stamp(0, fieldKey(p, 'tags'), [], () => at);
      world.stamp(0, fieldKey(p, 'note'), '', () => at);
    }
    // And each synced setting set there: every device has seen a stamp of each before it edits.
    for (const key of SETTING_KEYS) await world.edit({ k: 'setting', d: 0, key, value: 1 });
    for (let d = 0; d < devices.length; d++) await world.sync(d, false);
    return world;
  }

  /** Runs `fn` on device `d`: its clock, its local storage, its settings read afresh. */
  private async on<T>(d: number, fn: (dev: ApartDevice, now: number) => Promise<T>): Promise<T> {
    const device = this.devices[d]!;
    const now = this.realNow + device.skew;
    vi.setSystemTime(now);
    forgetKnownSettings();
    await fakeBrowser.storage.local.clear();
    await fakeBrowser.storage.local.set(device.local);
    try {
      return await fn(device, now);
    } finally {
      forgetKnownSettings();
      device.local = await fakeBrowser.storage.local.get(null);
    }
  }

  /** An edit of `key` on device `d`, stamped by the README's rule (or `at`, for the first save). */
  private stamp(d: number, key: string, value: unknown, at?: () => number): void {
    const heard = this.devices[d]!.heard;
    const prev = heard.win.get(key);
    const now = this.realNow + this.devices[d]!.skew;
    const edit: Edit = {
      id: ++this.nextId,
      key,
      value,
      at: at ? at() : Math.max(now, (prev?.at ?? -Infinity) + 1),
      after: new Set(heard.seen.get(key) ?? []),
    };
    this.edits.set(edit.id, edit);
    heard.add(edit);
  }

  /** The value device `d` shows for `key` by the oracle. */
  private shown(d: number, key: string): unknown {
    return this.devices[d]!.heard.win.get(key)?.value;
  }

  /** A paper whose note, as this device has it, is too large to sync. */
  private tooLarge(d: number, p: number): boolean {
    return this.shown(d, fieldKey(p, 'note')) === NOTES.huge;
  }

  /** A sync as the background runs it (lib/background/sync-runner.ts): the settings, then the list. */
  async sync(d: number, interrupt: boolean): Promise<void> {
    const device = this.devices[d]!;
    const at = this.realNow + device.skew;
    if (this.removals.some((r) => at - r >= TOMBSTONE_TTL_MS)) this.pastLimit = true;
    device.status = await this.on(d, async (dev, now) => {
      if (interrupt) {
        // The worker stops after the list's merge, before writing the sync area.
        this.area.failSets = 1;
        const status = await syncNow(dev.db, this.area, fakeBrowser.storage.local, now);
        this.area.failSets = 0;
        return status;
      }
      const note = await syncSettingsNow(await loadStored(), now);
      return syncNow(dev.db, this.area, fakeBrowser.storage.local, now, { note });
    });
    if (interrupt) {
      device.heard.join(this.areaHeard, isField);
      return;
    }
    device.heard.join(this.areaHeard);
    const held = this.papers.map((_, p) => p).filter((p) => this.tooLarge(d, p));
    this.areaHeard = device.heard.without((key) => held.some((p) => key.startsWith(`p${p}.`)));
  }

  async run(cmd: ApartCmd): Promise<void> {
    this.realNow += MIN;
    switch (cmd.k) {
      case 'wait':
        this.realNow += cmd.ms;
        return;
      case 'clock':
        this.devices[cmd.d]!.skew = cmd.skew;
        return;
      case 'sync':
        return this.sync(cmd.d, cmd.interrupt);
      case 'restart': {
        const device = this.devices[cmd.d]!;
        device.db.close();
        await device.db.open();
        return;
      }
      default:
        return this.edit(cmd);
    }
  }

  async edit(cmd: Exclude<ApartCmd, { k: 'wait' | 'clock' | 'sync' | 'restart' }>): Promise<void> {
    const d = cmd.d;
    switch (cmd.k) {
      case 'note': {
        const here = await this.here(d, [cmd.p]);
        await this.on(d, (dev) => setNote(dev.db, this.papers[cmd.p]!.id, NOTES[cmd.note]));
        for (const p of here) this.stamp(d, fieldKey(p, 'note'), NOTES[cmd.note]);
        return;
      }
      case 'status': {
        const here = await this.here(d, cmd.ps);
        await this.on(d, (dev) => setStatus(dev.db, this.ids(cmd.ps), cmd.status));
        for (const p of here) this.stamp(d, fieldKey(p, 'status'), cmd.status);
        return;
      }
      case 'tags': {
        const here = await this.here(d, [cmd.p]);
        await this.on(d, (dev) => setTags(dev.db, this.papers[cmd.p]!.id, cmd.tags));
        for (const p of here) this.stamp(d, fieldKey(p, 'tags'), normalizeTags(cmd.tags));
        return;
      }
      case 'addTag': {
        const here = await this.here(d, cmd.ps);
        await this.on(d, (dev) => addTag(dev.db, this.ids(cmd.ps), cmd.tag));
        for (const p of here) {
          const tags = (this.shown(d, fieldKey(p, 'tags')) as string[] | undefined) ?? [];
          this.stamp(d, fieldKey(p, 'tags'), normalizeTags([...tags, cmd.tag]));
        }
        return;
      }
      case 'setting': {
        const value = SETTING_VALUES[cmd.key][cmd.value % SETTING_VALUES[cmd.key].length];
        await this.on(d, () => updateSettings({ [cmd.key]: value }));
        this.stamp(d, `s.${cmd.key}`, value);
        return;
      }
      case 'unsave': {
        const id = this.papers[cmd.p]!.id;
        await this.on(d, async (dev) => {
          if (await dev.db.saved.get(id)) await unsavePaper(dev.db, id);
        });
        this.removed.add(cmd.p);
        this.removals.push(this.realNow + this.devices[d]!.skew);
        return;
      }
      case 'save': {
        const paper = this.papers[cmd.p]!;
        await this.on(d, async (dev) => {
          if (!(await dev.db.saved.get(paper.id))) await savePaper(dev.db, paper);
        });
        return;
      }
    }
  }

  private ids(ps: readonly number[]): string[] {
    return ps.map((p) => this.papers[p]!.id);
  }

  /**
   * The papers of `ps` device `d` holds now. An edit reaches only those: the list edits what is
   * saved, so a note written where the paper was already removed changes nothing, and the model
   * must not count it (it once let such a note outrank a too-large note kept on another device).
   */
  private async here(d: number, ps: readonly number[]): Promise<number[]> {
    const db = this.devices[d]!.db;
    const out: number[] = [];
    for (const p of ps) if (await db.saved.get(this.papers[p]!.id)) out.push(p);
    return out;
  }

  /** Every device syncs, twice over, as real time passes. */
  async settle(): Promise<void> {
    for (let r = 0; r < 2; r++)
      for (let d = 0; d < this.devices.length; d++) {
        this.realNow += MIN;
        await this.sync(d, false);
      }
  }

  /** What device `d` shows: per paper, its fields (the note by name); then the synced settings. */
  async view(d: number): Promise<{ papers: Record<string, unknown>; settings: Record<string, unknown> }> {
    const list = await this.devices[d]!.db.saved.toArray();
    const out: Record<string, unknown> = {};
    for (const r of list) {
      const p = this.papers.findIndex((x) => x.id === r.id);
      if (out[`p${p}`]) throw new Error(`paper p${p} twice on device ${d}`);
      out[`p${p}`] = { status: r.status, tags: r.tags, note: noteName(r.note) };
    }
    const settings = await this.on(d, () => loadSettings());
    return { papers: out, settings: Object.fromEntries(SETTING_KEYS.map((k) => [k, settings[k]])) };
  }

  /** What device `d` must show for the papers no device removed, and for the settings. */
  expected(d: number): { papers: Record<string, unknown>; settings: Record<string, unknown> } {
    const papers: Record<string, unknown> = {};
    for (let p = 0; p < this.papers.length; p++) {
      if (this.removed.has(p)) continue;
      const note = this.shown(d, fieldKey(p, 'note')) as string;
      papers[`p${p}`] = {
        status: this.shown(d, fieldKey(p, 'status')),
        tags: this.shown(d, fieldKey(p, 'tags')),
        note: noteName(note),
      };
    }
    const settings = Object.fromEntries(SETTING_KEYS.map((k) => [k, this.shown(d, `s.${k}`) ?? []]));
    return { papers, settings };
  }

  /**
   * Claim 1 without stamps: every value device `d` ends with was made by an edit that no edit the
   * device heard of was made after seeing. Returns the keys where that fails (none, by the rule).
   */
  overtaken(d: number): string[] {
    const heard = this.devices[d]!.heard;
    return [...heard.win].flatMap(([key, w]) =>
      [...heard.seen.get(key)!].some((id) => this.edits.get(id)!.after.has(w.id)) ? [key] : [],
    );
  }

  /** Papers device `d` keeps to itself (its note too large), with the title the sync status names. */
  keptHere(d: number, removed = false): string[] {
    return this.papers.flatMap((paper, p) =>
      this.removed.has(p) === removed && this.tooLarge(d, p) ? [paper.title] : [],
    );
  }
}

export interface ApartResult {
  views: { papers: Record<string, unknown>; settings: Record<string, unknown> }[];
  expected: { papers: Record<string, unknown>; settings: Record<string, unknown> }[];
  /** Per device: the papers no device removed, as shown (the others are compared across devices). */
  overtaken: string[][];
  /** Per device: titles of papers kept here, and the last sync's warning. */
  kept: { titles: string[]; warning: string }[];
  /** The removed papers as each device shows them (every device must agree). */
  removedViews: Record<string, unknown>[];
}

/** `pastLimit`: check the removed papers even past the stated limit (a named case whose outcome is known). */
export async function runApart(s: ApartScenario, pastLimit = false): Promise<ApartResult> {
  vi.useFakeTimers({ toFake: ['Date'] });
  const world = await ApartWorld.create(s.skews);
  try {
    for (const cmd of s.cmds) await world.run(cmd);
    await world.settle();
    const views = [];
    for (let d = 0; d < world.devices.length; d++) views.push(await world.view(d));
    // Removed papers are compared across devices, unless a device keeps one to itself (its note).
    const removedNames = [...world.removed].map((p) => `p${p}`);
    const shared = [...world.removed]
      .filter(() => pastLimit || !world.pastLimit)
      .filter((p) => world.devices.every((_, d) => !world.keptHere(d, true).includes(world.papers[p]!.title)))
      .map((p) => `p${p}`);
    const pick = (v: Record<string, unknown>, keep: boolean) =>
      Object.fromEntries(Object.entries(v).filter(([k]) => removedNames.includes(k) === keep));
    return {
      views: views.map((v) => ({ papers: pick(v.papers, false), settings: v.settings })),
      expected: world.devices.map((_, d) => world.expected(d)),
      overtaken: world.devices.map((_, d) => world.overtaken(d)),
      kept: world.devices.map((dev, d) => ({ titles: world.keptHere(d), warning: dev.status?.warning ?? '' })),
      removedViews: views.map((v) => Object.fromEntries(Object.entries(v.papers).filter(([k]) => shared.includes(k)))),
    };
  } finally {
    vi.useRealTimers();
    forgetKnownSettings();
  }
}
