import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BACKUP_CHARS, MAX_BACKUP_PAPERS, parseBackup, toBackup } from '@/lib/reading-list/backup';
import type { Paper } from '@/lib/core/paper';
import type { SavedPaper } from '@/lib/core/saved';
import { makeSaved } from '../fixtures/saved';
import { safeHttpUrl } from '@/lib/core/safe-url';
import { singleLine } from '@/lib/core/single-line';

const T = Date.parse('2024-04-20T10:00:00Z');

const saved = (id: string, paper: Partial<Paper> = {}, rest: Partial<SavedPaper> = {}): SavedPaper =>
  makeSaved(
    id,
    {
      summary: 'We study sparse attention.',
      authors: ['Ada Lovelace'],
      numComments: 3,
      aiKeywords: ['attention'],
      githubRepo: 'https://github.com/org/repo',
      ...paper,
    },
    { status: 'reading', tags: ['video'], note: 'A note', ...rest },
  );

/** A backup file's text with the given papers (any JSON) and header overrides. */
function file(papers: unknown[], header: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'papertab-backup',
    version: 1,
    exportedAt: '2024-04-20T10:00:00.000Z',
    papers,
    ...header,
  });
}

/** The one record of a single-paper backup after parsing. */
function parseOne(record: unknown): SavedPaper {
  const r = parseBackup(file([record]));
  if (!r.ok) throw new Error(r.error);
  expect(r.items).toHaveLength(1);
  return r.items[0]!;
}

function expectError(text: string, message: RegExp): void {
  const r = parseBackup(text);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error).toMatch(message);
}

// --- arbitraries: every SavedPaper Papertab can store ----------------------------------------

const timestamp = fc.integer({ min: 0, max: 8.64e15 });
const id = fc.oneof(
  fc
    .tuple(fc.integer({ min: 7, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99999 }))
    .map(([y, m, n]) => `${String(y).padStart(2, '0')}${String(m).padStart(2, '0')}.${String(n).padStart(5, '0')}`),
  fc.integer({ min: 0, max: 9_999_999 }).map((n) => `hep-th/${String(n).padStart(7, '0')}`),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/),
);
const text = (min: number, max: number) => fc.string({ unit: 'binary', minLength: min, maxLength: max });
/** A title, name or tag as Papertab stores it: every source puts it on one line (lib/core/single-line.ts). */
const line = (min: number, max: number) =>
  text(min, max)
    .map((s) => singleLine(s))
    .filter((s) => s.length >= min);
const link = fc
  .webUrl({ withQueryParameters: true, withFragments: true })
  .map((u) => safeHttpUrl(u))
  .filter((u): u is string => u !== undefined);
const isoDate = fc
  .date({ min: new Date('1991-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());
const person = fc.record(
  { name: line(1, 30), fullname: line(0, 30), avatarUrl: link },
  { requiredKeys: ['name'], noNullPrototype: true },
);
const organization = fc.record(
  { name: line(1, 30), fullname: line(0, 30), avatar: link },
  { requiredKeys: ['name'], noNullPrototype: true },
);
const paperFields = fc.record(
  {
    title: line(1, 60),
    summary: text(0, 200),
    authors: fc.array(line(1, 20), { maxLength: 5 }),
    publishedAt: isoDate,
    day: fc.oneof(
      fc.constant(''),
      isoDate.map((d) => d.slice(0, 10)),
    ),
    upvotes: fc.nat(),
    numComments: fc.nat(),
    thumbnail: link,
    aiSummary: text(0, 100),
    aiKeywords: fc.array(line(1, 20), { maxLength: 5 }),
    githubRepo: link,
    githubStars: fc.nat(),
    projectPage: link,
    organization,
    submittedBy: person,
    primaryClass: fc.constantFrom('cs.CL', 'hep-th', 'math.AG'),
    fetchedAt: timestamp,
  },
  {
    requiredKeys: ['title', 'summary', 'authors', 'day', 'upvotes', 'numComments', 'aiKeywords', 'fetchedAt'],
    noNullPrototype: true,
  },
);
const savedPaper: fc.Arbitrary<SavedPaper> = fc
  .tuple(
    id,
    paperFields,
    fc.record(
      {
        savedAt: timestamp,
        updatedAt: timestamp,
        status: fc.constantFrom('to-read' as const, 'reading' as const, 'read' as const),
        tags: fc.array(line(0, 20), { maxLength: 5 }),
        note: text(0, 200),
        edited: fc.record({ status: timestamp, tags: timestamp, note: timestamp }, { noNullPrototype: true }),
        incomplete: fc.boolean(),
      },
      { requiredKeys: ['savedAt', 'updatedAt', 'status', 'tags', 'note', 'edited'], noNullPrototype: true },
    ),
  )
  .map(([paperId, paper, rest]) => ({ id: paperId, paper: { id: paperId, ...paper }, ...rest }));

describe('toBackup', () => {
  it('writes the format, version, export time and every record, pretty-printed', () => {
    const list = [saved('2404.12345')];
    const text = toBackup(list, T);
    expect(text).toMatch(
      /^\{\n {2}"format": "papertab-backup",\n {2}"version": 1,\n {2}"exportedAt": "2024-04-20T10:00:00.000Z",/,
    );
    expect(JSON.parse(text)).toEqual({
      format: 'papertab-backup',
      version: 1,
      exportedAt: '2024-04-20T10:00:00.000Z',
      papers: list,
    });
  });
});

describe('parseBackup: round trip', () => {
  it('reads back exactly what was written, for any valid list (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(savedPaper, { selector: (s) => s.id, maxLength: 6 }), timestamp, (list, at) => {
        expect(parseBackup(toBackup(list, at))).toStrictEqual({ ok: true, items: list });
      }),
    );
  });

  it('reads an empty backup as an empty list', () => {
    expect(parseBackup(toBackup([], T))).toEqual({ ok: true, items: [] });
  });
});

describe('parseBackup: foreign and malformed files', () => {
  it.each([
    ['an empty file', '', /empty/],
    ['whitespace', '  \n ', /empty/],
    ['plain text', 'hello', /not valid JSON/],
    ['truncated JSON', toBackup([saved('2404.12345')], T).slice(0, 200), /not valid JSON.*incomplete/],
    ['a JSON array', JSON.stringify([saved('2404.12345')]), /not a Papertab backup/],
    ['JSON null', 'null', /not a Papertab backup/],
    ['another format', file([], { format: 'zotero' }), /not a Papertab backup/],
    ['no format', JSON.stringify({ version: 1, papers: [] }), /not a Papertab backup/],
    ['a newer version', file([], { version: 2 }), /newer version of Papertab.*Update Papertab/],
    ['version zero', file([], { version: 0 }), /version is missing or invalid/],
    ['a string version', file([], { version: '1' }), /version is missing or invalid/],
    ['a huge version', file([], { version: 1e308 }), /version is missing or invalid/],
    ['papers not a list', file([], { papers: { a: 1 } }), /no list of papers/],
  ])('rejects %s with a clear message', (_, text, message) => {
    expectError(text, message);
  });

  it.each([
    ['a path-like id', { id: '../../etc/passwd' }, /paper 1 has an invalid or missing “id”/],
    ['a script id', { id: '<script>' }, /paper 1 has an invalid or missing “id”/],
    ['a numeric id', { id: 2404.12345 }, /“id”/],
    [
      'a paper without title',
      { paper: { ...saved('2404.12345').paper, title: '' } },
      /paper 1 \(2404\.12345\).*“paper\.title”/,
    ],
    ['a paper with a bad id', { paper: { ...saved('2404.12345').paper, id: 'x/../y' } }, /“paper\.id”/],
    ['a paper of another id', { paper: { ...saved('2404.12345').paper, id: '2404.99999' } }, /different id/],
    ['an unknown status', { status: 'done' }, /“status”/],
    ['tags that are not a list', { tags: 'a,b' }, /“tags”/],
    ['a tag that is not text', { tags: ['ok', 3] }, /“tags\.1”/],
    ['a note that is not text', { note: null }, /“note”/],
    ['missing edit times', { edited: undefined }, /“edited”/],
    ['a string time', { savedAt: '1713607200000' }, /“savedAt”/],
    ['a negative time', { updatedAt: -1 }, /“updatedAt”/],
    ['a fractional time', { edited: { status: 1.5, tags: 1, note: 1 } }, /“edited\.status”/],
    ['a time beyond any date', { savedAt: 1e300 }, /“savedAt”/],
    ['a non-boolean incomplete', { incomplete: 'yes' }, /“incomplete”/],
  ])('rejects a record with %s, naming it', (_, override, message) => {
    const record = { ...saved('2404.12345'), ...override };
    expectError(file([saved('2404.00001'), record]), /paper 2\b/);
    expectError(file([record]), message);
  });

  it('rejects a record that is not an object', () => {
    expectError(file([saved('2404.12345'), 'oops']), /paper 2 is not a paper record/);
    expectError(file([null]), /paper 1 is not a paper record/);
  });

  it('rejects infinite numbers written as 1e999', () => {
    const text = file([saved('2404.12345')]).replace(`"savedAt":${T}`, '"savedAt":1e999');
    expectError(text, /“savedAt”/);
  });

  it('refuses files over 50 MB and lists over the one import cap (10,000 papers)', () => {
    expectError(' '.repeat(MAX_BACKUP_CHARS + 1), /too large.*50 MB/);
    expectError(file(Array.from({ length: MAX_BACKUP_PAPERS + 1 }, () => 0)), /too many papers \(10001; at most 10000/);
  });

  it('never throws, whatever the text (property)', () => {
    const json = fc.jsonValue();
    const wrapped = fc.record({
      format: fc.constant('papertab-backup'),
      version: fc.constantFrom(1, 2),
      papers: fc.array(json),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          json.map((j) => JSON.stringify(j)),
          wrapped.map((w) => JSON.stringify(w)),
        ),
        (text) => {
          const r = parseBackup(text);
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(r.error).toMatch(/\S/);
        },
      ),
    );
  });
});

describe('parseBackup: sanitising', () => {
  it('drops links that are not http(s), keeping the paper', () => {
    const rec = parseOne(
      saved('2404.12345', {
        githubRepo: 'javascript:alert(1)',
        projectPage: 'data:text/html,<script>alert(1)</script>',
        thumbnail: ' JAVASCRIPT:alert(1)',
        organization: { name: 'org', avatar: 'javascript:alert(1)' },
        submittedBy: { name: 'user', avatarUrl: 'vbscript:x' },
      }),
    );
    expect(rec.paper).not.toHaveProperty('githubRepo');
    expect(rec.paper).not.toHaveProperty('projectPage');
    expect(rec.paper).not.toHaveProperty('thumbnail');
    expect(rec.paper.organization).toStrictEqual({ name: 'org' });
    expect(rec.paper.submittedBy).toStrictEqual({ name: 'user' });
  });

  it('drops unknown fields everywhere', () => {
    const record = {
      ...saved('2404.12345'),
      isAdmin: true,
      edited: { status: T, tags: T, note: T, extra: 1 },
      paper: { ...saved('2404.12345').paper, html: '<b>x</b>', organization: { name: 'o', evil: 1 } },
    };
    const rec = parseOne(record);
    expect(rec).not.toHaveProperty('isAdmin');
    expect(rec.edited).toStrictEqual({ status: T, tags: T, note: T });
    expect(rec.paper).not.toHaveProperty('html');
    expect(rec.paper.organization).toStrictEqual({ name: 'o' });
  });

  it('ignores __proto__ and constructor keys without polluting any prototype', () => {
    const paper = JSON.stringify(saved('2404.12345')).replace(
      /^\{/,
      '{"__proto__":{"polluted":true,"status":"read"},"constructor":{"prototype":{"polluted":true}},',
    );
    const text = `{"__proto__":{"format":"x"},"format":"papertab-backup","version":1,"papers":[${paper.replace(
      '"paper":{',
      '"paper":{"__proto__":{"title":"evil"},',
    )}]}`;
    const r = parseBackup(text);
    expect(r).toMatchObject({
      ok: true,
      items: [{ id: '2404.12345', status: 'reading', paper: { title: 'Sparse Attention' } }],
    });
    if (!r.ok) return;
    const rec = r.items[0]!;
    expect(Object.getPrototypeOf(rec)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(rec.paper)).toBe(Object.prototype);
    expect(Object.hasOwn(rec, '__proto__')).toBe(false);
    expect(Object.hasOwn(rec, 'constructor')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops malformed optional paper fields, keeping the paper', () => {
    const rec = parseOne({
      ...saved('2404.12345'),
      paper: {
        id: '2404.12345',
        title: 'Kept',
        summary: 42,
        authors: ['Ada', 7, '', null, 'Alan'],
        publishedAt: 'not a date',
        day: '19/04/2024',
        upvotes: 1e308,
        numComments: -3,
        aiKeywords: 'nope',
        githubStars: 'many',
        organization: { fullname: 'no name' },
        submittedBy: 'someone',
        primaryClass: 'cs}, note = {x',
        fetchedAt: 'yesterday',
      },
    });
    expect(rec.paper).toStrictEqual({
      id: '2404.12345',
      title: 'Kept',
      summary: '',
      authors: ['Ada', 'Alan'],
      day: '',
      upvotes: 0,
      numComments: 0,
      aiKeywords: [],
      fetchedAt: 0,
    });
  });

  it('keeps a paper’s long text within the same limits as the feed', () => {
    const rec = parseOne(saved('2404.12345', { title: 'T'.repeat(5000), summary: 'S'.repeat(30_000) }));
    expect(rec.paper.title).toHaveLength(1000);
    expect(rec.paper.summary).toHaveLength(20_000);
  });

  it('keeps duplicate records for the merge to combine', () => {
    const r = parseBackup(file([saved('2404.12345'), saved('2404.12345', {}, { note: 'other' })]));
    expect(r.ok && r.items.map((s) => s.note)).toEqual(['A note', 'other']);
  });
});
