import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_NOTE_NAME_CHARS, noteFile, noteFiles, yamlString } from '@/lib/reading-list/export/notes';
import { notesZip } from '@/lib/reading-list/export/notes-zip';
import { bibtexKeys } from '@/lib/reading-list/bibtex/export';
import { makeSaved } from '../fixtures/saved';

/**
 * A strict reader for exactly the YAML the notes write: `key: "double-quoted"`, `key: YYYY-MM-DD`,
 * `key: []` or `key:` followed by `  - "double-quoted"` items. Anything else throws, so a title
 * that broke out of its scalar (a new key, a block, the end of the front matter) fails the test.
 * Double-quoted scalars are read as YAML 1.2 reads them, here through JSON (a subset), after
 * checking that no character YAML forbids unescaped is left raw.
 */
function readFrontMatter(file: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file);
  if (!m) throw new Error('no front matter');
  const data: Record<string, unknown> = {};
  let listKey: string | undefined;
  const scalar = (s: string) => {
    // eslint-disable-next-line no-control-regex -- the point is to find raw controls
    if (/[\x00-\x1F\x7F-\x9F\u2028\u2029\uFEFF]/.test(s)) throw new Error(`raw control in ${s}`);
    if (!/^"(?:[^"\\]|\\(?:["\\/bfnrt]|u[0-9a-f]{4}))*"$/.test(s)) throw new Error(`not a double-quoted scalar: ${s}`);
    return JSON.parse(s) as string;
  };
  for (const line of m[1]!.split('\n')) {
    const item = /^ {2}- (.*)$/.exec(line);
    if (item) {
      if (!listKey) throw new Error(`stray item: ${line}`);
      (data[listKey] as string[]).push(scalar(item[1]!));
      continue;
    }
    const kv = /^([a-z]+):(?: (.*))?$/.exec(line);
    if (!kv) throw new Error(`not a key: ${line}`);
    const [, key = '', value] = kv;
    if (key in data) throw new Error(`duplicate key ${key}`);
    listKey = undefined;
    if (value === undefined) {
      data[key] = [];
      listKey = key;
    } else if (value === '[]') data[key] = [];
    else if (/^\d{4}-\d\d-\d\d$/.test(value)) data[key] = value;
    else data[key] = scalar(value);
  }
  return { data, body: m[2]! };
}

describe('notes with YAML front matter', () => {
  it('writes title, authors, arXiv id, DOI, tags, status and dates, then the note', () => {
    const s = makeSaved('2404.12345', {}, { tags: ['video', 'rl'], status: 'reading', note: '# My take\n\nGood.' });
    const file = noteFile(s, 'lovelace2024sparse');
    expect(file).toBe(
      [
        '---',
        'title: "Sparse Attention"',
        'authors:',
        '  - "Ada Lovelace"',
        '  - "Alan Turing"',
        'arxiv: "2404.12345"',
        'doi: "10.48550/arXiv.2404.12345"',
        'url: "https://arxiv.org/abs/2404.12345"',
        'citekey: "lovelace2024sparse"',
        'tags:',
        '  - "video"',
        '  - "rl"',
        'status: "reading"',
        'published: 2024-04-18',
        'saved: 2024-04-20',
        'updated: 2024-04-20',
        '---',
        '# My take',
        '',
        'Good.',
      ].join('\n'),
    );
  });

  it('keeps the note byte for byte (CRLF, leading and trailing spaces), after the front matter (issue 18)', () => {
    const note = '  indented\r\nline two \r\n\r\n\ttab end  \n';
    const file = noteFile(makeSaved('2404.12345', {}, { note }), 'k');
    expect(file.endsWith(`---\n${note}`)).toBe(true);
    expect(readFrontMatter(file).body).toBe(note);
  });

  it('names every file at most 80 characters, unique, however long the key (issue 18)', () => {
    const key = 'x'.repeat(1_300);
    const list = [makeSaved('2404.00001'), makeSaved('2404.00002'), makeSaved('2404.00003')];
    const files = noteFiles(list, new Map(list.map((s) => [s.id, key])));
    for (const f of files) expect([...f.name].length).toBeLessThanOrEqual(MAX_NOTE_NAME_CHARS);
    expect(new Set(files.map((f) => f.name)).size).toBe(3);
    expect(files.every((f) => f.name.endsWith('.md'))).toBe(true);
  });

  it('keeps any title, author, tag and note inside its scalar (property)', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom(
        '---',
        '"',
        "'",
        ': x',
        '- y',
        '#c',
        '&a',
        '*a',
        '!tag',
        '? k',
        'yes',
        'null',
        '1e3',
        '\u2028',
        '\x85',
        '\uFEFF',
        '\\',
      ),
    );
    fc.assert(
      fc.property(
        hostile,
        fc.array(hostile, { maxLength: 3 }),
        fc.array(hostile, { maxLength: 3 }),
        hostile,
        (title, authors, tags, note) => {
          const s = makeSaved('2404.12345', { title, authors }, { tags, note });
          const { data } = readFrontMatter(noteFile(s, 'k'));
          const one = (x: string) =>
            // eslint-disable-next-line no-control-regex -- collapsing controls as singleLine does
            x.replace(/[\s\0-\x1F\x7F-\x9F]+/g, ' ').replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
          expect(typeof data.title).toBe('string');
          expect(one(data.title as string).trim()).toBe(one(title).replace(/\s+/g, ' ').trim());
          expect((data.authors as string[]).length).toBeLessThanOrEqual(authors.length);
          expect((data.tags as string[]).length).toBeLessThanOrEqual(tags.length);
          expect(data.arxiv).toBe('2404.12345');
        },
      ),
    );
  });

  it('escapes what YAML forbids raw', () => {
    expect(yamlString('a\u2028b\x85c\uFEFF"\\')).toBe('"a\\u2028b\\u0085c\\ufeff\\"\\\\"');
  });

  it('zips one file per paper named by its citation key, unique and safe', () => {
    const list = [
      makeSaved('2404.00001', {}, { savedAt: 1, note: 'first' }),
      makeSaved('2404.00002', {}, { savedAt: 2 }),
      makeSaved('hep-th/9901001', { title: '../../etc/passwd', authors: ['C:\\Win'] }),
    ];
    const files = unzipSync(notesZip(list, 'notes', bibtexKeys(list)));
    const names = Object.keys(files);
    expect(names).toEqual([
      'notes/lovelace2024sparse.md',
      'notes/lovelace2024sparse240400002.md',
      'notes/cwin2024etc.md',
    ]);
    expect(strFromU8(files['notes/lovelace2024sparse.md']!)).toBe(noteFile(list[0]!, 'lovelace2024sparse'));
    expect(noteFiles(list).map((f) => f.name)).toEqual(names.map((n) => n.slice('notes/'.length)));
  });
});
