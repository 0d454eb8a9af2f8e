import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '@/lib/core/paper';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { storeDay } from '@/lib/store/papers';
import { foldSearchIndex, loadStoredCards, loadStoredSearch, searchHead } from '@/lib/store/search-store';
import { buildStoredIndex, loadCompactIndex } from '@/lib/search/compact';
import { isCardCopy } from '@/lib/search/cards';
import { createSearchIndex } from '../support/search-reference';
import { makeDay } from '../fixtures/papers';
import { ranked } from '../support/stored-search';

const DAY = '2025-11-04';
/** Real-shaped papers (every field a card shows), with hostile and non-Latin text mixed in. */
const feed = parseDailyItems(makeDay(DAY, 12), DAY, 0).items;
const words = ['diffusion', 'Gómez', '東京', '<b>x</b>', '$\\nabla^2$', 'model', 'agent', '"quoted"', 'ü\u0000'];
const text = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const papersArb = fc
  .array(fc.record({ title: text, aiSummary: fc.option(text, { nil: undefined }), author: text }), {
    minLength: 1,
    maxLength: feed.length,
  })
  .map((rows) =>
    rows.map((r, i): Paper => ({ ...feed[i]!, title: r.title, aiSummary: r.aiSummary, authors: [r.author, 'Ada'] })),
  );

/** What a card reads of a paper: all of it but the abstract, who submitted it and its arXiv category. */
const shown = ({ submittedBy: _s, primaryClass: _c, ...p }: Paper) => ({ ...p, summary: '' });

describe("the stored index's display copy: a result card renders without reading the paper", () => {
  it('gives each result the paper as a card shows it (all but the abstract), in the order the reference ranks them', () => {
    fc.assert(
      fc.property(papersArb, fc.constantFrom('diffusion', 'gómez', 'model agent', '東京', 'nabla'), (papers, q) => {
        const index = loadCompactIndex(structuredClone(buildStoredIndex(papers)));
        const cards = ranked(index.search(q)).map((h) => index.card(h.id)!);
        const reference = createSearchIndex(papers).search(q).papers;
        expect(cards.map((c) => c.id)).toEqual(reference.map((p) => p.id));
        expect(cards).toEqual(reference.map(shown));
        expect(cards.every(isCardCopy)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('shows a paper written since the index was built as written, and nothing for a removed one', () => {
    const [a, b] = feed;
    const index = loadCompactIndex(buildStoredIndex([a!, b!]));
    const retitled = { ...a!, title: 'Retitled diffusion', fetchedAt: a!.fetchedAt + 1 };
    index.upsert([retitled]);
    index.remove([b!.id]);
    expect(index.card(a!.id)).toBe(retitled);
    expect(isCardCopy(retitled)).toBe(false);
    expect(index.card(b!.id)).toBeUndefined();
    expect(index.card('0000.00000')).toBeUndefined();
  });
});

describe('a base stored before the display copies', () => {
  let db: PapertabDB;
  let n = 0;
  beforeEach(async () => {
    db = createDb(`search-cards-${n++}`);
    await db.open();
  });
  afterEach(() => db.close());

  it('is built again at the next fold, once; a page then finds the copies', async () => {
    await storeDay(db, DAY, feed.slice(0, 3), 0, 1);
    // As an older version stored it: a base without copies, a head without its format.
    const { cards: _, ...old } = buildStoredIndex(feed.slice(0, 3));
    await db.searchIndex.put({ key: 'base', generation: 1, index: old });
    await db.searchIndex.put({ key: 'head', generation: 1, changed: [] });
    expect(await loadStoredCards(db, 1)).toBeUndefined();
    expect(await foldSearchIndex(db, buildStoredIndex)).toBe(true);
    expect(await foldSearchIndex(db, buildStoredIndex)).toBe(false);
    expect((await searchHead(db)).changed).toEqual([]);
    const loaded = await loadStoredSearch(db);
    const index = loadCompactIndex(loaded.index!);
    // Stored apart, so a page searches before they load.
    expect(index.card(feed[0]!.id)).toBeUndefined();
    index.useCards((await loadStoredCards(db, loaded.generation))!);
    expect(index.card(feed[0]!.id)).toEqual(shown(feed[0]!));
  });
});
