import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '@/lib/core/paper';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { clearPaperCache } from '@/lib/store/cache-admin';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { storeDay, storePapers } from '@/lib/store/papers';
import { foldSearchIndex, loadStoredSearch, searchHead } from '@/lib/store/search-store';
import { stopArchive } from '@/lib/store/archive-store';
import { createSearchIndex } from '../support/search-reference';
import { buildStoredIndex, loadCompactIndex } from '@/lib/search/compact';
import { makeDay } from '../fixtures/papers';
import { ranked } from '../support/stored-search';

const DAY = '2025-11-04';
const [template] = parseDailyItems(makeDay(DAY, 1), DAY, 0).items;

function paper(id: string, fields: Partial<Paper>): Paper {
  const { organization: _, ...rest } = template!;
  return { ...rest, id, title: '', summary: '', authors: [], aiKeywords: [], upvotes: 0, ...fields };
}

const vocab = ['graph', 'graphs', 'grape', 'diffusion', 'video', 'vision', 'model', 'models', 'modes', 'agent'];
const more = ['agentic', 'rl', 'li', 'quokka', 'gómez', 'gomes', 'lattice', 'latte', 'the', 'of'];
const text = fc.array(fc.constantFrom(...vocab, ...more), { maxLength: 6 }).map((w) => w.join(' '));
const paperArb = fc.record({
  title: text,
  summary: text,
  author: text,
  keyword: text,
  upvotes: fc.nat(50),
  day: fc.integer({ min: 1, max: 28 }),
});
const queryArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(...vocab, ...more),
      fc.constantFrom(...vocab).map((w) => w.slice(0, 3 + (w.length % 3))),
      fc.constantFrom('grapj', 'diffusoin', 'modell', 'agnet', 'lattise', 'xyz', 'vid', 'gr'),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((q) => q.join(' '));
function rowsToPapers(
  rows: { title: string; summary: string; author: string; keyword: string; upvotes: number; day: number }[],
) {
  return rows.map((r, i) =>
    paper(`2511.${String(i).padStart(5, '0')}`, {
      title: r.title,
      summary: r.summary,
      authors: r.author ? [r.author] : [],
      aiKeywords: r.keyword ? [r.keyword] : [],
      upvotes: r.upvotes,
      day: `2025-11-${String(r.day).padStart(2, '0')}`,
    }),
  );
}

describe('stored search index: the same answers as an index built afresh', () => {
  it('round trip (stored, cloned as IndexedDB would, loaded): same papers in the same order, same terms', () => {
    fc.assert(
      fc.property(fc.array(paperArb, { minLength: 1, maxLength: 30 }), queryArb, (rows, query) => {
        const papers = rowsToPapers(rows);
        const loaded = loadCompactIndex(structuredClone(buildStoredIndex(papers)));
        const fresh = createSearchIndex(papers).search(query);
        const got = loaded.search(query);
        expect(ranked(got).map((h) => h.id)).toEqual(fresh.papers.map((p) => p.id));
        expect(new Set(got.terms)).toEqual(new Set(fresh.terms));
      }),
      { numRuns: 300 },
    );
  });

  it("the first n matches, best first or newest first, are the reference ranking's first n; the count is all", () => {
    // A page asks for the first 10 of thousands: they are picked without ranking the rest, ties kept in order.
    let picked = 0;
    fc.assert(
      fc.property(
        fc.array(paperArb, { minLength: 20, maxLength: 60 }),
        queryArb,
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (rows, query, n, newest) => {
          const papers = rowsToPapers(rows);
          const loaded = loadCompactIndex(structuredClone(buildStoredIndex(papers)));
          const fresh = createSearchIndex(papers).search(query).papers;
          // Newest first: by featured day, the most relevant first within a day (a stable sort).
          const expected = newest ? [...fresh].sort((a, b) => b.day.localeCompare(a.day)) : fresh;
          const got = loaded.search(query);
          expect(got.count).toBe(fresh.length);
          expect(got.top(n, newest).map((h) => h.id)).toEqual(expected.slice(0, n).map((p) => p.id));
          expect(got.top(n + 3, newest).map((h) => h.id)).toEqual(expected.slice(0, n + 3).map((p) => p.id));
          if (fresh.length > 4 * n) picked++;
        },
      ),
      { numRuns: 300 },
    );
    expect(picked).toBeGreaterThan(50);
  });

  it('kept current through upserts and removals: the same papers found as a fresh index over the result', () => {
    fc.assert(
      fc.property(
        fc.array(paperArb, { minLength: 1, maxLength: 20 }),
        fc.array(paperArb, { maxLength: 10 }),
        fc.array(fc.nat(25), { maxLength: 6 }),
        queryArb,
        (rows, changes, removals, query) => {
          const papers = rowsToPapers(rows);
          const index = loadCompactIndex(buildStoredIndex(papers));
          // Changed copies of the first papers, and papers new to the index.
          const changed = rowsToPapers(changes).map((p, i) =>
            i % 2 ? p : { ...p, id: `2512.${String(i).padStart(5, '0')}` },
          );
          index.upsert(changed);
          const gone = removals.map((i) => `2511.${String(i).padStart(5, '0')}`);
          index.remove(gone);
          const current = new Map(papers.map((p) => [p.id, p]));
          for (const p of changed) current.set(p.id, p);
          for (const id of gone) current.delete(id);
          const fresh = createSearchIndex([...current.values()]).search(query);
          expect(new Set(ranked(index.search(query)).map((h) => h.id))).toEqual(new Set(fresh.papers.map((p) => p.id)));
          expect(index.size).toBe(current.size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('forgives a typo for a word only a removed paper held (a counterexample the property found)', () => {
    const index = loadCompactIndex(
      buildStoredIndex([
        paper('2511.00003', { title: 'quokka', summary: 'model' }),
        paper('2511.00004', { title: 'modes' }),
      ]),
    );
    index.remove(['2511.00003']);
    // "model" is nowhere in the cache now, so it may be a typo of "modes", as a fresh index says.
    expect(ranked(index.search('model mod')).map((h) => h.id)).toEqual(['2511.00004']);
  });

  it('gives each result its day, for "newest first"', () => {
    const index = loadCompactIndex(
      buildStoredIndex([
        paper('2511.00001', { title: 'quokka', day: '2025-11-02' }),
        paper('2511.00002', { title: 'quokka', day: '2025-11-09' }),
      ]),
    );
    const days = ranked(index.search('quokka')).map((h) => new Date(h.day * 86_400_000).toISOString().slice(0, 10));
    expect(days.sort()).toEqual(['2025-11-02', '2025-11-09']);
  });
});

describe('stored search index: in IndexedDB, kept current by whoever writes papers', () => {
  let db: PapertabDB;
  let n = 0;
  beforeEach(async () => {
    db = createDb(`search-stored-${n++}`);
    await db.open();
  });
  afterEach(() => db.close());

  /** What a freshly opened page would find: the stored base plus the papers changed since. */
  async function pageSearch(query: string): Promise<string[]> {
    const loaded = await loadStoredSearch(db);
    const index = loadCompactIndex(loaded.index ?? buildStoredIndex([]));
    index.upsert(loaded.changed);
    index.remove(loaded.removed);
    return ranked(index.search(query))
      .map((h) => h.id)
      .sort();
  }
  const freshSearch = async (query: string) =>
    createSearchIndex(await db.papers.toArray())
      .search(query)
      .papers.map((p) => p.id)
      .sort();

  it('every write of papers is noted; a fold builds the base; a page sees exactly what a fresh index finds', async () => {
    const day1 = [paper('2511.00001', { title: 'Quokka tides' }), paper('2511.00002', { title: 'Wombat agents' })];
    await storeDay(db, '2025-11-03', day1, 0, 1);
    expect((await searchHead(db)).changed).toEqual(['2511.00001', '2511.00002']);
    expect(await pageSearch('quokka')).toEqual(['2511.00001']);
    expect(await foldSearchIndex(db, buildStoredIndex, 1)).toBe(true);
    expect((await searchHead(db)).changed).toEqual([]);
    // After the fold, a retitled paper and a new one (a month listing): noted, found, old words gone.
    await storePapers(db, [
      paper('2511.00001', { title: 'Platypus rivers', fetchedAt: 5 }),
      paper('2511.00003', { title: 'Quokka again', fetchedAt: 5 }),
    ]);
    expect(await pageSearch('quokka')).toEqual(await freshSearch('quokka'));
    expect(await pageSearch('platypus')).toEqual(['2511.00001']);
    expect(await foldSearchIndex(db, buildStoredIndex, 1000)).toBe(false); // under the threshold: kept as a head
    expect(await foldSearchIndex(db, buildStoredIndex, 1)).toBe(true);
    expect(await pageSearch('quokka')).toEqual(['2511.00003']);
  });

  it('dropping the archive and clearing the cache take papers out of the index', async () => {
    await storePapers(db, [paper('2511.00001', { title: 'Quokka', day: '2025-11-03' })]);
    await storeDay(db, '2025-11-04', [paper('2511.00002', { title: 'Quokka two' })], 0, 1);
    await foldSearchIndex(db, buildStoredIndex, 1);
    await stopArchive(db, true);
    expect(await pageSearch('quokka')).toEqual(['2511.00002']);
    await clearPaperCache(db);
    expect(await pageSearch('quokka')).toEqual([]);
    expect((await loadStoredSearch(db)).index).toBeUndefined();
  });

  it('a fold that raced a cache clear stores nothing', async () => {
    await storeDay(db, '2025-11-04', [paper('2511.00002', { title: 'Quokka two' })], 0, 1);
    const folding = foldSearchIndex(
      db,
      (papers) => {
        void clearPaperCache(db);
        return buildStoredIndex(papers);
      },
      1,
    );
    await folding;
    expect(await pageSearch('quokka')).toEqual([]);
  });
});
