import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import type { Paper } from '@/lib/core/paper';
import { highlightParts, type HighlightPart } from '@/lib/search/text-match';
import { storedSearch } from '../support/stored-search';
import { fold, words } from '@/lib/search/text-match';
import { withinOneEdit } from '@/lib/search/terms';
import {
  findTerm,
  lowerBoundTerm,
  termAt,
  termCount,
  termStartsWith,
  termsOfLength,
  termWithinOneEdit,
  vocabulary,
} from '@/lib/search/vocabulary';
import { hostileItem, makeDay } from '../fixtures/papers';

const DAY = '2025-11-04';
const [template] = parseDailyItems(makeDay(DAY, 1), DAY, 0).items;

/** A realistic paper whose searchable text is only what the test gives. */
function paper(id: string, fields: Partial<Paper>): Paper {
  const { organization: _, ...rest } = template!;
  return { ...rest, id, title: '', summary: '', authors: [], aiKeywords: [], upvotes: 0, ...fields };
}

const quokka = paper('2511.00001', {
  title: 'Quokka: Sparse Attention for Tide Prediction',
  summary: 'We forecast coastal water levels with a marmalade of physical priors and learned corrections.',
  authors: ['Ana Gómez', 'Wei Chen'],
  aiKeywords: ['ocean forecasting', 'sparse attention'],
  organization: { name: 'oceanai', fullname: 'Tidewater Institute' },
  upvotes: 12,
});
const wombat = paper('2511.00002', {
  title: 'Wombat: Burrowing Agents for Web Navigation',
  summary: 'Agents that dig through websites. Unlike Quokka, it needs no tide tables.',
  authors: ['Chloé Dubois'],
  aiKeywords: ['web agents'],
  upvotes: 40,
});

function ids(papers: Paper[]): string[] {
  return papers.map((p) => p.id);
}

function find(query: string, papers: Paper[] = [quokka, wombat]): string[] {
  return ids(storedSearch(papers).search(query).papers);
}

describe('search: one box over every cached field', () => {
  it.each([
    ['title', 'burrowing', wombat],
    ['abstract', 'marmalade', quokka],
    ['author', 'dubois', wombat],
    ['keyword', 'forecasting', quokka],
    ['organization name', 'oceanai', quokka],
    ['organization full name', 'tidewater', quokka],
  ])('finds a paper by its %s', (_field, query, expected) => {
    expect(find(query)).toEqual([expected.id]);
  });

  it('requires every word to match, in any field', () => {
    expect(find('quokka')).toEqual([quokka.id, wombat.id]);
    expect(find('quokka marmalade')).toEqual([quokka.id]);
    expect(find('quokka websites')).toEqual([wombat.id]);
    expect(find('quokka burrowing marmalade')).toEqual([]);
  });

  it('matches the word being typed as a prefix, from the third letter', () => {
    for (const typed of ['mar', 'marm', 'marma', 'marmal', 'marmalade']) expect(find(typed)).toEqual([quokka.id]);
    expect(find('ma')).toEqual([]);
    expect(find('tide pred')).toEqual([quokka.id]);
    expect(find('web nav')).toEqual([wombat.id]);
  });

  it('matches one- and two-letter words whole: acronyms and short names', () => {
    const rl = paper('2511.00004', { title: 'RL for C', authors: ['Yi Li'] });
    const other = paper('2511.00005', { title: 'Rlhf and Lion Optimizers', summary: 'Curated data.' });
    expect(find('rl', [rl, other])).toEqual([rl.id]);
    expect(find('li', [rl, other])).toEqual([rl.id]);
    expect(find('c', [rl, other])).toEqual([rl.id]);
  });

  it('ignores case and accents on both sides', () => {
    expect(find('gomez')).toEqual([quokka.id]);
    expect(find('GÓMEZ')).toEqual([quokka.id]);
    expect(find('chloe')).toEqual([wombat.id]);
    expect(find('chloé dubois')).toEqual([wombat.id]);
    const decomposed = paper('2511.00003', { title: 'Notes', authors: ['Lucía Go\u0301mez'] });
    expect(find('gómez lucia', [decomposed])).toEqual([decomposed.id]);
  });

  it('forgives one typo in words of five letters or more, not in shorter ones', () => {
    expect(find('marmelade')).toEqual([quokka.id]);
    expect(find('wombta')).toEqual([]); // a swap is two edits
    expect(find('wonbat')).toEqual([wombat.id]);
    expect(find('tode')).toEqual([]);
  });

  it('forgives typos only in words that are nowhere in the cache', () => {
    const models = paper('2511.00006', { title: 'World Models' });
    const modes = paper('2511.00007', { title: 'Failure Modes' });
    expect(find('models', [models, modes])).toEqual([models.id]);
    expect(find('modells', [models, modes])).toEqual([models.id]);
    expect(find('modez', [models, modes])).toEqual([modes.id]);
  });

  it.each(['', '   ', '\n\t', '()', 'the', 'a'])('returns nothing for the query %j', (query) => {
    expect(storedSearch([quokka, wombat]).search(query)).toEqual({ papers: [], terms: [] });
  });

  it('ranks a title match above a keyword or author match, and those above an abstract match', () => {
    const inAbstract = paper('2511.00010', { title: 'Other', summary: 'A note on lattice methods.', upvotes: 999 });
    const inKeywords = paper('2511.00011', { title: 'Another', aiKeywords: ['lattice'], upvotes: 500 });
    const inTitle = paper('2511.00012', { title: 'Lattice Methods', upvotes: 1 });
    expect(find('lattice', [inAbstract, inKeywords, inTitle])).toEqual([inTitle.id, inKeywords.id, inAbstract.id]);
  });

  it('breaks ties by upvotes', () => {
    const same = { title: 'Twin Papers on Lattices', summary: 'Identical text.' };
    const papers = [
      paper('2511.00020', { ...same, upvotes: 3 }),
      paper('2511.00021', { ...same, upvotes: 30 }),
      paper('2511.00022', { ...same, upvotes: 7 }),
    ];
    expect(find('twin lattices', papers)).toEqual(['2511.00021', '2511.00022', '2511.00020']);
  });

  it('returns the matched words of the papers, folded, for highlighting', () => {
    const index = storedSearch([quokka, wombat]);
    expect(index.search('marm').terms).toEqual(['marmalade']);
    expect(index.search('marmelade').terms).toEqual(['marmalade']);
    expect(index.search('GÓM').terms).toEqual(['gomez']);
    expect(new Set(index.search('quokka tid').terms)).toEqual(new Set(['quokka', 'tide', 'tidewater']));
  });

  it('finds fixture papers by words of their feed text, each result matching every word', () => {
    const papers = [0, 1, 2].flatMap((seed) => parseDailyItems(makeDay(DAY, 40, seed + 1), DAY, 0).items);
    const index = storedSearch(papers);
    const { papers: found } = index.search('diffusion vid');
    expect(found.length).toBeGreaterThan(0);
    for (const p of found) {
      const text = [p.title, p.summary, ...p.authors, ...p.aiKeywords].join(' ').toLowerCase();
      expect(text).toMatch(/\bdiffusion/);
      expect(text).toMatch(/\bvid/);
    }
  });

  it('indexes hostile text as words and never returns markup as a term', () => {
    const [hostile] = parseDailyItems([hostileItem(DAY)], DAY, 0).items;
    const { papers, terms } = storedSearch([hostile!, quokka]).search('hostile');
    expect(ids(papers)).toEqual([hostile!.id]);
    expect(terms).toEqual(['hostile']);
    expect(storedSearch([hostile!]).search('<script>').terms.join()).not.toMatch(/[<>]/);
  });
});

describe('search index: kept in step with the cache', () => {
  it('re-indexes a paper whose text changed: new words find it, old ones no longer do', () => {
    const index = storedSearch([quokka, wombat]);
    index.upsert([{ ...quokka, title: 'Platypus: Dense Attention for River Levels' }]);
    expect(ids(index.search('platypus').papers)).toEqual([quokka.id]);
    expect(ids(index.search('tide pred').papers)).toEqual([]);
    expect(ids(index.search('marmalade').papers)).toEqual([quokka.id]);
    expect(index.size).toBe(2);
  });

  it('returns the newest version of a paper whose text did not change', () => {
    const index = storedSearch([quokka]);
    const updated = { ...quokka, upvotes: 99 };
    index.upsert([updated]);
    expect(index.search('quokka').papers[0]).toBe(updated);
  });

  it('uses current upvotes to break ties', () => {
    const a = paper('2511.00030', { title: 'Same Words', upvotes: 10 });
    const b = paper('2511.00031', { title: 'Same Words', upvotes: 5 });
    const index = storedSearch([a, b]);
    expect(ids(index.search('same words').papers)).toEqual([a.id, b.id]);
    index.upsert([{ ...b, upvotes: 50 }]);
    expect(ids(index.search('same words').papers)).toEqual([b.id, a.id]);
  });

  it('adds new papers, and takes the last of duplicate ids in one batch', () => {
    const index = storedSearch([]);
    index.upsert([quokka, { ...quokka, title: 'Quokka Revised' }, wombat]);
    expect(index.size).toBe(2);
    expect(index.search('revised').papers.map((p) => p.title)).toEqual(['Quokka Revised']);
    expect(ids(index.search('sparse').papers)).toEqual([quokka.id]); // still in its keywords
  });

  it('forgets removed papers, ignores unknown ids, and can index them again', () => {
    const index = storedSearch([quokka, wombat]);
    index.remove([quokka.id, '9999.99999']);
    expect(ids(index.search('quokka').papers)).toEqual([wombat.id]);
    expect(ids(index.search('marmalade').papers)).toEqual([]);
    expect(index.size).toBe(1);
    index.upsert([quokka]);
    expect(ids(index.search('marmalade').papers)).toEqual([quokka.id]);
  });
});

/** Levenshtein distance, the textbook way: the reference the index's typo rule is checked against. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/** Which papers a query must find, by brute force over every paper's words (stop words left to the index). */
function reference(papers: Paper[], query: string): Set<string> {
  const text = (p: Paper) =>
    [
      p.title,
      p.summary,
      ...p.authors,
      ...p.aiKeywords,
      p.organization?.name ?? '',
      p.organization?.fullname ?? '',
    ].join(' ');
  const wordsOf = new Map(papers.map((p) => [p.id, new Set(words(text(p)).map(fold))]));
  const vocabulary = new Set([...wordsOf.values()].flatMap((w) => [...w]));
  const queryWords = words(query).map(fold);
  const matches = (w: string, t: string) =>
    t === w || (w.length >= 3 && t.startsWith(w)) || (w.length >= 5 && !vocabulary.has(w) && distance(w, t) <= 1);
  return new Set(
    papers.filter((p) => queryWords.every((w) => [...wordsOf.get(p.id)!].some((t) => matches(w, t)))).map((p) => p.id),
  );
}

describe('search index: the same answers as brute force', () => {
  const vocab = [
    'graph',
    'graphs',
    'grape',
    'diffusion',
    'diffuse',
    'video',
    'vision',
    'model',
    'models',
    'modes',
    'agent',
    'agents',
    'agentic',
    'rl',
    'li',
    'quokka',
    'gómez',
    'gomes',
    'lattice',
    'latte',
  ];
  const text = fc.array(fc.constantFrom(...vocab), { maxLength: 6 }).map((w) => w.join(' '));
  const paperArb = fc.record({ title: text, summary: text, author: text, keyword: text, upvotes: fc.nat(50) });
  const queryWord = fc.oneof(
    fc.constantFrom(...vocab),
    fc.constantFrom(...vocab).map((w) => w.slice(0, 3 + (w.length % 3))), // a word being typed
    fc.constantFrom('grapj', 'diffusoin', 'modell', 'agnet', 'lattise', 'xyz', 'vid', 'gr'), // typos and misses
  );

  it('finds exactly the papers in which every word matches, each once', () => {
    fc.assert(
      fc.property(
        fc.array(paperArb, { minLength: 1, maxLength: 25 }),
        fc.array(queryWord, { minLength: 1, maxLength: 3 }),
        (rows, q) => {
          const papers = rows.map((r, i) =>
            paper(`2511.${String(i).padStart(5, '0')}`, {
              title: r.title,
              summary: r.summary,
              authors: r.author ? [r.author] : [],
              aiKeywords: r.keyword ? [r.keyword] : [],
              upvotes: r.upvotes,
            }),
          );
          const query = q.join(' ');
          const found = storedSearch(papers).search(query).papers;
          expect(new Set(ids(found))).toEqual(reference(papers, query));
          expect(found.length).toBe(new Set(ids(found)).size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays right through heavy churn: thousands of re-indexed and removed papers', () => {
    const index = storedSearch([]);
    const current = new Map<string, Paper>();
    const colour = ['amber', 'cobalt', 'indigo', 'olive', 'scarlet', 'violet'];
    for (let round = 0; round < 6; round++) {
      const batch = Array.from({ length: 500 }, (_, i) =>
        paper(`2511.${String(i).padStart(5, '0')}`, { title: `${vocab[(i + round) % vocab.length]} ${colour[round]}` }),
      );
      index.upsert(batch);
      for (const p of batch) current.set(p.id, p);
      const gone = batch.filter((_, i) => i % 7 === round).map((p) => p.id);
      index.remove(gone);
      for (const id of gone) current.delete(id);
    }
    expect(index.size).toBe(current.size);
    expect(new Set(ids(index.search('violet').papers))).toEqual(new Set(current.keys()));
    expect(index.search('scarlet').papers).toEqual([]);
    const all = [...current.values()];
    for (const q of ['graph', 'diffu', 'agnet', 'latt violet']) {
      expect(new Set(ids(index.search(q).papers))).toEqual(reference(all, q));
    }
  });
});

/** Parts as a compact string: matches in [brackets]. */
function show(parts: HighlightPart[]): string {
  return parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join('');
}

describe('withinOneEdit: the typo rule', () => {
  it('says two words are one edit apart exactly when their Levenshtein distance is at most 1', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), maxLength: 7 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(withinOneEdit(a, b)).toBe(distance(a, b) <= 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the stored vocabulary, read in place', () => {
  it('finds, bounds, and groups by length as the sorted list of terms would', () => {
    const term = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '東'), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.uniqueArray(term, { maxLength: 30 }), term, (list, x) => {
        const terms = [...list].sort();
        const v = vocabulary(terms.join('\n'));
        expect(termCount(v)).toBe(terms.length);
        expect(terms.map((_, t) => termAt(v, t))).toEqual(terms);
        const bound = terms.findIndex((t) => t >= x);
        expect(lowerBoundTerm(v, x)).toBe(bound < 0 ? terms.length : bound);
        expect(findTerm(v, x)).toBe(terms.indexOf(x));
        expect([...termsOfLength(v, x.length)].map((t) => terms[t])).toEqual(
          terms.filter((t) => t.length === x.length),
        );
        for (let t = 0; t < terms.length; t++) {
          expect(termStartsWith(v, t, x)).toBe(terms[t]!.startsWith(x));
          expect(termWithinOneEdit(v, t, x)).toBe(withinOneEdit(x, terms[t]!));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('highlightParts: which parts of a text to mark', () => {
  it('marks every occurrence of each term, keeping the text as written', () => {
    expect(show(highlightParts('Video Diffusion models for video', ['diffusion', 'video']))).toBe(
      '[Video] [Diffusion] models for [video]',
    );
  });

  it('marks only the start of a word that a term is a prefix of', () => {
    expect(show(highlightParts('Diffusion is diffuse', ['diffu']))).toBe('[Diffu]sion is [diffu]se');
    expect(show(highlightParts('Transformers', ['former']))).toBe('Transformers');
  });

  it('prefers the longest of overlapping terms', () => {
    expect(show(highlightParts('Transformers transform', ['trans', 'transformers', 'transform']))).toBe(
      '[Transformers] [transform]',
    );
    expect(show(highlightParts('diffusion diffuse', ['diffusion', 'diff']))).toBe('[diffusion] [diff]use');
  });

  it('ignores accents and case, returning the original characters', () => {
    expect(show(highlightParts('Ana Gómez and ANA GOMEZ', ['gomez']))).toBe('Ana [Gómez] and ANA [GOMEZ]');
    expect(show(highlightParts('Ana Gomez', ['gómez']))).toBe('Ana [Gomez]');
    expect(show(highlightParts('Chloé, Léa', ['chloe', 'le']))).toBe('[Chloé], [Lé]a');
    // Decomposed accents stay with their letter.
    expect(show(highlightParts('Go\u0301mez', ['go']))).toBe('[Go\u0301]mez');
    expect(show(highlightParts('Go\u0301mez', ['gomez']))).toBe('[Go\u0301mez]');
    expect(show(highlightParts('ΟΔΟΣ', ['οδος']))).toBe('[ΟΔΟΣ]');
  });

  it('treats regex characters in terms as text', () => {
    expect(show(highlightParts('Fast C++ kernels (and C#) .* $1', ['c++', 'c#', '(', '.*', '$', '\\', '[']))).toBe(
      'Fast [C++] kernels (and [C#]) .* $1',
    );
    expect(show(highlightParts('C and C++', ['c++']))).toBe('C and [C++]');
    expect(show(highlightParts('C and C++', ['c']))).toBe('[C] and [C]++');
  });

  it('leaves HTML-looking text as plain text parts', () => {
    const text = '<b>x</b> & <script>alert(1)</script>';
    const parts = highlightParts(text, ['x', 'script']);
    expect(show(parts)).toBe('<b>[x]</b> & <[script]>alert(1)</[script]>');
  });

  it.each([
    ['', ['x']],
    ['plain text', []],
    ['plain text', ['', '  ', '()']],
    ['<img src=x onerror=alert(1)>', ['img', 'onerror']],
    ['naïve café, ΟΔΟΣ, 東京 and emoji 🧪 test', ['naive', 'cafe', 'οδ', '東京', 'test']],
  ])('always gives back exactly the text it was given (%j)', (text, terms) => {
    expect(
      highlightParts(text, terms)
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
  });

  it('highlights the words a search matched', () => {
    const { papers, terms } = storedSearch([quokka, wombat]).search('gom tide');
    expect(show(highlightParts(papers[0]!.authors.join(', '), terms))).toBe('Ana [Gómez], Wei Chen');
    expect(show(highlightParts(papers[0]!.title, terms))).toBe('Quokka: Sparse Attention for [Tide] Prediction');
  });
});
