import { describe, expect, it } from 'vitest';
import { createDb, LATEST_VERSION, SCHEMA_VERSIONS, type PapertabDB } from '@/lib/store/db';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import type { SavedPaper } from '@/lib/core/saved';
import { makeDay } from '../fixtures/papers';

const { items: papers } = parseDailyItems(makeDay('2026-11-24', 20), '2026-11-24', 1);

const saved: SavedPaper = {
  id: papers[3]!.id,
  paper: papers[3]!,
  savedAt: 2,
  updatedAt: 3,
  status: 'reading',
  tags: ['diffusion', 'to-cite'],
  note: 'Compare with the baseline in table 2.',
  edited: { status: 3, tags: 3, note: 3 },
};

/**
 * Data as each shipped version stored it, and what must still be there after upgrading to the
 * latest. A new schema version adds its own entry here (a test below fails until it does).
 */
const SEEDS: Record<number, { seed: (db: PapertabDB) => Promise<void>; check: (db: PapertabDB) => Promise<void> }> = {
  1: {
    seed: async (db) => {
      await db.papers.bulkPut(papers);
      await db.days.put({ date: '2026-11-24', status: 'ok', count: 20, dropped: 0, fetchedAt: 1 });
      await db.meta.put({ key: 'seenDay', value: '2026-11-24' });
    },
    check: async (db) => {
      expect(await db.papers.toArray()).toEqual(expect.arrayContaining(papers));
      expect(await db.papers.count()).toBe(papers.length);
      expect(await db.papers.where('day').equals('2026-11-24').count()).toBe(papers.length);
      expect(await db.days.get('2026-11-24')).toMatchObject({ count: 20 });
      expect(await db.meta.get('seenDay')).toEqual({ key: 'seenDay', value: '2026-11-24' });
    },
  },
  2: {
    seed: async (db) => {
      await db.saved.put(saved);
    },
    check: async (db) => {
      expect(await db.saved.get(saved.id)).toEqual(saved);
      expect(await db.saved.where('tags').equals('to-cite').primaryKeys()).toEqual([saved.id]);
    },
  },
  3: {
    // The stored search index: a head naming papers written since its base.
    seed: async (db) => {
      await db.searchIndex.put({ key: 'head', generation: 2, changed: [papers[0]!.id] });
    },
    check: async (db) => {
      expect(await db.searchIndex.get('head')).toEqual({ key: 'head', generation: 2, changed: [papers[0]!.id] });
    },
  },
  4: {
    // The papers' lookup keys (the upgrade keying papers already cached: tests/unit/following-index.test.ts).
    seed: async (db) => {
      await db.followKeys.put({ id: papers[5]!.id, keys: ['w:keyed', 'o:lab'] });
    },
    check: async (db) => {
      expect(await db.followKeys.where('keys').equals('w:keyed').primaryKeys()).toEqual([papers[5]!.id]);
    },
  },
};

const seedsUpTo = (version: number) =>
  Object.entries(SEEDS)
    .filter(([v]) => Number(v) <= version)
    .map(([, s]) => s);

describe('schema upgrades', () => {
  it.each(SCHEMA_VERSIONS.map((s) => s.version))(
    'a database at version %i upgrades to the latest with nothing lost',
    async (version) => {
      const name = `upgrade-from-${version}`;
      const old = createDb(name, version);
      for (const s of seedsUpTo(version)) await s.seed(old);
      old.close();

      const latest = createDb(name);
      await latest.open();
      expect(latest.verno).toBe(LATEST_VERSION);
      for (const s of seedsUpTo(version)) await s.check(latest);
      // Tables added since are there, empty and usable.
      for (const s of Object.entries(SEEDS).filter(([v]) => Number(v) > version)) {
        await s[1].seed(latest);
        await s[1].check(latest);
      }
      latest.close();
    },
  );

  it('every schema version has seed data, so its upgrade is tested with data in it', () => {
    expect(Object.keys(SEEDS).map(Number)).toEqual(SCHEMA_VERSIONS.map((s) => s.version));
  });

  it('versions only ever grow', () => {
    const versions = SCHEMA_VERSIONS.map((s) => s.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
  });
});

describe('the reading list is kept', () => {
  it('a paper saved at the latest version is still saved after the database is reopened', async () => {
    const first = createDb('reopen-saved');
    await first.saved.put(saved);
    first.close();

    const again = createDb('reopen-saved');
    expect(await again.saved.toArray()).toEqual([saved]);
    again.close();
  });
});
