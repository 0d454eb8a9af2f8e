import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBibtex } from '@/lib/reading-list/bibtex/export';
import { parseBibtex } from '@/lib/reading-list/bibtex/import';
import { decodeLatex } from '@/lib/reading-list/bibtex/latex';
import type { Paper } from '@/lib/core/paper';
import type { SavedPaper } from '@/lib/core/saved';
import { makeSaved } from '../fixtures/saved';

const saved = (id: string, paper: Partial<Paper> = {}): SavedPaper =>
  makeSaved(id, { upvotes: 0, ...paper }, { tags: ['t'] });

// As arxiv.org's "Export BibTeX citation" writes it today.
const ARXIV_ORG = `@misc{vaswani2023attentionneed,
      title={Attention Is All You Need}, 
      author={Ashish Vaswani and Noam Shazeer and Niki Parmar and Jakob Uszkoreit and Llion Jones and Aidan N. Gomez and Lukasz Kaiser and Illia Polosukhin},
      year={2023},
      eprint={1706.03762},
      archivePrefix={arXiv},
      primaryClass={cs.CL},
      url={https://arxiv.org/abs/1706.03762}, 
}`;

// arxiv.org's earlier DataCite export.
const ARXIV_DATACITE = `@misc{https://doi.org/10.48550/arxiv.2307.09288,
  doi = {10.48550/ARXIV.2307.09288},
  url = {https://arxiv.org/abs/2307.09288},
  author = {Touvron, Hugo and Martin, Louis and Stone, Kevin},
  keywords = {Computation and Language (cs.CL), Artificial Intelligence (cs.AI), FOS: Computer and information sciences},
  title = {Llama 2: Open Foundation and Fine-Tuned Chat Models},
  publisher = {arXiv},
  year = {2023},
  copyright = {arXiv.org perpetual, non-exclusive license}
}`;

// Google Scholar: one arXiv preprint, one conference paper with no arXiv id.
const SCHOLAR = `@article{brown2020language,
  title={Language models are few-shot learners},
  author={Brown, Tom and Mann, Benjamin and Ryder, Nick and Subbiah, Melanie and Kaplan, Jared D and others},
  journal={arXiv preprint arXiv:2005.14165},
  year={2020}
}

@inproceedings{he2016deep,
  title={Deep residual learning for image recognition},
  author={He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},
  booktitle={Proceedings of the IEEE conference on computer vision and pattern recognition},
  pages={770--778},
  year={2016}
}`;

// DBLP's CoRR records.
const DBLP = `@article{DBLP:journals/corr/abs-1810-04805,
  author       = {Jacob Devlin and
                  Ming{-}Wei Chang and
                  Kenton Lee and
                  Kristina Toutanova},
  title        = {{BERT:} Pre-training of Deep Bidirectional Transformers for Language
                  Understanding},
  journal      = {CoRR},
  volume       = {abs/1810.04805},
  year         = {2018},
  url          = {http://arxiv.org/abs/1810.04805},
  eprinttype    = {arXiv},
  eprint       = {1810.04805},
  timestamp    = {Tue, 30 Oct 2018 20:39:56 +0100},
  biburl       = {https://dblp.org/rec/journals/corr/abs-1810-04805.bib},
  bibsource    = {dblp computer science bibliography, https://dblp.org}
}`;

function ok(text: string) {
  const r = parseBibtex(text);
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('parseBibtex: real-world exports', () => {
  it('reads arxiv.org’s export', () => {
    expect(ok(ARXIV_ORG)).toEqual({
      ok: true,
      skipped: 0,
      items: [
        {
          id: '1706.03762',
          title: 'Attention Is All You Need',
          authors: [
            'Ashish Vaswani',
            'Noam Shazeer',
            'Niki Parmar',
            'Jakob Uszkoreit',
            'Llion Jones',
            'Aidan N. Gomez',
            'Lukasz Kaiser',
            'Illia Polosukhin',
          ],
          year: '2023',
        },
      ],
    });
  });

  it('reads arxiv.org’s DataCite export by its arXiv DOI, authors in "First Last" order', () => {
    expect(ok(ARXIV_DATACITE).items).toEqual([
      {
        id: '2307.09288',
        title: 'Llama 2: Open Foundation and Fine-Tuned Chat Models',
        authors: ['Hugo Touvron', 'Louis Martin', 'Kevin Stone'],
        year: '2023',
      },
    ]);
  });

  it('reads Google Scholar’s "arXiv preprint arXiv:…" and skips the paper with no arXiv id', () => {
    const r = ok(SCHOLAR);
    expect(r.skipped).toBe(1);
    expect(r.items).toEqual([
      {
        id: '2005.14165',
        title: 'Language models are few-shot learners',
        authors: ['Tom Brown', 'Benjamin Mann', 'Nick Ryder', 'Melanie Subbiah', 'Jared D Kaplan'],
        year: '2020',
      },
    ]);
  });

  it('reads DBLP’s CoRR records', () => {
    expect(ok(DBLP).items).toEqual([
      {
        id: '1810.04805',
        title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
        authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
        year: '2018',
      },
    ]);
    // Even without the eprint fields, journal = {CoRR} with volume = {abs/<id>} names the paper.
    const bare = DBLP.replace(/^\s*(url|eprinttype|eprint)\s*=.*$/gm, '');
    expect(ok(bare).items.map((p) => p.id)).toEqual(['1810.04805']);
  });

  it('reads a whole mixed file in order, counting entries without an arXiv id', () => {
    const r = ok([ARXIV_ORG, SCHOLAR, DBLP, ARXIV_DATACITE].join('\n\n'));
    expect(r.items.map((p) => p.id)).toEqual(['1706.03762', '2005.14165', '1810.04805', '2307.09288']);
    expect(r.skipped).toBe(1);
  });
});

describe('parseBibtex: where the arXiv id is', () => {
  const entry = (fields: string) => `@misc{key,\n${fields}\n}`;
  it.each([
    ['eprint with archivePrefix', 'eprint = {2404.12345}, archivePrefix = {arXiv}', '2404.12345'],
    ['eprint with eprinttype', 'eprinttype = {arxiv}, eprint = {2404.12345}', '2404.12345'],
    ['a versioned eprint', 'eprint = {2404.12345v3}, archivePrefix = {arXiv}', '2404.12345'],
    ['an "arXiv:" eprint', 'eprint = {arXiv:2404.12345}', '2404.12345'],
    ['a bare eprint', 'eprint = "2404.12345"', '2404.12345'],
    ['a four-digit eprint', 'eprint = {0704.0001}, archivePrefix = {arXiv}', '0704.0001'],
    ['an old-style eprint', 'eprint = {hep-th/9901001v2}, archivePrefix = {arXiv}', 'hep-th/9901001'],
    ['an old-style id with subject class', 'eprint = {MATH.gt/0309136}, archivePrefix = {arXiv}', 'math/0309136'],
    ['an abs URL', 'url = {https://arxiv.org/abs/2404.12345v2}', '2404.12345'],
    ['a PDF URL', 'url = {http://www.arxiv.org/pdf/2404.12345.pdf}', '2404.12345'],
    ['an arXiv DOI', 'doi = {10.48550/arXiv.2404.12345}', '2404.12345'],
    ['an upper-case arXiv DOI', 'doi = {10.48550/ARXIV.2404.12345}', '2404.12345'],
    ['a journal mention', 'journal = {arXiv preprint arXiv:2404.12345}', '2404.12345'],
    ['a note mention', 'note = {arXiv: 2404.12345}', '2404.12345'],
  ])('finds it in %s', (_, fields, id) => {
    expect(ok(entry(fields)).items.map((p) => p.id)).toEqual([id]);
  });

  it.each([
    ['an eprint of another archive', 'eprint = {hal-01234567}, archivePrefix = {HAL}'],
    ['an arXiv-looking eprint of another archive', 'eprint = {2404.12345}, eprinttype = {pubmed}'],
    ['a non-arXiv DOI', 'doi = {10.1145/3292500.3330701}'],
    ['an invalid month', 'eprint = {2413.12345}, archivePrefix = {arXiv}'],
    ['six digits', 'url = {https://arxiv.org/abs/2404.123456}'],
    ['four digits after 2014', 'eprint = {1501.0001}, archivePrefix = {arXiv}'],
    ['a month before new-style ids began', 'eprint = {0703.0001}, archivePrefix = {arXiv}'],
    ['a plain number', 'journal = {Nature 2404.12345}'],
    ['no fields', 'title = {Just a title}'],
  ])('skips %s', (_, fields) => {
    expect(ok(entry(fields))).toEqual({ ok: true, items: [], skipped: 1 });
  });
});

describe('parseBibtex: syntax', () => {
  it('skips @comment, @preamble and @string but uses @string macros', () => {
    const r = ok(`
      This line is outside any entry; so is an e-mail like someone@example.org.
      @comment{ @misc{commented, eprint = {2404.99999}} }
      @preamble{ "\\newcommand{\\noop}[1]{}" }
      @string{ arxiv = "arXiv preprint arXiv:" }
      @article{x, title = "Macro" # { Title}, journal = arxiv # "2404.12345", year = 2024, month = apr}
    `);
    expect(r).toEqual({
      ok: true,
      skipped: 0,
      items: [{ id: '2404.12345', title: 'Macro Title', authors: [], year: '2024' }],
    });
  });

  it('reads parenthesised entries, quoted values with braces, and odd spacing', () => {
    const r = ok(`@Misc ( key ,
      TITLE = "A {"}quoted{"} Title" ,
      Author="Doe, Jane AND {Smith and Sons}" ,
      Eprint = 2404.12345 , ArchivePrefix = {arXiv},
    )`);
    expect(r.items).toEqual([{ id: '2404.12345', title: 'A "quoted" Title', authors: ['Jane Doe', 'Smith and Sons'] }]);
  });

  it('reads the year from a biblatex date', () => {
    expect(ok('@online{k, eprint = {2404.12345}, eprinttype = {arXiv}, date = {2024-04-18}}').items[0]!.year).toBe(
      '2024',
    );
  });

  it('imports a paper listed twice once', () => {
    const r = ok(`${ARXIV_ORG}\n${ARXIV_ORG.replace('vaswani2023attentionneed', 'again')}`);
    expect(r.items).toHaveLength(1);
    expect(r.skipped).toBe(0);
  });

  it('skips a malformed entry and keeps the rest', () => {
    const r = ok(`@misc{bad, title {no equals}, eprint = {2404.11111}}\n${ARXIV_ORG}\n@misc{keyonly}`);
    expect(r.items.map((p) => p.id)).toEqual(['1706.03762']);
    expect(r.skipped).toBe(2);
  });

  it.each([
    ['an empty file', ''],
    ['plain text', 'Attention is all you need. Vaswani et al., 2017.'],
    ['a JSON backup', '{"format":"papertab-backup","version":1,"papers":[]}'],
    ['only comments and strings', '@comment{x}\n@string{a = "b"}\n@preamble{"p"}'],
  ])('refuses %s: no BibTeX entries', (_, text) => {
    expect(parseBibtex(text)).toEqual({ ok: false, error: expect.stringMatching(/no BibTeX entries/) });
  });

  it('refuses unbalanced braces, saying where, without throwing', () => {
    const text = `${ARXIV_ORG}\n\n@article{broken,\n  title = {Unclosed {brace},\n  eprint = {2404.12345}\n}\n`;
    expect(parseBibtex(text)).toEqual({
      ok: false,
      error: expect.stringMatching(/unbalanced braces.*@article\{broken.*line 11/),
    });
  });

  it('never throws, whatever the text (property)', () => {
    const bibtexish = fc.stringMatching(/^[@{}()"=,#\\a-z0-9 \n.:/'`^~]*$/, { maxLength: 200 });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          bibtexish,
          bibtexish.map((s) => `@misc{k, eprint = {2404.12345}, ${s}`),
        ),
        (text) => {
          const r = parseBibtex(text);
          if (r.ok) {
            expect(r.skipped).toBeGreaterThanOrEqual(0);
            for (const p of r.items) expect(p.id).toMatch(/^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/);
          } else expect(r.error).toMatch(/\S/);
        },
      ),
    );
  });

  it('stays fast on a large file', () => {
    const big = Array.from({ length: 5000 }, (_, i) =>
      ARXIV_ORG.replace('1706.03762', `2404.${String(i).padStart(5, '0')}`),
    ).join('\n');
    const start = performance.now();
    expect(ok(big).items).toHaveLength(5000);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('decodeLatex', () => {
  it.each([
    ["G{\\'o}mez", 'Gómez'],
    ["G\\'omez", 'Gómez'],
    ['M\\"{u}ller', 'Müller'],
    ['{\\"U}ber', 'Über'],
    ['Fran\\c{c}ois', 'François'],
    ['Fran\\c cois', 'François'],
    ['\\v{S}koda', 'Škoda'],
    ["Ram\\'{\\i}rez", 'Ramírez'],
    ['Gau{\\ss}', 'Gauß'],
    ['Stra\\ss e', 'Straße'],
    ['{\\O}stergaard', 'Østergaard'],
    ['{\\L}ukasz', 'Łukasz'],
    ['Erd\\H{o}s', 'Erdős'],
    ['\\AA{}ngstr\\"om', 'Ångström'],
    ['Ca\\~{n}ada Espa\\~na', 'Cañada España'],
    ['{BERT}: {P}re-training', 'BERT: Pre-training'],
    ['100\\% \\& \\$5 \\#1 a\\_b \\{x\\}', '100% & $5 #1 a_b {x}'],
    ['\\emph{Deep} \\textbf{Nets}', 'Deep Nets'],
    ['Non~breaking   and\n  wrapped', 'Non breaking and wrapped'],
    ['$\\alpha$-Net', '-Net'],
    ['\\textbackslash{}n and \\textasciitilde{}', '\\n and ~'],
    ['Dangling \\', 'Dangling'],
  ])('decodes %j as %j', (latex, text) => {
    expect(decodeLatex(latex)).toBe(text);
  });

  it('decodes accented author names in entries', () => {
    const r = ok(`@misc{k, eprint = {2404.12345}, archivePrefix = {arXiv},
      author = {G{\\'o}mez, Jos{\\'e} and M\\"{u}ller, J\\"{u}rgen and {\\L}ukasz Kaiser},
      title = {{\\'E}tude des {LLM}s}}`);
    expect(r.items[0]).toEqual({
      id: '2404.12345',
      title: 'Étude des LLMs',
      authors: ['José Gómez', 'Jürgen Müller', 'Łukasz Kaiser'],
    });
  });
});

describe('parseBibtex: our own export', () => {
  it('reads back the ids, titles, authors and years Papertab wrote', () => {
    const list = [
      saved('2404.12345', {
        title: 'The {BERT} Model: 100% & $x_1$',
        authors: ['José Gómez', 'Research and Development'],
      }),
      saved('hep-th/9901001', { title: 'Strings', authors: [], publishedAt: '1999-01-04T00:00:00.000Z' }),
      saved('2404.00001', { title: 'Unbalanced } brace {' }),
    ];
    expect(ok(toBibtex(list))).toEqual({
      ok: true,
      skipped: 0,
      items: [
        {
          id: '2404.12345',
          title: 'The {BERT} Model: 100% & $x_1$',
          authors: ['José Gómez', 'Research and Development'],
          year: '2024',
        },
        { id: 'hep-th/9901001', title: 'Strings', authors: [], year: '1999' },
        { id: '2404.00001', title: 'Unbalanced } brace {', authors: ['Ada Lovelace', 'Alan Turing'], year: '2024' },
      ],
    });
  });

  it('round-trips the ids of any list (property)', () => {
    // Real new-style ids: from 0704, four digits after the dot until 2014, five from 2015.
    const id = fc
      .tuple(fc.integer({ min: 7, max: 30 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99999 }))
      .filter(([y, m]) => y * 100 + m >= 704)
      .map(([y, m, n]) => {
        const digits = y >= 15 ? 5 : 4;
        return `${String(y).padStart(2, '0')}${String(m).padStart(2, '0')}.${String(n % 10 ** digits).padStart(digits, '0')}`;
      });
    const title = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(id, title), { selector: ([i]) => i, minLength: 1, maxLength: 10 }),
        (papers) => {
          const list = papers.map(([i, t]) => saved(i, { title: t }));
          const r = ok(toBibtex(list));
          expect(r.skipped).toBe(0);
          expect(r.items.map((p) => p.id)).toEqual(list.map((s) => s.id));
        },
      ),
    );
  });
});

describe('parseBibtex: hostile files', () => {
  /** 30 macros, each twice the one before: 600 bytes that would expand to gigabytes. */
  const doubling = (n: number) =>
    [
      '@string{m0 = "0123456789012345678901234567890123456789"}',
      ...Array.from({ length: n }, (_, i) => `@string{m${i + 1} = m${i} # m${i}}`),
      `@misc{k, eprint = {2404.12345}, title = m${n}}`,
    ].join('\n');

  it('refuses @string macros that double themselves, with a clear message, at once', () => {
    const text = doubling(30);
    expect(text.length).toBeLessThan(1000);
    const start = performance.now();
    expect(parseBibtex(text)).toEqual({ ok: false, error: expect.stringMatching(/@string macros expand to too much/) });
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('refuses macros nested past the depth bound even while small', () => {
    const chain = [
      '@string{m0 = "x"}',
      ...Array.from({ length: 40 }, (_, i) => `@string{m${i + 1} = m${i}}`),
      '@misc{k, eprint = {2404.12345}, title = m40}',
    ].join('\n');
    expect(parseBibtex(chain)).toEqual({ ok: false, error: expect.stringMatching(/@string macros/) });
  });

  it('still expands macros a real bibliography uses: many uses, a few levels', () => {
    const uses = Array.from(
      { length: 2000 },
      (_, i) => `@misc{k${i}, eprint = {2404.${String(i).padStart(5, '0')}}, journal = procacl # " 2024", month = jan}`,
    );
    const r = ok(`@string{acl = "Association for Computational Linguistics"}
@string{procacl = "Proceedings of the " # acl}
${uses.join('\n')}`);
    expect(r.items).toHaveLength(2000);
  });

  it('cuts every imported field as the JSON backup does: title 1000, names 300, 1000 authors', () => {
    const r = ok(
      `@misc{k, eprint = {2404.12345}, title = {${'T'.repeat(5000)}}, author = {${Array.from(
        { length: 1500 },
        (_, i) => `Author${i}, A`,
      ).join(' and ')} and ${'L'.repeat(400)}}}`,
    );
    const [p] = r.items;
    expect(p!.title).toHaveLength(1000);
    expect(p!.authors).toHaveLength(1000);
    expect(ok(`@misc{k, eprint = {2404.12345}, author = {${'L'.repeat(400)}}}`).items[0]!.authors[0]).toHaveLength(300);
  });

  it('splits authors at "and" whatever the spacing around it, and only there', () => {
    const r = ok(`@misc{k, eprint = {2404.12345}, author = {Ada Lovelace${' '.repeat(1000)}and\n\tAlan Turing AND
      Grace Hopper and Sandy Andersen and {Barnes and Noble} and Leland Anderson}}`);
    expect(r.items[0]!.authors).toEqual([
      'Ada Lovelace',
      'Alan Turing',
      'Grace Hopper',
      'Sandy Andersen',
      'Barnes and Noble',
      'Leland Anderson',
    ]);
  });

  it('reads accents nested past any sensible depth as plain text, without failing', () => {
    const deep = `${"\\'{".repeat(50)}e${'}'.repeat(50)}`;
    const r = ok(`@misc{k, eprint = {2404.12345}, title = {Caf${deep}}}`);
    expect(r.items[0]!.title).toMatch(/^Caf/);
  });

  it('puts titles and names on one line without bidi controls', () => {
    const r = ok(`@misc{k, eprint = {2404.12345}, title = {Evil\u202E txt.exe\u2066 title},
      author = {Mallory\u202E and Eve\u2067 Smith}}`);
    expect(r.items[0]).toMatchObject({ title: 'Evil txt.exe title', authors: ['Mallory', 'Eve Smith'] });
  });
});
