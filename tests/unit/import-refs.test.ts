/** Importing RIS and CSL-JSON: what reference managers write comes in, all or nothing, like BibTeX. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { importText } from '@/lib/reading-list/import';
import { toRis } from '@/lib/reading-list/export/ris';
import { toCslJson } from '@/lib/reading-list/export/csl';
import { parseRis } from '@/lib/reading-list/refs/ris';
import { parseCslJson } from '@/lib/reading-list/refs/csl';
import { makeSaved } from '../fixtures/saved';

const NOW = Date.parse('2026-11-25T15:00:00Z');
const HELD = '2404.00001';

let db: PapertabDB;
let n = 0;
beforeEach(async () => {
  db = createDb(`import-refs-${n++}`);
  await db.saved.put(makeSaved(HELD, { title: 'Held' }, { status: 'read', note: 'Mine' }));
});
afterEach(() => db.close());

const exported = [
  makeSaved(HELD, { title: 'Renamed elsewhere' }),
  makeSaved(
    'hep-th/9901001',
    {
      title: 'Strings & {Branes} <in> 50% of “cases”',
      authors: ['José Gómez', 'Martin Luther King Jr.', 'Plato'],
      summary: 'Line one.\nLine two.',
      publishedAt: '1999-01-04T00:00:00.000Z',
    },
    { tags: ['theory'] },
  ),
  makeSaved('2404.12345', { primaryClass: 'cs.CL', summary: 'An abstract.' }),
];

async function ids() {
  return (await db.saved.toArray()).map((r) => r.id).sort();
}

describe.each([
  ['RIS', toRis],
  ['CSL-JSON', toCslJson],
] as const)('importing %s', (format, write) => {
  it('adds the papers it names, keeps saved ones as they are, and says what it did', async () => {
    const held = await db.saved.get(HELD);
    const r = await importText(db, write(exported), NOW);
    expect(r).toEqual({
      ok: true,
      message: `Imported 3 papers from the ${format} file: 2 new, 0 updated, 1 unchanged.`,
    });
    expect(await db.saved.get(HELD)).toEqual(held);
    const old = (await db.saved.get('hep-th/9901001'))!;
    expect(old.paper).toMatchObject({
      title: 'Strings & {Branes} <in> 50% of “cases”',
      authors: ['José Gómez', 'Martin Luther King Jr.', 'Plato'],
      summary: 'Line one. Line two.',
      publishedAt: '1999-01-04T00:00:00.000Z',
    });
    expect(old.incomplete).toBe(true);
    expect((await db.saved.get('2404.12345'))!.paper.primaryClass).toBe('cs.CL');
  });
});

describe('refusing files that are not whole', () => {
  const before = async () => JSON.stringify(await db.saved.toArray());

  it('a RIS file cut short changes nothing and says where', async () => {
    const text = toRis(exported);
    const cut = text.slice(0, text.lastIndexOf('ER  -'));
    const snapshot = await before();
    const r = await importText(db, cut, NOW);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/line \d+ never ends.*Nothing was changed\./);
    expect(await before()).toBe(snapshot);
  });

  it('a CSL-JSON item of the wrong shape changes nothing and names it', async () => {
    const items = JSON.parse(toCslJson(exported)) as object[];
    items.push({ type: 'article', title: 'Bad', author: [{ family: 42 }] });
    const snapshot = await before();
    const r = await importText(db, JSON.stringify(items), NOW);
    expect(r).toEqual({
      ok: false,
      error: 'Reference 4 of this CSL-JSON file is not valid (“author.0.family”). Nothing was changed.',
    });
    expect(await before()).toBe(snapshot);
  });

  it('files naming no arXiv paper change nothing', async () => {
    const ris = 'TY  - JOUR\r\nTI  - Deep residual learning\r\nAU  - He, Kaiming\r\nER  - \r\n';
    expect(await importText(db, ris, NOW)).toEqual({
      ok: false,
      error: 'The reference has no arXiv id. Nothing was changed.',
    });
    const csl = JSON.stringify([
      { type: 'book', title: 'TAOCP' },
      { type: 'article-journal', DOI: '10.1000/x' },
    ]);
    expect(await importText(db, csl, NOW)).toEqual({
      ok: false,
      error: 'None of the 2 references has an arXiv id. Nothing was changed.',
    });
    expect(await ids()).toEqual([HELD]);
  });
});

describe('reading what reference managers write', () => {
  it('reads Zotero-style RIS (arXiv id in the DOI or URL, wrapped abstract) and skips other records', () => {
    const zotero = [
      'TY  - RPRT',
      'TI  - Attention Is All You Need',
      'AU  - Vaswani, Ashish',
      'AU  - Shazeer, Noam',
      'AB  - The dominant sequence transduction models',
      '  are based on recurrent networks.',
      'DA  - 2017/06/12/',
      'PY  - 2017',
      'DO  - 10.48550/arXiv.1706.03762',
      'ER  - ',
      '',
      'TY  - JOUR',
      'TI  - No arXiv here',
      'ER  - ',
      '',
      'TY  - ELEC',
      'UR  - http://arxiv.org/abs/2005.14165v4',
      'ER  - ',
    ].join('\n');
    const r = parseRis(zotero);
    expect(r).toEqual({
      ok: true,
      skipped: 1,
      items: [
        {
          id: '1706.03762',
          meta: {
            title: 'Attention Is All You Need',
            authors: ['Ashish Vaswani', 'Noam Shazeer'],
            publishedAt: '2017-06-12',
            abstract: 'The dominant sequence transduction models are based on recurrent networks.',
          },
        },
        { id: '2005.14165', meta: {} },
      ],
    });
  });

  it('reads Zotero-style CSL-JSON (number "arXiv:…", literal names, string date parts)', () => {
    const r = parseCslJson([
      {
        id: 'x',
        type: 'article',
        title: 'T',
        author: [{ literal: 'OpenAI' }, { family: 'Beethoven', given: 'Ludwig', 'dropping-particle': 'van' }],
        issued: { 'date-parts': [['2023', '3', '15']] },
        number: 'arXiv:2303.08774',
      },
    ]);
    expect(r).toEqual({
      ok: true,
      skipped: 0,
      items: [
        {
          id: '2303.08774',
          meta: { title: 'T', authors: ['OpenAI', 'Ludwig van Beethoven'], publishedAt: '2023-03-15' },
        },
      ],
    });
  });

  it('refuses JSON that is no list of references', () => {
    expect(parseCslJson([]).ok).toBe(false);
    expect(parseCslJson(['a string']).ok).toBe(false);
    expect(parseCslJson([{ title: 'no type' }]).ok).toBe(false);
  });
});
