/**
 * The new tab reads its opening without Dexie (lib/store/raw-read.ts): the same answers as Dexie's
 * reads, live through the channel Dexie announces its writes on, and Dexie where raw cannot read.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { utcDay } from '@/lib/core/dates';
import type { Paper } from '@/lib/core/paper';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { db } from '@/lib/store/db';
import { setMeta } from '@/lib/store/meta-table';
import { storeDay } from '@/lib/store/papers';
import { dexieReads } from '@/lib/store/reads';
import { openRaw, rawReads, readStore, watchStores } from '@/lib/store/raw-read';
import { foldSearchIndex, loadStoredSearch, searchHead } from '@/lib/store/search-store';
import { readView, type View } from '@/lib/views/view';
import { savePaper } from '@/lib/reading-list/list';
import { buildStoredIndex } from '@/lib/search/compact';
import { makeDay } from '../fixtures/papers';

const NOW = Date.parse('2026-11-25T15:00:00Z');
const TODAY = utcDay(NOW);

// The raw connection closes itself when the database is deleted (as when cleared elsewhere).
const deleteAll = () => db().delete({ disableAutoOpen: false });

describe('raw reads: what Dexie reads, without Dexie', () => {
  beforeEach(async () => {
    await deleteAll();
    const counts: Record<string, number> = { '2026-11-20': 4, '2026-11-22': 0, '2026-11-23': 3, '2026-11-24': 5 };
    for (const [day, count] of Object.entries(counts))
      await storeDay(db(), day, parseDailyItems(makeDay(day, count), day, NOW).items, 0, NOW, { arrivals: true });
    await storeDay(db(), TODAY, [], 0, NOW);
    await setMeta(db(), 'range:week:2026-W47', NOW);
  });
  afterEach(deleteAll);

  it.each<View>([
    { kind: 'latest' },
    { kind: 'day', day: '2026-11-23' },
    { kind: 'day', day: '2026-11-22' },
    { kind: 'day', day: '2026-11-10' },
    { kind: 'week', week: '2026-W47' },
    { kind: 'week', week: '2026-W48' },
    { kind: 'month', month: '2026-11' },
  ])('the view %j is the same read either way', async (view) => {
    const raw = await readView(rawReads, view, NOW);
    expect(raw).toEqual(await readView(dexieReads(db()), view, NOW));
    if (view.kind === 'latest') expect(raw.papers.map((p) => p.day)).toEqual(Array(5).fill('2026-11-24'));
  });

  it('saved ids, papers by id and the search index are the same read either way', async () => {
    const [first] = await db().papers.toArray();
    await savePaper(db(), first!);
    await foldSearchIndex(db(), buildStoredIndex);
    const dexie = dexieReads(db());
    expect(await rawReads.savedIds()).toEqual([first!.id]);
    expect(await rawReads.papers([first!.id, 'nope'])).toEqual(await dexie.papers([first!.id, 'nope']));
    expect(await loadStoredSearch(rawReads)).toEqual(await loadStoredSearch(db()));
    expect(await searchHead(rawReads)).toEqual(await searchHead(db()));
  });

  it("a write through Dexie (any page, the background) reaches the stores' watchers", async () => {
    const seen: string[] = [];
    const stopSaved = watchStores(['saved'], () => seen.push('saved'));
    const stopPapers = watchStores(['papers', 'days'], () => seen.push('papers'));
    try {
      const paper: Paper = { ...(await db().papers.toArray())[0]!, upvotes: 99 };
      await db().papers.put(paper);
      await expect.poll(() => seen).toContain('papers');
      await savePaper(db(), paper);
      await expect.poll(() => seen).toContain('saved');
      expect((await rawReads.papers([paper.id]))[0]?.upvotes).toBe(99);
    } finally {
      stopSaved();
      stopPapers();
    }
  });
});

describe('raw reads where there is no database yet', () => {
  beforeEach(deleteAll);
  afterEach(deleteAll);

  it('do not create it (Dexie does, with its schema): readStore then reads with Dexie', async () => {
    await expect(openRaw()).rejects.toBeTruthy();
    expect(await readStore((reads) => reads.savedIds())).toEqual([]);
    expect(db().verno).toBeGreaterThan(0);
    expect(db().tables.map((t) => t.name)).toContain('saved');
    // Once Dexie has made it, raw reads work.
    expect(await rawReads.savedIds()).toEqual([]);
  });
});
