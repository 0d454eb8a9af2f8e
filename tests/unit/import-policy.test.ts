/**
 * One import policy for every format (issue 18): the same cap on the number of entries (a file
 * over it changes nothing and says so), and an over-long field cut the same way, never refusing
 * the file (CSL-JSON used to refuse a whole file for one long title that RIS and BibTeX cut).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { importText } from '@/lib/reading-list/import';
import { toRis } from '@/lib/reading-list/export/ris';
import { toCslJson } from '@/lib/reading-list/export/csl';
import { toBibtex } from '@/lib/reading-list/bibtex/export';
import { toBackup } from '@/lib/reading-list/backup';
import { MAX_IMPORT_ENTRIES, type SavedPaper } from '@/lib/core/saved';
import { makeSaved } from '../fixtures/saved';

const NOW = Date.parse('2026-11-25T15:00:00Z');
let db: PapertabDB;
let n = 0;
beforeEach(() => {
  db = createDb(`import-policy-${n++}`);
});
afterEach(() => db.close());

const writers: [string, (list: SavedPaper[]) => string][] = [
  ['RIS', toRis],
  ['CSL-JSON', toCslJson],
  ['BibTeX', toBibtex],
  ['a JSON backup', (list) => toBackup(list, NOW)],
];

const many = (count: number) =>
  Array.from({ length: count }, (_, i) => makeSaved(`2404.${String(i + 1).padStart(5, '0')}`, { title: `Paper ${i}` }));

describe('one import policy for every format', () => {
  const over = many(MAX_IMPORT_ENTRIES + 1);
  for (const [format, write] of writers)
    it(`${format}: a file with more than ${MAX_IMPORT_ENTRIES} entries changes nothing and says why`, async () => {
      const r = await importText(db, write(over), NOW);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatch(/too many/);
      expect(await db.saved.count()).toBe(0);
    }, 60_000);

  for (const [format, write] of writers.slice(0, 3))
    it(`${format}: an over-long title is cut to 1,000 characters, the file imported`, async () => {
      const long = makeSaved('2404.00001', { title: `${'Long '.repeat(40_000)}end` });
      const r = await importText(db, write([long, makeSaved('2404.00002')]), NOW);
      expect(r.ok).toBe(true);
      const title = (await db.saved.get('2404.00001'))!.paper.title;
      expect(title.length).toBeLessThanOrEqual(1000);
      expect(title.startsWith('Long Long')).toBe(true);
      expect(await db.saved.count()).toBe(2);
    });
});
