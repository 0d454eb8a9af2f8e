import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SavedPaper } from '@/lib/core/saved';
import { datedAt, makeSaved } from '../fixtures/saved';
import { lastChange, toSyncRecord, type SyncPayload, type SyncRecord, type Tombstone } from '@/lib/sync/codec';
import { planMerge } from '@/lib/sync/merge';

const T = Date.parse('2026-11-24T09:00:00Z');
const ID = '2511.01234';

function saved(rest: Partial<SavedPaper> = {}): SavedPaper {
  return makeSaved(rest.id ?? ID, { fetchedAt: T }, { ...datedAt(T), ...rest });
}

const remote = (records: SyncRecord[] = [], tombstones: Tombstone[] = []): SyncPayload => ({ records, tombstones });

/** Applies a plan the way `mergeIntoDb` does. */
function apply(local: SavedPaper[], plan: ReturnType<typeof planMerge>): SavedPaper[] {
  const map = new Map(local.map((s) => [s.id, s]));
  for (const p of plan.puts) map.set(p.id, p);
  for (const id of plan.deletes) map.delete(id);
  return [...map.values()];
}

describe('merging the synced list into this device', () => {
  it('adds a paper new here as incomplete, titled, with its status, tags and note', () => {
    const r = { ...toSyncRecord(saved({ status: 'read', tags: ['x'], note: 'n' })), title: 'Sparse Attention' };
    const plan = planMerge([], [], remote([r]), T);
    expect(plan).toMatchObject({ added: 1, updated: 0, deletes: [] });
    expect(plan.puts[0]).toMatchObject({
      id: ID,
      incomplete: true,
      status: 'read',
      tags: ['x'],
      note: 'n',
      savedAt: T,
      paper: { id: ID, title: 'Sparse Attention', fetchedAt: 0 },
    });
  });

  it("keeps the later edit of each field, and this device's copy of the paper", () => {
    const local = saved({
      status: 'reading',
      note: 'mine',
      tags: ['m'],
      edited: { status: T + 20, tags: T + 1, note: T + 5 },
    });
    const theirs = toSyncRecord(
      saved({ status: 'read', note: 'theirs', tags: ['t'], edited: { status: T + 10, tags: T, note: T + 30 } }),
    );
    const [merged] = planMerge([local], [], remote([theirs]), T + 60).puts;
    expect(merged).toMatchObject({
      status: 'reading',
      note: 'theirs',
      tags: ['m'],
      edited: { status: T + 20, tags: T + 1, note: T + 30 },
    });
    expect(merged!.paper).toEqual(local.paper);
  });

  it('settles two different edits made in the same millisecond the same way on both devices', () => {
    const a = saved({ note: 'from A', edited: { status: T, tags: T, note: T + 5 } });
    const b = saved({ note: 'from B', edited: { status: T, tags: T, note: T + 5 } });
    const onA = apply([a], planMerge([a], [], remote([toSyncRecord(b)]), T + 9));
    const onB = apply([b], planMerge([b], [], remote([toSyncRecord(a)]), T + 9));
    expect(onA[0]!.note).toBe(onB[0]!.note);
  });

  it('changes nothing when the remote copy is the same or older', () => {
    const local = saved({ note: 'x', edited: { status: T, tags: T, note: T + 9 } });
    expect(planMerge([local], [], remote([toSyncRecord(local)]), T).puts).toEqual([]);
    expect(planMerge([local], [], remote([toSyncRecord(saved())]), T).puts).toEqual([]);
  });

  it('deletes a paper last touched before the deletion, keeps one touched after or at the same time', () => {
    const old = saved({ id: '2511.00001' });
    const edited = saved({ id: '2511.00002', updatedAt: T + 50, edited: { status: T + 50, tags: T, note: T } });
    const tie = saved({
      id: '2511.00003',
      savedAt: T + 30,
      updatedAt: T + 30,
      edited: { status: T + 30, tags: T + 30, note: T + 30 },
    });
    const tombstones = ['2511.00001', '2511.00002', '2511.00003'].map((id) => ({ id, deletedAt: T + 30 }));
    const plan = planMerge([old, edited, tie], [], remote([], tombstones), T + 60);
    expect(plan.deletes).toEqual(['2511.00001']);
    expect(plan.tombstones).toEqual([{ id: '2511.00001', deletedAt: T + 30 }]);
  });

  it('does not bring back a paper deleted here after the other copy was last touched', () => {
    const plan = planMerge([], [{ id: ID, deletedAt: T + 10 }], remote([toSyncRecord(saved())]), T + 20);
    expect(plan).toMatchObject({ puts: [], added: 0, tombstones: [{ id: ID, deletedAt: T + 10 }] });
  });

  it('brings back a paper deleted here when the other device touched it later, and forgets the deletion', () => {
    const later = toSyncRecord(
      saved({ savedAt: T + 50, updatedAt: T + 50, edited: { status: T + 50, tags: T + 50, note: T + 50 } }),
    );
    const plan = planMerge([], [{ id: ID, deletedAt: T + 10 }], remote([later]), T + 60);
    expect(plan).toMatchObject({ added: 1, tombstones: [] });
  });

  it('forgets a local deletion of a paper that is back here (Undo), without deleting it', () => {
    // Undo stamps the paper past its deletion (`revived`).
    const back = saved({ updatedAt: T + 11, edited: { status: T + 11, tags: T + 11, note: T + 11 } });
    const plan = planMerge([back], [{ id: ID, deletedAt: T + 10 }], remote(), T + 20);
    expect(plan).toEqual({ puts: [], deletes: [], tombstones: [], added: 0, updated: 0 });
  });

  it('completes a local deletion newer than the paper here (the worker stopped before deleting the row)', () => {
    const plan = planMerge([saved()], [{ id: ID, deletedAt: T + 10 }], remote(), T + 20);
    expect(plan).toEqual({
      puts: [],
      deletes: [ID],
      tombstones: [{ id: ID, deletedAt: T + 10 }],
      added: 0,
      updated: 0,
    });
  });

  it('a synced copy older than a deletion lends nothing to the paper back here (finding 3)', () => {
    const back = saved({ updatedAt: T + 11, edited: { status: T + 11, tags: T + 11, note: T + 11 } });
    const stale = toSyncRecord(saved({ note: 'old note', edited: { status: T, tags: T, note: T + 5 } }));
    // The stale copy's note is newer than the returning one's: only the deletion tells them apart.
    const back2 = { ...back, edited: { ...back.edited, note: T + 1 } };
    const plan = planMerge([back2], [{ id: ID, deletedAt: T + 10 }], remote([stale]), T + 20);
    expect(plan.puts).toEqual([]);
    expect(plan.deletes).toEqual([]);
  });

  it('is idempotent: merging the same remote list again changes nothing (property)', () => {
    const id = fc.constantFrom('2511.00001', '2511.00002', '2511.00003', '2511.00004');
    const time = fc.integer({ min: T, max: T + 100 });
    const rec = fc.record({
      id,
      savedAt: time,
      updatedAt: time,
      status: fc.constantFrom('to-read' as const, 'reading' as const, 'read' as const),
      tags: fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }),
      note: fc.constantFrom('', 'x', 'y'),
      edited: fc.record({ status: time, tags: time, note: time }),
      title: fc.constant('T'),
    });
    const tomb = fc.record({ id, deletedAt: time });
    fc.assert(
      fc.property(
        fc.uniqueArray(rec, { selector: (r) => r.id }),
        fc.array(tomb),
        fc.uniqueArray(rec, { selector: (r) => r.id }),
        fc.array(tomb),
        (localRecs, localTombs, remoteRecs, remoteTombs) => {
          const local = localRecs.map((r) => saved({ ...r, title: undefined } as Partial<SavedPaper>));
          const first = planMerge(local, localTombs, remote(remoteRecs, remoteTombs), T + 200);
          const after = apply(local, first);
          const second = planMerge(after, first.tombstones, remote(remoteRecs, remoteTombs), T + 200);
          expect(second.puts).toEqual([]);
          expect(second.deletes).toEqual([]);
          expect(second.tombstones.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
            first.tombstones.sort((a, b) => a.id.localeCompare(b.id)),
          );
          // No tombstone survives for a paper that is on the list, unless it still kills a copy in
          // the synced list (older than the deletion: it must lend the paper nothing next time).
          const ids = new Set(after.map((s) => s.id));
          const stale = (id: string, at: number) => remoteRecs.some((r) => r.id === id && lastChange(r) < at);
          expect(first.tombstones.some((t) => ids.has(t.id) && !stale(t.id, t.deletedAt))).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('two devices agree after syncing A, B, A, whatever each did before (property)', () => {
    const id = fc.constantFrom('2511.00001', '2511.00002', '2511.00003');
    const time = fc.integer({ min: T, max: T + 50 });
    const rec = fc.record({
      id,
      savedAt: time,
      status: fc.constantFrom('to-read' as const, 'reading' as const, 'read' as const),
      tags: fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }),
      note: fc.constantFrom('', 'x', 'y'),
      edited: fc.record({ status: time, tags: time, note: time }),
    });
    const device = fc.record({
      list: fc.uniqueArray(rec, { selector: (r) => r.id }),
      tombstones: fc.uniqueArray(fc.record({ id, deletedAt: time }), { selector: (t) => t.id }),
    });
    type Device = { list: SavedPaper[]; tombstones: Tombstone[] };
    let area: SyncPayload = remote();
    const sync = (d: Device): Device => {
      const plan = planMerge(d.list, d.tombstones, area, T + 100);
      const list = apply(d.list, plan);
      area = { records: list.map(toSyncRecord), tombstones: plan.tombstones };
      return { list, tombstones: plan.tombstones };
    };
    const view = (d: Device) =>
      d.list
        .map(({ id, status, tags, note, edited }) => ({ id, status, tags, note, edited }))
        .sort((a, b) => a.id.localeCompare(b.id));
    fc.assert(
      fc.property(device, device, (a0, b0) => {
        area = remote();
        const make = (d: typeof a0): Device => ({
          // A record's own times are consistent, as `edit()` keeps them: nothing before its save.
          list: d.list.map((r) => {
            const edited = {
              status: Math.max(r.savedAt, r.edited.status),
              tags: Math.max(r.savedAt, r.edited.tags),
              note: Math.max(r.savedAt, r.edited.note),
            };
            return saved({ ...r, edited, updatedAt: Math.max(edited.status, edited.tags, edited.note) });
          }),
          tombstones: d.tombstones.filter((t) => !d.list.some((r) => r.id === t.id)),
        });
        const a1 = sync(make(a0));
        const b1 = sync(make(b0));
        const a2 = sync(a1);
        expect(view(a2)).toEqual(view(b1));
        // And from then on nothing moves.
        expect(sync(b1)).toEqual(b1);
        expect(sync(a2)).toEqual(a2);
      }),
      { numRuns: 500 },
    );
  });
});
