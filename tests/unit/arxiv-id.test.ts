import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MatchPattern } from 'wxt/utils/match-patterns';
import {
  canonicalUrls,
  isPaperUrl,
  PAPER_LINK_PATTERNS,
  PAPER_URL_PATTERNS,
  paperRefFromUrl,
  parseArxivId,
  type PaperRef,
} from '@/lib/core/arxiv-id';
import { canonicalPaperId } from '@/lib/core/paper-id';

const ref = (id: string, version?: number): PaperRef => ({
  id,
  oldStyle: id.includes('/'),
  ...(version === undefined ? {} : { version }),
});

describe('parseArxivId: what a typed or pasted id means', () => {
  it.each<[string, PaperRef]>([
    ['2404.12345', ref('2404.12345')],
    ['2404.12345v2', ref('2404.12345', 2)],
    ['2404.12345v10', ref('2404.12345', 10)],
    ['0704.0001', ref('0704.0001')],
    ['1412.9999v1', ref('1412.9999', 1)],
    ['1501.00001', ref('1501.00001')],
    ['arXiv:2404.12345', ref('2404.12345')],
    ['ARXIV:2404.12345v3', ref('2404.12345', 3)],
    ['arxiv: 2404.12345', ref('2404.12345')],
    ['  2404.12345v1 \n', ref('2404.12345', 1)],
    ['hep-th/9901001', ref('hep-th/9901001')],
    ['hep-th/9901001v2', ref('hep-th/9901001', 2)],
    ['math.GT/0309136', ref('math/0309136')],
    ['cs/0112017', ref('cs/0112017')],
    ['arXiv:cond-mat/0703001v1', ref('cond-mat/0703001', 1)],
  ])('reads %j', (text, expected) => {
    expect(parseArxivId(text)).toStrictEqual(expected);
  });

  it.each([
    ['', 'empty'],
    ['2404.123', 'too few digits'],
    ['2404.1234', 'four digits after 2014'],
    ['1401.12345', 'five digits before 2015'],
    ['24041.12345', 'five-digit prefix'],
    ['2404.123456', 'six digits'],
    ['2404.12345v0', 'version 0'],
    ['2404.12345v', 'empty version'],
    ['2404.12345v01', 'version with a leading zero'],
    ['2413.00001', 'month 13'],
    ['2400.00001', 'month 00'],
    ['0703.0001', 'new style before April 2007'],
    ['2404.12345x', 'trailing junk'],
    ['2404.12345 v2', 'space before the version'],
    ['2404.12345.pdf', 'a file name'],
    ['x2404.12345', 'leading junk'],
    ['arXiv 2404.12345', 'prefix without colon'],
    ['../etc', 'a path'],
    ['hep-th/990100', 'old style with six digits'],
    ['hep-th/99010011', 'old style with eight digits'],
    ['hep-th/9913001', 'old style month 13'],
    ['HEP-TH/9901001', 'upper-case archive'],
    ['hep-th//9901001', 'double slash'],
    ['https://arxiv.org/abs/2404.12345', 'a URL (use paperRefFromUrl)'],
  ])('rejects %j (%s)', (text) => {
    expect(parseArxivId(text)).toBeUndefined();
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
        parseArxivId(text);
        paperRefFromUrl(text);
      }),
    );
  });

  it('treats non-strings from untrusted payloads as no id', () => {
    expect(parseArxivId(undefined as unknown as string)).toBeUndefined();
    expect(parseArxivId(2404.12345 as unknown as string)).toBeUndefined();
  });
});

// [url, paper or undefined]: real shapes of links people follow, copy and right-click.
const URL_TABLE: [string, PaperRef | undefined][] = [
  // Hugging Face paper pages
  ['https://huggingface.co/papers/2404.12345', ref('2404.12345')],
  ['https://huggingface.co/papers/2404.12345/', ref('2404.12345')],
  ['https://huggingface.co/papers/2404.12345?utm_source=x', ref('2404.12345')],
  ['https://huggingface.co/papers/2404.12345#community', ref('2404.12345')],
  ['https://huggingface.co/papers/2404.12345/discussion', ref('2404.12345')],
  ['http://huggingface.co/papers/0704.0001', ref('0704.0001')],
  ['https://HuggingFace.co/papers/2404.12345', ref('2404.12345')],
  // Hugging Face listings and look-alikes
  ['https://huggingface.co/papers', undefined],
  ['https://huggingface.co/papers/', undefined],
  ['https://huggingface.co/papers?q=diffusion', undefined],
  ['https://huggingface.co/papers/date/2025-01-01', undefined],
  ['https://huggingface.co/papers/week/2025-W01', undefined],
  ['https://huggingface.co/papers/month/2025-01', undefined],
  ['https://huggingface.co/papers/trending', undefined],
  ['https://huggingface.co/papers/hep-th/9901001', undefined],
  ['https://huggingface.co/2404.12345', undefined],
  ['https://huggingface.co/api/papers/2404.12345', undefined],
  ['https://www.huggingface.co/papers/2404.12345', undefined],
  ['https://huggingface.co.evil.com/papers/2404.12345', undefined],
  // arXiv abstract pages
  ['https://arxiv.org/abs/2404.12345', ref('2404.12345')],
  ['https://arxiv.org/abs/2404.12345v2', ref('2404.12345', 2)],
  ['https://arxiv.org/abs/2404.12345/', ref('2404.12345')],
  ['https://arxiv.org/abs/2404.12345?context=cs', ref('2404.12345')],
  ['https://www.arxiv.org/abs/2404.12345', ref('2404.12345')],
  ['https://export.arxiv.org/abs/2404.12345v1', ref('2404.12345', 1)],
  ['http://arxiv.org/abs/0704.0001', ref('0704.0001')],
  ['https://arxiv.org/abs/hep-th/9901001', ref('hep-th/9901001')],
  ['https://arxiv.org/abs/hep-th/9901001v2', ref('hep-th/9901001', 2)],
  ['https://arxiv.org/abs/math.GT/0309136', ref('math/0309136')],
  ['https://arxiv.org/abs/cs/0112017', ref('cs/0112017')],
  // arXiv PDFs
  ['https://arxiv.org/pdf/2404.12345', ref('2404.12345')],
  ['https://arxiv.org/pdf/2404.12345v3', ref('2404.12345', 3)],
  ['https://arxiv.org/pdf/2404.12345.pdf', ref('2404.12345')],
  ['https://arxiv.org/pdf/2404.12345v3.pdf', ref('2404.12345', 3)],
  ['https://export.arxiv.org/pdf/2404.12345', ref('2404.12345')],
  ['https://arxiv.org/pdf/hep-th/9901001v1', ref('hep-th/9901001', 1)],
  ['https://arxiv.org/pdf/hep-th/9901001v1.pdf', ref('hep-th/9901001', 1)],
  // arXiv HTML renderings
  ['https://arxiv.org/html/2404.12345', ref('2404.12345')],
  ['https://arxiv.org/html/2404.12345v2', ref('2404.12345', 2)],
  ['https://arxiv.org/html/2404.12345v2/', ref('2404.12345', 2)],
  ['https://arxiv.org/html/2404.12345v1/#S3', ref('2404.12345', 1)],
  ['https://arxiv.org/html/2404.12345v1/x1.png', ref('2404.12345', 1)],
  ['https://www.arxiv.org/html/2404.12345', ref('2404.12345')],
  // arXiv pages that are not a paper, or not one of ours
  ['https://arxiv.org/', undefined],
  ['https://arxiv.org/list/cs.CL/recent', undefined],
  ['https://arxiv.org/format/2404.12345', undefined],
  ['https://arxiv.org/abs/2404.12345.pdf', undefined],
  ['https://arxiv.org/html/2404.12345.pdf', undefined],
  ['https://arxiv.org/abs/2404.123', undefined],
  ['https://arxiv.org/abs/2413.00001', undefined],
  ['https://arxiv.org/abs/2404.12345v0', undefined],
  ['https://arxiv.org/abs/2404.12345junk', undefined],
  ['https://arxiv.org/abs/hep-th/990100', undefined],
  ['https://arxiv.org/abs/../etc/passwd', undefined],
  ['https://arxiv.org/abs/', undefined],
  ['https://arxiv.org/ABS/2404.12345', undefined],
  // Other hosts, schemes and ports
  ['https://arxiv.org.evil.com/abs/2404.12345', undefined],
  ['https://evil.com/abs/2404.12345', undefined],
  ['https://evil.com/?u=https://arxiv.org/abs/2404.12345', undefined],
  ['https://arxiv.org@evil.com/abs/2404.12345', undefined],
  ['https://scirate.arxiv.org/abs/2404.12345', undefined],
  ['https://arxiv.org:8443/abs/2404.12345', undefined],
  ['ftp://arxiv.org/abs/2404.12345', undefined],
  ['javascript:alert("https://arxiv.org/abs/2404.12345")', undefined],
  ['arxiv.org/abs/2404.12345', undefined],
  ['2404.12345', undefined],
  ['', undefined],
];

describe('paperRefFromUrl: which pages show a paper', () => {
  it.each(URL_TABLE)('%s → %j', (url, expected) => {
    expect(paperRefFromUrl(url)).toStrictEqual(expected);
    expect(isPaperUrl(url)).toBe(expected !== undefined);
  });
});

// Ids as arXiv issues them: April 2007 on; four digits until 2014, five from 2015.
const newStyleId = fc
  .record({ yy: fc.integer({ min: 7, max: 99 }), mm: fc.integer({ min: 1, max: 12 }), n: fc.nat() })
  .filter(({ yy, mm }) => yy > 7 || mm >= 4)
  .map(({ yy, mm, n }) => {
    const width = yy >= 15 ? 5 : 4;
    const number = String(n % 10 ** width).padStart(width, '0');
    return `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}.${number}`;
  });
const oldStyleId = fc
  .record({
    archive: fc.constantFrom('hep-th', 'hep-ph', 'astro-ph', 'cond-mat', 'quant-ph', 'gr-qc', 'math', 'cs', 'nlin'),
    subject: fc.option(fc.constantFrom('GT', 'AG', 'AI', 'CL', 'PS'), { nil: undefined }),
    yy: fc.integer({ min: 0, max: 99 }),
    mm: fc.integer({ min: 1, max: 12 }),
    n: fc.integer({ min: 1, max: 999 }),
  })
  .map(({ archive, subject, yy, mm, n }) => {
    const date = `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}`;
    return `${archive}${subject ? `.${subject}` : ''}/${date}${String(n).padStart(3, '0')}`;
  });
const version = fc.integer({ min: 1, max: 999 });

describe('every URL form names the same paper', () => {
  it('new-style ids, with and without version, on every host and route', () => {
    fc.assert(
      fc.property(newStyleId, version, (id, v) => {
        const unversioned = [
          `https://huggingface.co/papers/${id}`,
          `https://huggingface.co/papers/${id}/`,
          `https://huggingface.co/papers/${id}?ref=x#community`,
          ...Object.values(canonicalUrls({ id, oldStyle: false })),
        ];
        const versioned = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org'].flatMap((host) => [
          `https://${host}/abs/${id}v${v}`,
          `https://${host}/pdf/${id}v${v}`,
          `https://${host}/pdf/${id}v${v}.pdf`,
          `https://${host}/html/${id}v${v}`,
          `https://${host}/html/${id}v${v}/#S3`,
          `http://${host}/abs/${id}v${v}`,
        ]);
        for (const url of unversioned) expect(paperRefFromUrl(url)).toStrictEqual({ id, oldStyle: false });
        for (const url of versioned) expect(paperRefFromUrl(url)).toStrictEqual({ id, version: v, oldStyle: false });
        expect(parseArxivId(`arXiv:${id}v${v}`)).toStrictEqual({ id, version: v, oldStyle: false });
      }),
    );
  });

  it('old-style ids on every arXiv route', () => {
    fc.assert(
      fc.property(oldStyleId, version, (written, v) => {
        // Written with or without its subject class, the paper has one key: without it.
        const id = canonicalPaperId(written);
        const { abs, pdf } = canonicalUrls({ id: written, oldStyle: true });
        for (const url of [abs, pdf, `${pdf}.pdf`]) expect(paperRefFromUrl(url)).toStrictEqual({ id, oldStyle: true });
        for (const url of [`${abs}v${v}`, `${pdf}v${v}.pdf`, `https://arxiv.org/html/${written}v${v}/`]) {
          expect(paperRefFromUrl(url)).toStrictEqual({ id, version: v, oldStyle: true });
        }
        expect(parseArxivId(`${written}v${v}`)).toStrictEqual({ id, version: v, oldStyle: true });
      }),
    );
  });
});

describe('canonicalUrls', () => {
  it('links to the latest version on each site', () => {
    expect(canonicalUrls({ id: '2404.12345', version: 2, oldStyle: false })).toStrictEqual({
      hf: 'https://huggingface.co/papers/2404.12345',
      abs: 'https://arxiv.org/abs/2404.12345',
      pdf: 'https://arxiv.org/pdf/2404.12345',
    });
  });

  it('keeps the slash of old-style ids (Hugging Face has no page for them)', () => {
    expect(canonicalUrls({ id: 'hep-th/9901001', oldStyle: true })).toStrictEqual({
      hf: 'https://huggingface.co/papers/hep-th/9901001',
      abs: 'https://arxiv.org/abs/hep-th/9901001',
      pdf: 'https://arxiv.org/pdf/hep-th/9901001',
    });
  });
});

describe('match patterns agree with paperRefFromUrl', () => {
  const matches = (patterns: string[], url: string) => patterns.some((p) => new MatchPattern(p).includes(url));
  const httpsPapers = URL_TABLE.filter(([url, expected]) => expected && url.startsWith('https://')).map(([url]) => url);

  it('are all valid match patterns', () => {
    for (const pattern of PAPER_LINK_PATTERNS) expect(() => new MatchPattern(pattern)).not.toThrow();
    expect(PAPER_LINK_PATTERNS).toEqual(expect.arrayContaining(PAPER_URL_PATTERNS));
  });

  it.each(httpsPapers)('a link to %s gets the context menu', (url) => {
    expect(matches(PAPER_LINK_PATTERNS, url)).toBe(true);
  });

  it.each(httpsPapers)('the page %s gets the content script unless it is a PDF or the export mirror', (url) => {
    const htmlPage = !/\/\/export\.|\/pdf\//.test(url);
    expect(matches(PAPER_URL_PATTERNS, url)).toBe(htmlPage);
  });

  it.each([
    'https://arxiv.org.evil.com/abs/2404.12345',
    'https://evil.com/abs/2404.12345',
    'https://arxiv.org/list/cs.CL/recent',
    'https://huggingface.co/papers',
  ])('%s is not matched', (url) => {
    expect(matches(PAPER_LINK_PATTERNS, url)).toBe(false);
  });
});
