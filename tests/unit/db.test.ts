import { describe, expect, it } from 'vitest';
import { createDb, LATEST_VERSION, SCHEMA_VERSIONS } from '@/lib/db';
import { parseDailyItems } from '@/lib/hf-schema';
import { makeDay } from '../fixtures/papers';

/** Data as each shipped version stored it; a new version adds its own seed here. */
async function seed(db: ReturnType<typeof createDb>) {
  const { items } = parseDailyItems(makeDay('2026-11-24', 20), '2026-11-24', 1);
  await db.papers.bulkPut(items);
  await db.days.put({ date: '2026-11-24', status: 'ok', count: 20, dropped: 0, fetchedAt: 1 });
  await db.meta.put({ key: 'seenDay', value: '2026-11-24' });
  return items;
}

describe('schema upgrades', () => {
  it.each(SCHEMA_VERSIONS.map((s) => s.version))(
    'a database at version %i upgrades to the latest with nothing lost',
    async (version) => {
      const name = `upgrade-from-${version}`;
      const old = createDb(name, version);
      const papers = await seed(old);
      old.close();

      const latest = createDb(name);
      await latest.open();
      expect(latest.verno).toBe(LATEST_VERSION);
      expect(await latest.papers.toArray()).toEqual(expect.arrayContaining(papers));
      expect(await latest.papers.count()).toBe(papers.length);
      expect(await latest.days.get('2026-11-24')).toMatchObject({ count: 20 });
      expect(await latest.meta.get('seenDay')).toEqual({ key: 'seenDay', value: '2026-11-24' });
      latest.close();
    },
  );

  it('versions only ever grow', () => {
    const versions = SCHEMA_VERSIONS.map((s) => s.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
  });
});
