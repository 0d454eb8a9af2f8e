import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiFold, bibtexKeys, escapeBibtex, toBibtex } from '@/lib/reading-list/bibtex/export';
import { parseBibtex } from '@/lib/reading-list/bibtex/import';
import { singleLine } from '@/lib/core/single-line';
import type { Paper } from '@/lib/core/paper';
import type { SavedPaper } from '@/lib/core/saved';
import { makeSaved } from '../fixtures/saved';

const saved = (id: string, paper: Partial<Paper> = {}, rest: Partial<SavedPaper> = {}): SavedPaper =>
  makeSaved(
    id,
    {
      title: 'Sparse Attention for Long Video Understanding',
      summary: 'We study sparse attention.',
      numComments: 3,
      ...paper,
    },
    rest,
  );

/** BibTeX's own rule: counting every brace (escaped or not), an entry's braces balance and never go negative. */
function bracesBalance(entry: string): boolean {
  let depth = 0;
  for (const c of entry) {
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

const entries = (bib: string) => bib.split(/\n(?=@)/);
const keysOf = (bib: string) => [...bib.matchAll(/^@misc\{([^,]*),/gm)].map((m) => m[1]);

describe('toBibtex: arXiv-style entries', () => {
  it('writes an entry the way arxiv.org does, with the DOI, date, abstract and tags as keywords', () => {
    const bib = toBibtex([saved('2404.12345', {}, { tags: ['video', 'attention'] })]);
    expect(bib).toBe(
      [
        '@misc{lovelace2024sparse,',
        '  title = {{Sparse Attention for Long Video Understanding}},',
        '  author = {Ada Lovelace and Alan Turing},',
        '  year = {2024},',
        '  date = {2024-04-18},',
        '  eprint = {2404.12345},',
        '  archivePrefix = {arXiv},',
        '  doi = {10.48550/arXiv.2404.12345},',
        '  url = {https://arxiv.org/abs/2404.12345},',
        '  abstract = {We study sparse attention.},',
        '  keywords = {video, attention}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('separates entries by a blank line and exports nothing for an empty list', () => {
    expect(toBibtex([])).toBe('');
    const bib = toBibtex([saved('2404.12345'), saved('2404.54321', { title: 'Dense Retrieval' })]);
    expect(bib).toMatch(/^}\n\n@misc\{lovelace2024dense,$/m);
    expect(entries(bib)).toHaveLength(2);
  });

  it('never exports the private note', () => {
    const bib = toBibtex([saved('2404.12345', {}, { note: 'My secret review comments' })]);
    expect(bib).not.toContain('secret');
    expect(bib).not.toMatch(/note\s*=/);
  });

  it('leaves out author, year and keywords when unknown', () => {
    const bib = toBibtex([saved('2404.12345', { authors: [], publishedAt: undefined, day: '' })]);
    expect(bib).not.toContain('author =');
    expect(bib).not.toContain('keywords =');
    // The year still comes from the arXiv id (YYMM).
    expect(bib).toContain('year = {2024}');
    expect(toBibtex([saved('my-paper', { publishedAt: undefined, day: '' })])).not.toContain('year =');
  });

  it('takes the year from the featured day when arXiv did not say', () => {
    expect(toBibtex([saved('2412.00001', { publishedAt: undefined, day: '2025-01-02' })])).toContain('year = {2025}');
  });

  it('exports old-style arXiv ids as eprints and other Hugging Face ids as plain links', () => {
    const old = toBibtex([saved('hep-th/9901001', { publishedAt: undefined, day: '' })]);
    expect(old).toContain('eprint = {hep-th/9901001}');
    expect(old).toContain('primaryClass = {hep-th}');
    expect(toBibtex([saved('math.AG/0101001')])).toContain('primaryClass = {math.AG}');
    expect(old).toContain('year = {1999}');
    expect(old).toContain('url = {https://arxiv.org/abs/hep-th/9901001}');
    const slug = toBibtex([saved('some-model-card')]);
    expect(slug).not.toContain('eprint');
    expect(slug).not.toContain('archivePrefix');
    expect(slug).toContain('url = {https://huggingface.co/papers/some-model-card}');
  });

  it('writes primaryClass only when the paper record carries a valid category', () => {
    const withClass = saved('2404.12345', { primaryClass: 'cs.CL' } as Partial<Paper>);
    expect(toBibtex([withClass])).toContain('  archivePrefix = {arXiv},\n  primaryClass = {cs.CL},\n');
    expect(toBibtex([saved('2404.12345')])).not.toContain('primaryClass');
    const hostile = saved('2404.12345', { primaryClass: 'cs}, note = {x' } as Partial<Paper>);
    expect(toBibtex([hostile])).not.toContain('primaryClass');
  });

  it('exports a paper listed twice once', () => {
    const bib = toBibtex([saved('2404.12345'), saved('2404.12345')]);
    expect(keysOf(bib)).toEqual(['lovelace2024sparse']);
  });
});

describe('toBibtex: escaping', () => {
  it('escapes LaTeX special characters in titles', () => {
    expect(escapeBibtex('50% of $x$ & #1 a_b ~c ^d \\e')).toBe(
      '50\\% of \\$x\\$ \\& \\#1 a\\_b \\textasciitilde{}c \\textasciicircum{}d \\textbackslash{}e',
    );
  });

  it('keeps accents and other scripts as UTF-8', () => {
    const bib = toBibtex([
      saved('2404.12345', {
        title: 'Modèles de langue pour l’économie — 言語モデル',
        authors: ['José Gómez', 'Łukasz Kaiser', 'Jürgen Müller', '王小明'],
      }),
    ]);
    expect(bib).toContain('title = {{Modèles de langue pour l’économie — 言語モデル}}');
    expect(bib).toContain('author = {José Gómez and Łukasz Kaiser and Jürgen Müller and 王小明}');
  });

  it('escapes balanced braces and neutralises unbalanced ones', () => {
    expect(escapeBibtex('The {BERT} Model')).toBe('The \\{BERT\\} Model');
    expect(escapeBibtex('a}b{c')).toBe('a\\textbraceright{}b\\textbraceleft{}c');
    expect(escapeBibtex('open { only')).toBe('open \\textbraceleft{} only');
  });

  it.each([
    ['a closing brace', 'Oops} , author = {Mallory'],
    ['an opening brace', 'Unclosed { title'],
    ['a percent sign', '100% accurate % not a comment'],
    ['a new entry', '}}\n@misc{evil, title = {Injected}'],
    ['a backslash before a brace', 'Escaped \\} brace'],
  ])('cannot be broken by %s in a title', (_, title) => {
    const bib = toBibtex([saved('2404.12345', { title }), saved('2404.54321', { title: 'Next' })]);
    for (const entry of entries(bib)) expect(bracesBalance(entry)).toBe(true);
    const back = parseBibtex(bib);
    expect(back).toEqual({
      ok: true,
      skipped: 0,
      items: [
        expect.objectContaining({ id: '2404.12345', title: title.replace(/\s+/g, ' ') }),
        expect.objectContaining({ id: '2404.54321', title: 'Next' }),
      ],
    });
  });

  it('protects author names that BibTeX would split or reorder', () => {
    const bib = toBibtex([saved('2404.12345', { authors: ['Research and Development Team', 'Smith, Jr.', 'Ada'] })]);
    expect(bib).toContain('author = {{Research and Development Team} and {Smith, Jr.} and Ada}');
  });

  it('writes whitespace (including newlines) in titles as single spaces', () => {
    expect(toBibtex([saved('2404.12345', { title: '  Line\none\t\ttwo ' })])).toContain('title = {{Line one two}}');
  });

  it('keeps any title and author list intact through its own parser (property)', () => {
    const text = fc
      .string({ unit: 'binary', maxLength: 60 })
      // As every source stores titles and names: on one line (lib/core/single-line.ts).
      .map((s) => singleLine(s))
      .filter((s) => s !== '');
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 4 }), (title, authors) => {
        const bib = toBibtex([saved('2404.12345', { title, authors })]);
        expect(bracesBalance(bib)).toBe(true);
        const back = parseBibtex(bib);
        expect(back).toEqual({ ok: true, skipped: 0, items: [{ id: '2404.12345', title, authors, year: '2024' }] });
      }),
    );
  });
});

describe('toBibtex: citation keys', () => {
  it('folds accents and drops punctuation: <lastname><year><first significant title word>', () => {
    expect(asciiFold('Gómez')).toBe('gomez');
    expect(asciiFold('Łukasz Øster-Straße')).toBe('lukaszosterstrasse');
    expect(asciiFold("O'Neil")).toBe('oneil');
    const key = (paper: Partial<Paper>) => bibtexKeys([saved('2404.12345', paper)]).get('2404.12345');
    expect(key({ authors: ['José Gómez'], title: 'The Sparse Transformer' })).toBe('gomez2024sparse');
    expect(key({ authors: ['Gómez, José'], title: 'On the Limits of Scaling' })).toBe('gomez2024limits');
    expect(key({ authors: ['Martin Luther King Jr.'], title: 'A Dream: Vision' })).toBe('king2024dream');
    expect(key({ authors: ['王小明'], title: 'Über-Netze: Ünet' })).toBe('anon2024uber');
    expect(key({ authors: [], title: 'GPT-4 Technical Report' })).toBe('anon2024gpt');
    expect(key({ title: 'The Of And' })).toBe('lovelace2024the');
  });

  it('gives every paper the same key each time', () => {
    const list = [saved('2404.12345'), saved('2404.00002', { title: 'Other Work' })];
    expect(toBibtex(list)).toBe(toBibtex(structuredClone(list)));
    expect(keysOf(toBibtex(list))).toEqual(['lovelace2024sparse', 'lovelace2024other']);
  });

  it('keeps the key of the paper saved first; a later one with the same key adds its id', () => {
    const at = (savedAt: number) => ({ savedAt });
    const list = [
      saved('2404.30000', {}, at(3)),
      saved('2404.10000', {}, at(2)),
      saved('2404.20000', {}, at(1)),
      saved('2404.40000', { title: 'Unique' }, at(4)),
    ];
    expect(Object.fromEntries(bibtexKeys(list))).toEqual({
      '2404.20000': 'lovelace2024sparse',
      '2404.10000': 'lovelace2024sparse240410000',
      '2404.30000': 'lovelace2024sparse240430000',
      '2404.40000': 'lovelace2024unique',
    });
    // Entries stay in list order.
    expect(keysOf(toBibtex(list))).toEqual([
      'lovelace2024sparse240430000',
      'lovelace2024sparse240410000',
      'lovelace2024sparse',
      'lovelace2024unique',
    ]);
  });

  it('never changes a key as other papers are saved, removed or imported', () => {
    const first = saved('2404.10000', {}, { savedAt: 1 });
    const alone = bibtexKeys([first]).get(first.id);
    const later = saved('2404.00001', {}, { savedAt: 2 });
    const older = saved('2301.00001', { title: 'Sparse Nets', publishedAt: '2024-01-01T00:00:00Z' }, { savedAt: 3 });
    const grown = bibtexKeys([later, older, first]);
    expect(grown.get(first.id)).toBe(alone);
    // A later-saved namesake's key depends only on itself, whatever else the list holds.
    expect(grown.get(later.id)).toBe('lovelace2024sparse240400001');
    expect(bibtexKeys([saved('2405.1', { title: 'X' }), later, first]).get(later.id)).toBe(
      'lovelace2024sparse240400001',
    );
  });

  it('never lets a disambiguated key collide with another paper’s key', () => {
    const list = [
      saved('2404.10000', {}, { savedAt: 1 }),
      saved('2404.20000', {}, { savedAt: 2 }),
      saved('2404.30000', { title: 'Sparse240420000 Models' }, { savedAt: 3 }),
    ];
    const keys = bibtexKeys(list);
    expect(new Set(keys.values()).size).toBe(3);
    expect(keys.get('2404.30000')).toBe('lovelace2024sparse240420000');
    expect(keys.get('2404.20000')).toBe('lovelace2024sparse240420000x');
  });

  it('keeps keys unique, and each paper’s key, whatever the list order (property)', () => {
    const paper = fc.record({
      num: fc.integer({ min: 10000, max: 10060 }),
      author: fc.constantFrom('José Gómez', 'Jose Gomez', 'Ada Lovelace', '王小明', ''),
      title: fc.constantFrom('Deep Nets', 'The Deep Nets', 'Deepa', 'Deep-a Nets', 'On Deep', '', 'Ünet'),
      day: fc.constantFrom('', '2023-05-01', '2024-06-01'),
    });
    const list = fc.uniqueArray(paper, { selector: (p) => p.num, maxLength: 40 }).map((ps) =>
      ps.map((p) =>
        saved(`2404.${p.num}`, {
          authors: p.author ? [p.author] : [],
          title: p.title || 'Untitled',
          publishedAt: undefined,
          day: p.day,
        }),
      ),
    );
    const withShuffle = list.chain((l) =>
      fc.tuple(fc.constant(l), fc.shuffledSubarray(l, { minLength: l.length, maxLength: l.length })),
    );
    fc.assert(
      fc.property(withShuffle, ([l, shuffled]) => {
        const keys = bibtexKeys(l);
        expect(new Set(keys.values()).size).toBe(l.length);
        for (const key of keys.values()) expect(key).toMatch(/^[a-z0-9]+$/);
        expect(bibtexKeys(shuffled)).toEqual(keys);
        const bib = toBibtex(l);
        expect(new Set(keysOf(bib)).size).toBe(l.length);
      }),
    );
  });
});
