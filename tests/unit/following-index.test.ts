import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dexie } from 'dexie';
import { followed, paper } from '../support/follow-arbitraries';
import { countReads } from '../support/count-reads';
import { paperOn } from '../fixtures/follows';
import { followQueryKeys, paperFollowKeys } from '@/lib/core/follow-keys';
import type { Paper } from '@/lib/core/paper';
import { createDb, SCHEMA_VERSIONS, type PapertabDB } from '@/lib/store/db';
import { storeDay, storePapers } from '@/lib/store/papers';
import { stopArchive } from '@/lib/store/archive-store';
import { clearPaperCache } from '@/lib/store/cache-admin';
import { setMeta } from '@/lib/store/meta-table';
import { compileInterests, type CompiledInterests } from '@/lib/views/follow-match';
import { loadFollowing, newestFirst, READ_PLAN } from '@/lib/views/following';
import { findNewPapers } from '@/lib/views/badge';
import { DEFAULTS } from '@/lib/core/settings-schema';

// The Following view reads the papers the follows' keys find (the `followKeys` index), never every
// cached paper; what it lists must be exactly what the old pass over the whole cache listed.

const opened: Dexie[] = [];
afterEach(async () => {
  const names = new Set(opened.splice(0).map((d) => (d.close(), d.name)));
  for (const name of names) await Dexie.delete(name);
});
function freshDb(name = `following-${Math.random()}`, upTo?: number): PapertabDB {
  const db = createDb(name, upTo);
  opened.push(db);
  return db;
}

/** The view as it was: a pass over every cached paper. */
async function byScan(db: PapertabDB, matcher: CompiledInterests): Promise<Paper[]> {
  if (matcher.empty) return [];
  return (await db.papers.filter((p) => matcher.match(p) !== undefined).toArray()).sort(newestFirst);
}

/** The keys table says exactly what the papers table holds. */
async function expectKeysOfEveryPaper(db: PapertabDB): Promise<void> {
  const papers = await db.papers.toArray();
  const rows = await db.followKeys.toArray();
  expect(rows.map((r) => r.id).sort()).toEqual(papers.map((p) => p.id).sort());
  for (const p of papers) expect((await db.followKeys.get(p.id))?.keys).toEqual(paperFollowKeys(p));
}

describe('the Following view reads through the index', () => {
  it('lists exactly what the pass over the whole cache listed, through the index or one read of the table (random papers and follows)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(paper, { maxLength: 12 }),
        fc.array(followed, { maxLength: 5 }),
        fc.array(followed, { maxLength: 3 }),
        fc.constantFrom<string[]>([], [], ['diffusion model']),
        async (papers, people, orgs, keywords) => {
          const db = freshDb();
          await storePapers(db, papers);
          const matcher = compileInterests({ keywords, people, orgs });
          const expected = (await byScan(db, matcher)).map((p) => p.id);
          // What ships; the index forced; the table read whenever the keys find a paper; the table read at once.
          for (const plan of [
            READ_PLAN,
            { keysShare: Infinity, scanShare: Infinity },
            { keysShare: Infinity, scanShare: 0 },
            { keysShare: 0, scanShare: Infinity },
          ])
            expect((await loadFollowing(db, matcher, plan)).map((p) => p.id)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('every paper a follow matches holds one of the keys the follow looks up', () => {
    fc.assert(
      fc.property(
        fc.array(followed, { maxLength: 5 }),
        fc.array(followed, { maxLength: 3 }),
        paper,
        (people, orgs, p) => {
          const m = compileInterests({ keywords: [], people, orgs });
          if (!m.match(p)) return;
          const keys = new Set(paperFollowKeys(p));
          expect(followQueryKeys(people, orgs).some((k) => keys.has(k))).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads only the followed papers, not every cached paper', async () => {
    const db = freshDb();
    const reads = countReads(db, 'papers');
    const others = Array.from({ length: 300 }, (_, i) =>
      paperOn('2026-11-20', `2611.${String(i).padStart(5, '0')}`, { authors: [`Author ${i}`] }),
    );
    const mine = [
      paperOn('2026-11-21', '2611.90001', { authors: ['Mira Okafor', 'Someone'] }),
      paperOn('2026-11-22', '2611.90002', { authors: ['X'], authorUsers: ['ada'] }),
      paperOn('2026-11-23', '2611.90003', { organization: { name: 'google' } }),
    ];
    await storePapers(db, [...others, ...mine]);
    const matcher = compileInterests({
      keywords: [],
      people: [{ name: 'Mira Okafor' }, { name: 'Ada Lovelace', hub: 'ada' }],
      orgs: [{ name: 'Google', hub: 'google' }],
    });
    reads.byKey = 0;
    reads.walks = 0;
    expect((await loadFollowing(db, matcher)).map((p) => p.id)).toEqual(['2611.90003', '2611.90002', '2611.90001']);
    expect(reads).toEqual({ byKey: 3, walks: 0 });
  });

  it('reads the table once instead when the follows find more than a share of it, or have more keys than a share', async () => {
    const db = freshDb();
    const reads = countReads(db, 'papers');
    const keyReads = countReads(db, 'followKeys');
    const total = 40;
    const share = Math.floor(READ_PLAN.scanShare * total);
    await storePapers(
      db,
      Array.from({ length: total }, (_, i) =>
        paperOn('2026-11-20', `2611.${String(i).padStart(5, '0')}`, {
          authors: i < share ? ['Wei Chunjiang', 'Lin Yangtian'] : i === share ? ['Wei Chunjiang'] : [`Author ${i}`],
        }),
      ),
    );
    const view = async (people: { name: string }[]) => {
      for (const r of [reads, keyReads]) Object.assign(r, { byKey: 0, walks: 0 });
      return loadFollowing(db, compileInterests({ keywords: [], people, orgs: [] }));
    };

    // A person is looked up by the longest word of their name: every paper by a Chunjiang is a
    // candidate for Mira Chunjiang (none matches), one more than the share.
    expect(await view([{ name: 'Mira Chunjiang' }])).toEqual([]);
    expect(reads).toEqual({ byKey: 0, walks: 1 });

    // Exactly the share: the view reads those papers by id.
    expect(await view([{ name: 'Lin Yangtian' }])).toHaveLength(share);
    expect(reads).toEqual({ byKey: share, walks: 0 });

    // More keys than a share of the papers: the table at once, the keys not even looked up.
    const crowd = Array.from({ length: READ_PLAN.keysShare * total + 1 }, (_, i) => ({ name: `Nobody${i} Here` }));
    expect(await view([...crowd, { name: 'Lin Yangtian' }])).toHaveLength(share);
    expect(reads).toEqual({ byKey: 0, walks: 1 });
    expect(keyReads).toEqual({ byKey: 0, walks: 0 });
  });
});

describe('the keys are written with the papers', () => {
  it('every write and removal of papers keeps the keys of exactly the papers cached', async () => {
    const db = freshDb();
    await storeDay(db, '2026-11-24', [paperOn('2026-11-24', '2611.00001', { authors: ['Ada Lovelace'] })], 0, 1);
    await storePapers(db, [
      paperOn('2026-11-24', '2611.00001', { authors: ['Ada Lovelace', 'Wei Li'], fetchedAt: 2 }),
      paperOn('2023-05-02', '2305.00002', { organization: { name: 'nvidia', fullname: 'NVIDIA Research' } }),
    ]);
    await expectKeysOfEveryPaper(db);
    expect((await db.followKeys.get('2611.00001'))?.keys).toContain('w:wei');

    // Turning the archive off drops the papers outside the refresh's days, and their keys.
    await db.days.put({ date: '2026-11-24', status: 'ok', count: 1, dropped: 0, fetchedAt: 1 });
    expect(await stopArchive(db, true)).toBe(1);
    await expectKeysOfEveryPaper(db);

    await clearPaperCache(db);
    expect(await db.followKeys.count()).toBe(0);
  });
});

describe('upgrading to the keyed cache', () => {
  const cached = [
    paperOn('2026-11-20', '2611.00001', { authors: ['Mira Okafor'] }),
    paperOn('2026-11-21', '2611.00002', { authors: ['Someone Else'], authorUsers: ['ada'] }),
    paperOn('2026-11-22', '2611.00003', { authors: ['Nobody'] }),
  ];
  const follows = compileInterests({
    keywords: [],
    people: [{ name: 'Mira Okafor' }, { name: 'Ada', hub: 'ada' }],
    orgs: [],
  });

  it('keys every paper already cached, and the Following view finds them', async () => {
    const name = `keys-upgrade-${Math.random()}`;
    const old = freshDb(name, 3);
    await old.papers.bulkPut(cached);
    old.close();

    const db = freshDb(name);
    await expectKeysOfEveryPaper(db);
    expect((await loadFollowing(db, follows)).map((p) => p.id)).toEqual(['2611.00002', '2611.00001']);
  });

  it('a worker stopped mid-upgrade loses nothing, and the next start keys every paper', async () => {
    const name = `keys-upgrade-stopped-${Math.random()}`;
    const old = freshDb(name, 3);
    await old.papers.bulkPut(cached);
    old.close();

    // The upgrade runs, then the worker stops before the version change commits.
    const stopped = new Dexie(name);
    opened.push(stopped);
    for (const s of SCHEMA_VERSIONS) {
      const v = stopped.version(s.version).stores(s.stores);
      v.upgrade(async (tx) => {
        await s.upgrade?.(tx);
        if (s.version === 4) throw new Error('worker stopped');
      });
    }
    await expect(stopped.open()).rejects.toThrow();
    stopped.close();

    const again = freshDb(name, 3);
    expect(await again.papers.toArray()).toEqual(cached);
    expect(again.verno).toBe(3);
    again.close();

    const db = freshDb(name);
    await expectKeysOfEveryPaper(db);
    expect(await db.papers.toArray()).toEqual(cached);
  });
});

describe('the badge', () => {
  it('counts the new papers by followed people from the new papers alone, whatever the cache holds', async () => {
    const db = freshDb();
    const reads = countReads(db, 'papers');
    const archive = Array.from({ length: 400 }, (_, i) =>
      paperOn('2025-01-01', `2501.${String(i).padStart(5, '0')}`, { authors: ['Mira Okafor'] }),
    );
    const fresh = [
      paperOn('2026-11-24', '2611.00001', { authors: ['Mira Okafor'] }),
      paperOn('2026-11-24', '2611.00002', { authors: ['Someone Else'] }),
      paperOn('2026-11-24', '2611.00003', { authors: ['X'], organization: { name: 'google' } }),
    ];
    await storePapers(db, [...archive, ...fresh]);
    await setMeta(db, 'unseenPapers', { ids: fresh.map((p) => p.id) });
    reads.byKey = 0;
    reads.walks = 0;
    const found = await findNewPapers(db, {
      ...DEFAULTS,
      followPeople: [{ name: 'Mira Okafor' }],
      followOrgs: [{ name: 'Google', hub: 'google' }],
    });
    expect(found.count).toBe(3);
    expect(found.watched.map((w) => [w.paper.id, w.terms])).toEqual([
      ['2611.00001', ['Mira Okafor']],
      ['2611.00003', ['Google']],
    ]);
    // The papers read are the new ones, by id: never the 400 of the archive.
    expect(reads).toEqual({ byKey: 3, walks: 0 });
  });
});
