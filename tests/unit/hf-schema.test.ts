import { describe, expect, it } from 'vitest';
import { featuredDay, parseDailyItems, parsePaper } from '@/lib/hf/hf-schema';
import type { Paper } from '@/lib/core/paper';
import { hostileItem, makeDailyItem, makeDay } from '../fixtures/papers';

const DAY = '2025-03-04';
const FETCHED_AT = Date.parse('2025-03-04T09:30:00Z');

/** A small, complete Daily Papers item in the shape documented in hf-api.md. */
function item(paper: Record<string, unknown> = {}, top: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    paper: {
      id: '2503.01234',
      title: 'Sparse Attention for Long Video Understanding',
      summary: 'We study sparse attention.',
      authors: [
        { _id: 'a1', name: 'Ada Lovelace', hidden: false },
        { _id: 'a2', name: 'Alan Turing', hidden: false },
      ],
      publishedAt: '2025-03-02T00:00:00.000Z',
      submittedOnDailyAt: '2025-03-03T21:15:00.000Z',
      submittedOnDailyBy: {
        _id: 'u0',
        name: 'nielsr',
        fullname: 'Niels Rogge',
        avatarUrl: 'https://cdn-avatars.huggingface.co/nielsr.png',
      },
      upvotes: 12,
      discussionId: '662a0000',
      ai_summary: 'Sparse attention makes long videos cheap.',
      ai_keywords: ['sparse attention', 'video'],
      githubRepo: 'https://github.com/org/repo',
      githubStars: 310,
      projectPage: 'https://org.github.io/repo/',
      ...paper,
    },
    publishedAt: '2025-03-03T21:15:00.000Z',
    title: 'Sparse Attention for Long Video Understanding',
    summary: 'We study sparse attention.',
    thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2503.01234.png',
    numComments: 3,
    submittedBy: {
      _id: 'u1',
      name: 'akhaliq',
      fullname: 'AK',
      avatarUrl: 'https://cdn-avatars.huggingface.co/ak.png',
      isPro: true,
      type: 'user',
    },
    isAuthorParticipating: false,
    ...top,
  };
}

/** Parses one item and returns the single paper it must yield. */
function one(entry: unknown, day: string = DAY): Paper {
  const { items, dropped } = parseDailyItems([entry], day, FETCHED_AT);
  expect(dropped).toBe(0);
  expect(items).toHaveLength(1);
  return items[0]!;
}

/** Parses one item that must be rejected. */
function rejected(entry: unknown): void {
  expect(parseDailyItems([entry], DAY, FETCHED_AT)).toEqual({ items: [], dropped: 1, undated: [] });
}

const PAPER_KEYS = [
  'id',
  'title',
  'summary',
  'authors',
  'publishedAt',
  'day',
  'upvotes',
  'numComments',
  'thumbnail',
  'aiSummary',
  'aiKeywords',
  'githubRepo',
  'githubStars',
  'projectPage',
  'organization',
  'submittedBy',
  'fetchedAt',
];

describe('parseDailyItems: well-formed items', () => {
  it('turns a complete Daily Papers item into exactly the Paper the UI shows', () => {
    expect(one(item())).toEqual({
      id: '2503.01234',
      title: 'Sparse Attention for Long Video Understanding',
      summary: 'We study sparse attention.',
      authors: ['Ada Lovelace', 'Alan Turing'],
      publishedAt: '2025-03-02T00:00:00.000Z',
      day: DAY,
      upvotes: 12,
      numComments: 3,
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2503.01234.png',
      aiSummary: 'Sparse attention makes long videos cheap.',
      aiKeywords: ['sparse attention', 'video'],
      githubRepo: 'https://github.com/org/repo',
      githubStars: 310,
      projectPage: 'https://org.github.io/repo/',
      submittedBy: { name: 'akhaliq', fullname: 'AK', avatarUrl: 'https://cdn-avatars.huggingface.co/ak.png' },
      fetchedAt: FETCHED_AT,
    } satisfies Paper);
  });

  it('files every paper under the day that was asked for, not the day its timestamps suggest', () => {
    // submittedOnDailyAt is the evening before: HF's day boundary is not UTC midnight.
    expect(one(item(), '2025-03-04').day).toBe('2025-03-04');
  });

  it('can file papers of a week or month listing under the day each was featured', () => {
    const { items } = parseDailyItems(
      [
        item({ id: '2503.00001', submittedOnDailyAt: '2025-03-05T08:00:00.000Z' }),
        item({ id: '2503.00002', submittedOnDailyAt: undefined }),
      ],
      featuredDay,
      FETCHED_AT,
    );
    expect(items.map((p) => [p.id, p.day])).toEqual([
      ['2503.00001', '2025-03-05'],
      // No submittedOnDailyAt (payloads before March 2025): the day the item entered the feed.
      ['2503.00002', '2025-03-03'],
    ]);
  });

  it('keeps every paper of a realistic generated day, in feed order, with nothing dropped', () => {
    const day = makeDay(DAY, 40);
    const { items, dropped } = parseDailyItems(day, DAY, FETCHED_AT);
    expect(dropped).toBe(0);
    expect(items.map((p) => p.id)).toEqual(day.map((d) => d.paper.id));
    expect(items.map((p) => p.upvotes)).toEqual(day.map((d) => d.paper.upvotes));
    for (const p of items) {
      expect(p.day).toBe(DAY);
      expect(p.title.length).toBeGreaterThan(0);
      expect(p.authors.length).toBeGreaterThan(0);
    }
  });

  it('normalises arXiv dates to full ISO timestamps so they sort and format consistently', () => {
    expect(one(item({ publishedAt: '2025-03-02' })).publishedAt).toBe('2025-03-02T00:00:00.000Z');
    expect(one(item({ publishedAt: '2025-03-02T10:00:00+02:00' })).publishedAt).toBe('2025-03-02T08:00:00.000Z');
  });

  it('shows the organisation of the paper, or of the feed item when the paper names none', () => {
    const org = {
      _id: 'o1',
      name: 'codefuse-ai',
      fullname: 'CodeFuse AI',
      avatar: 'https://cdn-avatars.huggingface.co/org.png',
    };
    const other = { name: 'other-org', fullname: 'Other' };
    expect(one(item({ organization: org }, { organization: other })).organization).toEqual({
      name: 'codefuse-ai',
      fullname: 'CodeFuse AI',
      avatar: 'https://cdn-avatars.huggingface.co/org.png',
    });
    expect(one(item({}, { organization: other })).organization).toEqual({ name: 'other-org', fullname: 'Other' });
  });

  it("credits the feed item's submitter, or the paper's when the item names none", () => {
    expect(one(item()).submittedBy?.name).toBe('akhaliq');
    expect(one(item({}, { submittedBy: undefined })).submittedBy).toEqual({
      name: 'nielsr',
      fullname: 'Niels Rogge',
      avatarUrl: 'https://cdn-avatars.huggingface.co/nielsr.png',
    });
  });

  it("uses the feed item's abstract when the paper's own abstract is missing", () => {
    expect(one(item({ summary: undefined }, { summary: 'Top-level abstract.' })).summary).toBe('Top-level abstract.');
  });
});

describe('parseDailyItems: partial items are kept', () => {
  it('keeps a paper with only an id and a title, with safe defaults for the rest', () => {
    const p = one({ paper: { id: '2503.01234', title: 'Only a title' } });
    expect(p).toEqual({
      id: '2503.01234',
      title: 'Only a title',
      summary: '',
      authors: [],
      day: DAY,
      upvotes: 0,
      numComments: 0,
      aiKeywords: [],
      fetchedAt: FETCHED_AT,
    } satisfies Paper);
    // Absent, not present-but-undefined: merging this record must not erase values known from elsewhere.
    for (const key of [
      'publishedAt',
      'thumbnail',
      'aiSummary',
      'githubRepo',
      'githubStars',
      'projectPage',
      'organization',
      'submittedBy',
    ]) {
      expect(Object.hasOwn(p, key), key).toBe(false);
    }
  });

  it('treats null optional fields like missing ones', () => {
    const p = one(
      item(
        {
          ai_summary: null,
          githubRepo: null,
          githubStars: null,
          projectPage: null,
          organization: null,
          submittedOnDailyBy: null,
          publishedAt: null,
        },
        { thumbnail: null, numComments: null, submittedBy: null, organization: null },
      ),
    );
    expect(p.id).toBe('2503.01234');
    for (const key of [
      'aiSummary',
      'githubRepo',
      'githubStars',
      'projectPage',
      'organization',
      'submittedBy',
      'publishedAt',
      'thumbnail',
    ]) {
      expect(Object.hasOwn(p, key), key).toBe(false);
    }
    expect(p.numComments).toBe(0);
  });
});

describe('parseDailyItems: malformed optional fields are dropped, the paper is kept', () => {
  it('drops a non-numeric star count', () => {
    const p = one(item({ githubStars: 'many' }));
    expect(Object.hasOwn(p, 'githubStars')).toBe(false);
    expect(p.githubRepo).toBe('https://github.com/org/repo');
  });

  it('shows 0 upvotes for a negative, fractional or textual count', () => {
    expect(one(item({ upvotes: -3 })).upvotes).toBe(0);
    expect(one(item({ upvotes: 2.5 })).upvotes).toBe(0);
    expect(one(item({ upvotes: '12' })).upvotes).toBe(0);
  });

  it('falls back to 0 comments when the count is malformed', () => {
    expect(one(item({}, { numComments: 'lots' })).numComments).toBe(0);
    expect(one(item({ numComments: 7 }, { numComments: -1 })).numComments).toBe(7);
  });

  it('drops an unparseable publication date', () => {
    expect(Object.hasOwn(one(item({ publishedAt: 'last Tuesday' })), 'publishedAt')).toBe(false);
    expect(Object.hasOwn(one(item({ publishedAt: 20250302 })), 'publishedAt')).toBe(false);
  });

  it('keeps the readable authors and keywords and drops the rest', () => {
    const p = one(
      item({
        authors: [{ name: 'Ada Lovelace' }, { name: '' }, null, 'Bob', { name: 42 }, { name: 'Alan  Turing' }],
        ai_keywords: ['video', 7, '', null, 'attention'],
      }),
    );
    expect(p.authors).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(p.aiKeywords).toEqual(['video', 'attention']);
  });

  it('shows no authors or keywords when those fields are not lists', () => {
    const p = one(item({ authors: 'Ada Lovelace', ai_keywords: { 0: 'video' } }));
    expect(p.authors).toEqual([]);
    expect(p.aiKeywords).toEqual([]);
  });

  it('drops an organisation or submitter without a name', () => {
    const p = one(
      item(
        { organization: { fullname: 'No handle' }, submittedOnDailyBy: { name: '' } },
        // A user with neither name, account nor full name names no one (one with only a full name
        // is kept by it: see "real payload quirks").
        { submittedBy: { avatarUrl: '/avatars/x.svg' } },
      ),
    );
    expect(Object.hasOwn(p, 'organization')).toBe(false);
    expect(Object.hasOwn(p, 'submittedBy')).toBe(false);
  });

  it('drops a non-string link instead of the paper', () => {
    const p = one(
      item({ githubRepo: { href: 'https://github.com/x/y' }, projectPage: 42 }, { thumbnail: ['https://x/y.png'] }),
    );
    expect(p.id).toBe('2503.01234');
    for (const key of ['githubRepo', 'projectPage', 'thumbnail']) expect(Object.hasOwn(p, key), key).toBe(false);
  });
});

describe('parseDailyItems: text is cleaned', () => {
  it('collapses runs of whitespace and newlines in titles, abstracts and names', () => {
    const p = one(
      item({
        title: '  Attention\n\n Is   All\tYou Need  ',
        summary: 'Line one.\r\n  Line two.',
        authors: [{ name: '  Ada \n Lovelace ' }],
      }),
    );
    expect(p.title).toBe('Attention Is All You Need');
    expect(p.summary).toBe('Line one. Line two.');
    expect(p.authors).toEqual(['Ada Lovelace']);
  });

  it('bounds an absurdly long title so one item cannot bloat the cache', () => {
    const p = one(item({ title: 'x'.repeat(50_000) }));
    expect(p.title).toHaveLength(1000);
  });
});

describe('parseDailyItems: hostile items', () => {
  it('keeps markup in titles and abstracts as literal text (the view escapes it)', () => {
    const hostile = hostileItem(DAY);
    const p = one(hostile);
    expect(p.title).toBe('<img src=x onerror="window.__pwned=1">Hostile <b>title</b>');
    expect(p.summary).toBe('Abstract with <script>window.__pwned=1</script> markup & "quotes" <i>inside</i>.');
    expect(p.authors).toEqual(['<img src=x onerror="window.__pwned=1">Mallory']);
    expect(p.aiSummary).toBe('<img src=x onerror="window.__pwned=1">');
  });

  it('never keeps a javascript: link from the fixture hostile item', () => {
    const p = one(hostileItem(DAY));
    expect(Object.hasOwn(p, 'githubRepo')).toBe(false);
    expect(Object.hasOwn(p, 'projectPage')).toBe(false);
    expect(p.githubStars).toBe(1);
  });

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['  javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['file:///etc/passwd'],
    ['https://user:secret@github.com/org/repo'],
    ['/relative/path'],
  ])('drops the unsafe link %j from the repo, project page and thumbnail', (url) => {
    const p = one(item({ githubRepo: url, projectPage: url }, { thumbnail: url }));
    expect(p.id).toBe('2503.01234');
    expect(Object.hasOwn(p, 'githubRepo')).toBe(false);
    expect(Object.hasOwn(p, 'projectPage')).toBe(false);
    expect(Object.hasOwn(p, 'thumbnail')).toBe(false);
  });

  it('loads images only from Hugging Face: an off-site thumbnail or avatar is dropped, the paper kept', () => {
    const p = one(
      item(
        { organization: { name: 'org', avatar: 'https://tracker.example/org.png' } },
        {
          thumbnail: 'https://tracker.example/pixel.png?u=1',
          submittedBy: { name: 'someone', avatarUrl: 'https://huggingface.co.tracker.example/x.png' },
        },
      ),
    );
    expect(p.id).toBe('2503.01234');
    expect(Object.hasOwn(p, 'thumbnail')).toBe(false);
    expect(p.organization).toEqual({ name: 'org' });
    expect(p.submittedBy?.avatarUrl).toBeUndefined();
  });

  it('resolves site-relative avatars against huggingface.co', () => {
    const p = one(
      item(
        { organization: { name: 'org', avatar: '/avatars/org.png' } },
        { submittedBy: { name: 'someone', avatarUrl: '/avatars/x.png' } },
      ),
    );
    expect(p.submittedBy?.avatarUrl).toBe('https://huggingface.co/avatars/x.png');
    expect(p.organization?.avatar).toBe('https://huggingface.co/avatars/org.png');
  });

  it('drops script and data avatars', () => {
    const p = one(
      item(
        { organization: { name: 'org', avatar: 'javascript:alert(1)' } },
        { submittedBy: { name: 'someone', avatarUrl: 'data:image/svg+xml,<svg onload=alert(1)>' } },
      ),
    );
    expect(p.submittedBy).toEqual({ name: 'someone' });
    expect(p.organization).toEqual({ name: 'org' });
  });

  it('strips unknown fields, including __proto__, from what it stores', () => {
    const json: unknown = JSON.parse(
      JSON.stringify(
        item({ evil: 'paper-level', constructor: 'x' }, { evil: 'item-level', mediaUrls: ['https://x/y.png'] }),
      ).replace(/^\{/, '{"__proto__":{"polluted":true},'),
    );
    const withProtoInPaper: unknown = JSON.parse(
      '{"paper":{"__proto__":{"polluted":true},"id":"2503.00009","title":"T","isAdmin":true,"organization":{"name":"o","__proto__":{"polluted":true},"secret":1}}}',
    );
    const { items, dropped } = parseDailyItems([json, withProtoInPaper], DAY, FETCHED_AT);
    expect(dropped).toBe(0);
    for (const p of items) {
      expect(
        Object.keys(p).every((k) => PAPER_KEYS.includes(k)),
        Object.keys(p).join(),
      ).toBe(true);
      expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
      expect((p as unknown as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.hasOwn(p, '__proto__')).toBe(false);
    }
    expect(items[1]!.organization).toEqual({ name: 'o' });
    expect(Object.getPrototypeOf(items[1]!.organization)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseDailyItems: garbage responses', () => {
  it.each([[{ error: 'Invalid date' }], [null], ['[]'], [42], [undefined]])(
    'throws when the response %j is not a list',
    (json) => {
      expect(() => parseDailyItems(json, DAY, FETCHED_AT)).toThrow(TypeError);
    },
  );

  it('answers an empty day with no papers and nothing dropped', () => {
    expect(parseDailyItems([], DAY, FETCHED_AT)).toEqual({ items: [], dropped: 0, undated: [] });
  });

  it('drops and counts every entry of a list of numbers, strings and nulls', () => {
    expect(parseDailyItems([1, 'two', null, undefined, true, [], {}], DAY, FETCHED_AT)).toEqual({
      items: [],
      dropped: 7,
      undated: [],
    });
  });

  it('drops one bad item and keeps the good ones around it, in order', () => {
    const good = makeDay(DAY, 3);
    const { items, dropped } = parseDailyItems(
      [good[0], { paper: { title: 'no id' } }, good[1], 'junk', good[2]],
      DAY,
      FETCHED_AT,
    );
    expect(dropped).toBe(2);
    expect(items.map((p) => p.id)).toEqual(good.map((g) => g.paper.id));
  });

  it.each([
    ['no paper object', { title: 'T' }],
    ['a paper that is a string', { paper: '2503.01234' }],
    ['no id', { paper: { title: 'T' } }],
    ['a numeric id', { paper: { id: 2503.01234, title: 'T' } }],
    ['an id that is a path trick', { paper: { id: '../../settings', title: 'T' } }],
    ['an id with a slash and query', { paper: { id: '2503.01234/?x=1', title: 'T' } }],
    ['an empty id', { paper: { id: '', title: 'T' } }],
    ['no title', { paper: { id: '2503.01234' } }],
    ['a blank title', { paper: { id: '2503.01234', title: ' \n\t ' } }],
  ])('drops an item with %s', (_label, entry) => {
    rejected(entry);
  });

  it('accepts old-style arXiv ids and trims stray whitespace around ids', () => {
    expect(one({ paper: { id: 'hep-th/9901001', title: 'Old' } }).id).toBe('hep-th/9901001');
    expect(one({ paper: { id: ' 2503.01234 ', title: 'T' } }).id).toBe('2503.01234');
  });
});

describe('parsePaper (flat /api/papers/<id> shape)', () => {
  const flat = () => ({
    ...(item().paper as Record<string, unknown>),
    organization: { _id: 'o1', name: 'allenai', fullname: 'Ai2', avatar: '/avatars/ai2.png' },
    numComments: 5,
    models: 3,
    datasets: 1,
  });

  it('reads a single paper, filing it under the day it was featured', () => {
    expect(parsePaper(flat(), FETCHED_AT)).toEqual({
      id: '2503.01234',
      title: 'Sparse Attention for Long Video Understanding',
      summary: 'We study sparse attention.',
      authors: ['Ada Lovelace', 'Alan Turing'],
      publishedAt: '2025-03-02T00:00:00.000Z',
      day: '2025-03-03',
      upvotes: 12,
      numComments: 5,
      aiSummary: 'Sparse attention makes long videos cheap.',
      aiKeywords: ['sparse attention', 'video'],
      githubRepo: 'https://github.com/org/repo',
      githubStars: 310,
      projectPage: 'https://org.github.io/repo/',
      organization: { name: 'allenai', fullname: 'Ai2', avatar: 'https://huggingface.co/avatars/ai2.png' },
      submittedBy: {
        name: 'nielsr',
        fullname: 'Niels Rogge',
        avatarUrl: 'https://cdn-avatars.huggingface.co/nielsr.png',
      },
      fetchedAt: FETCHED_AT,
    } satisfies Paper);
  });

  it('gives a paper never featured in Daily Papers no day', () => {
    const p = parsePaper({ id: '2401.00001', title: 'Never featured' }, FETCHED_AT);
    expect(p?.day).toBe('');
  });

  it('drops unsafe links from a single paper too', () => {
    const p = parsePaper({ ...flat(), githubRepo: 'javascript:alert(1)', projectPage: 'data:text/html,x' }, FETCHED_AT);
    expect(p).toBeDefined();
    expect(Object.hasOwn(p!, 'githubRepo')).toBe(false);
    expect(Object.hasOwn(p!, 'projectPage')).toBe(false);
  });

  it.each([
    [null],
    ['2503.01234'],
    [[]],
    [{ error: 'Paper not found' }],
    [{ id: '2503.01234' }],
    [{ id: '../x', title: 'T' }],
  ])('answers undefined for the unusable body %j', (json) => {
    expect(parsePaper(json, FETCHED_AT)).toBeUndefined();
  });

  it('does not take the Daily Papers item wrapper for a paper', () => {
    expect(parsePaper(item(), FETCHED_AT)).toBeUndefined();
  });
});

describe('counts', () => {
  it('reads upvotes from the paper and the comment count from the feed item', () => {
    const p = one(makeDailyItem('2503.04444', DAY, { paper: { upvotes: 99 }, numComments: 4 }));
    expect(p).toMatchObject({ id: '2503.04444', upvotes: 99, numComments: 4, day: DAY });
  });
});
