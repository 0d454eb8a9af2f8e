/**
 * Every export judged by the parsers reference managers use (tests/support/real-parsers.ts), not by
 * Papertab's own code: each field comes back equal, and the parsers report no error or warning.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBibtex } from '@/lib/reading-list/bibtex/export';
import { toRis } from '@/lib/reading-list/export/ris';
import { toCslJson } from '@/lib/reading-list/export/csl';
import { arxivDoi, arxivPrimaryClass, paperDate } from '@/lib/core/citation';
import { citationUrl, isArxivId } from '@/lib/core/arxiv-id';
import { paperYear, type Paper } from '@/lib/core/paper';
import { singleLine } from '@/lib/core/single-line';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import type { SavedPaper } from '@/lib/core/saved';
import { makeSaved } from '../fixtures/saved';
import { hostileItem, makeDay } from '../fixtures/papers';
import { readBibtex, readCslJson, readRis, type Judged, type ReadBack } from '../support/real-parsers';

/** What a reference manager must read back from any format. */
function expected(s: SavedPaper): Omit<ReadBack, 'type' | 'key'> {
  const { paper } = s;
  const arxiv = isArxivId(s.id);
  const abstract = singleLine(paper.summary);
  return {
    title: singleLine(paper.title),
    authors: paper.authors.map((a) => singleLine(a)).filter(Boolean),
    year: paperYear(paper),
    date: paperDate(paper),
    eprint: arxiv ? s.id : undefined,
    primaryClass: arxiv ? arxivPrimaryClass(s.id, paper) : undefined,
    doi: arxivDoi(s.id),
    url: citationUrl(s.id),
    abstract: abstract || undefined,
  };
}

/** The fields present: a field a format leaves out reads back as undefined, like one that is unknown. */
function clean(e: Omit<ReadBack, 'type' | 'key'>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined && v !== ''));
}

function fieldsOf(r: ReadBack): Record<string, unknown> {
  const { type: _type, key: _key, ...rest } = r;
  return clean(rest);
}

const FORMATS: [string, (l: SavedPaper[]) => string, (text: string) => Judged | Promise<Judged>, string][] = [
  ['BibTeX (@retorquere/bibtex-parser)', toBibtex, readBibtex, 'misc'],
  ['RIS (Citation.js)', toRis, readRis, 'report'],
  ['CSL-JSON (Citation.js)', toCslJson, readCslJson, 'article'],
];

async function roundTrip(list: SavedPaper[]) {
  for (const [name, write, read, type] of FORMATS) {
    const judged = await read(write(list));
    expect(judged.problems, name).toEqual([]);
    expect(judged.records.map((r) => r.type)).toEqual(list.map(() => type));
    expect(judged.records.map(fieldsOf), name).toEqual(list.map((s) => clean(expected(s))));
  }
}

// --- generated papers ----------------------------------------------------------------------------

const HOSTILE = [
  '{',
  '}',
  '\\',
  '%',
  '&',
  '$',
  '#',
  '_',
  '~',
  '^',
  '"',
  "'",
  '@',
  ',',
  '=',
  '\n',
  '\t',
  '[',
  ']',
  '*',
  '<',
  '>',
];
const WORDS = [
  'Sparse',
  'attention',
  'Gómez',
  'Łukasz',
  'naïve',
  'Straße',
  'Ångström',
  'über',
  'μ-Net',
  '$\\alpha$',
  '\\LaTeX',
  'and',
  'TY  - JOUR',
  'ER  -',
  '}}',
  '{{x}',
];
const text = (min: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...HOSTILE), fc.string({ maxLength: 6 })), {
      minLength: min,
      maxLength: 12,
    })
    .map((parts) => parts.join(' '))
    .filter((s) => singleLine(s).length >= min);

const GIVEN = ['Ada', 'José', 'Zoë', 'Jean-Luc', 'Åsa', 'Mary Ann', 'Łukasz'];
const FAMILY = ['Lovelace', 'Gómez', 'Müller', "O'Neil", 'Nguyễn', 'Øster-Straße', 'Smith'];
const name = fc.oneof(
  fc.tuple(fc.constantFrom(...GIVEN), fc.constantFrom(...FAMILY)).map(([g, f]) => `${g} ${f}`),
  fc.constantFrom(...FAMILY),
  // Names carrying the characters formats treat specially.
  fc
    .tuple(
      fc.constantFrom(...GIVEN),
      fc.constantFrom(...FAMILY),
      fc.constantFrom('&', '%', '_', '$', '#', '{', '}', '\\', '~', '^', '<', "''", '--'),
    )
    .map(([g, f, h]) => `${g} ${f}${h}`),
);

const id = fc.oneof(
  fc
    .tuple(fc.integer({ min: 15, max: 26 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99999 }))
    .map(([y, m, n]) => `${y}${String(m).padStart(2, '0')}.${String(n).padStart(5, '0')}`),
  fc.constantFrom('hep-th/9901001', 'math.GT/0309136', 'cond-mat/0102536', '0704.0001', '1412.6980'),
);

const paper = fc.record({
  id,
  title: text(1),
  summary: fc.oneof(text(0), fc.constant('')),
  authors: fc.array(name, { maxLength: 6 }),
  publishedAt: fc.option(
    fc
      .date({ min: new Date('1992-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    { nil: undefined },
  ),
  primaryClass: fc.option(fc.constantFrom('cs.CL', 'cs.LG', 'hep-th', 'math.GT', 'stat.ML'), { nil: undefined }),
  tags: fc.array(text(1), { maxLength: 3 }),
});

type PaperArb = typeof paper extends fc.Arbitrary<infer T> ? T : never;

const toSaved = (p: PaperArb, i: number): SavedPaper =>
  makeSaved(
    p.id,
    {
      title: p.title,
      summary: p.summary,
      authors: p.authors,
      publishedAt: p.publishedAt,
      day: '',
      primaryClass: p.primaryClass,
    },
    { tags: p.tags, savedAt: i },
  );

const list = fc.uniqueArray(paper, { selector: (p) => p.id, minLength: 1, maxLength: 6 }).map((ps) => ps.map(toSaved));

describe('exports read back by the parsers reference managers use', () => {
  it('keeps every field of generated papers with hostile titles, TeX, accents and old-style ids', async () => {
    await fc.assert(fc.asyncProperty(list, roundTrip), { numRuns: 30 });
  }, 60_000);

  it('keeps 1,000 authors in order', async () => {
    const authors = Array.from(
      { length: 1000 },
      (_, i) => `${GIVEN[i % GIVEN.length]} ${FAMILY[i % FAMILY.length]}${i}`,
    );
    await roundTrip([makeSaved('2404.12345', { authors, summary: 'A large collaboration.' })]);
  });

  it('reads papers shaped like real feed items, the hostile one included', async () => {
    const raw = [...makeDay('2024-04-18', 12), hostileItem('2024-04-18')];
    const papers: Paper[] = parseDailyItems(raw, '2024-04-18', 1).items;
    expect(papers.length).toBe(13);
    await roundTrip(papers.map((p, i) => makeSaved(p.id, p, { savedAt: i, tags: ['feed'] })));
  });
});
