import { describe, expect, it } from 'vitest';
import { escapeMarkdown, toMarkdown } from '@/lib/reading-list/export/markdown';
import { makeSaved } from '../fixtures/saved';

const saved = makeSaved;

describe('toMarkdown', () => {
  it('groups papers by status (To read, Reading, Read) with links, authors, year, id, tags and note', () => {
    const md = toMarkdown([
      saved('2404.00003', { title: 'Done Paper' }, { status: 'read' }),
      saved('2404.00001', { title: 'First' }, { tags: ['video', 'rl'], note: 'Check the ablations' }),
      saved('2404.00002', { title: 'Second', authors: [] }, { status: 'reading' }),
      saved('2404.00004', { title: 'Third', publishedAt: undefined, day: '' }),
    ]);
    expect(md).toBe(
      [
        '# Reading list',
        '',
        '## To read',
        '',
        '- [First](https://huggingface.co/papers/2404.00001) — Ada Lovelace, Alan Turing (2024) · arXiv:2404.00001 · doi:10.48550/arXiv.2404.00001',
        '  - Tags: video, rl',
        '  - Note: Check the ablations',
        '- [Third](https://huggingface.co/papers/2404.00004) — Ada Lovelace, Alan Turing (2024) · arXiv:2404.00004 · doi:10.48550/arXiv.2404.00004',
        '',
        '## Reading',
        '',
        '- [Second](https://huggingface.co/papers/2404.00002) (2024) · arXiv:2404.00002 · doi:10.48550/arXiv.2404.00002',
        '',
        '## Read',
        '',
        '- [Done Paper](https://huggingface.co/papers/2404.00003) — Ada Lovelace, Alan Turing (2024) · arXiv:2404.00003 · doi:10.48550/arXiv.2404.00003',
        '',
      ].join('\n'),
    );
  });

  it('leaves out empty groups and says so when nothing is saved', () => {
    const md = toMarkdown([saved('2404.00001', {}, { status: 'read' })]);
    expect(md).not.toContain('## To read');
    expect(md).not.toContain('## Reading');
    expect(md).toContain('## Read\n');
    expect(toMarkdown([])).toBe('# Reading list\n\n_No saved papers._\n');
  });

  it('escapes Markdown in titles so they stay literal text', () => {
    const md = toMarkdown([
      saved('2404.00001', { title: '[click](javascript:alert(1)) *bold* _it_ `code` <img src=x onerror=alert(1)>' }),
    ]);
    expect(md).toContain(
      '- [\\[click\\](javascript:alert(1)) \\*bold\\* \\_it\\_ \\`code\\` \\<img src=x onerror=alert(1)\\>](https://huggingface.co/papers/2404.00001)',
    );
    // No unescaped "](" other than the paper link itself.
    expect(md.match(/(?<!\\)\]\(/g)).toHaveLength(1);
  });

  it.each([
    ['\\', '\\\\'],
    ['a|b', 'a\\|b'],
    ['~~x~~', '\\~\\~x\\~\\~'],
    ['$x$', '\\$x\\$'],
    ['&copy; & co', '\\&copy; & co'],
    ['Plain — text: ok!', 'Plain — text: ok!'],
  ])('escapes %j as %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it('escapes author names and tags too', () => {
    const md = toMarkdown([saved('2404.00001', { authors: ['*Star*'] }, { tags: ['[x]'] })]);
    expect(md).toContain('— \\*Star\\* (2024)');
    expect(md).toContain('  - Tags: \\[x\\]');
  });

  it('keeps a multi-line note inside its item without letting it start headings or lists', () => {
    const md = toMarkdown([
      saved('2404.00001', {}, { note: 'First line\n# Not a heading\n\n- not a list\n1. nor this\n> nor a quote' }),
    ]);
    expect(md).toContain(
      [
        '  - Note: First line',
        '    \\# Not a heading',
        '',
        '    \\- not a list',
        '    1\\. nor this',
        '    \\> nor a quote',
      ].join('\n'),
    );
  });

  it('shortens long author lists and omits arXiv ids for other papers', () => {
    const authors = Array.from({ length: 12 }, (_, i) => `Author ${i + 1}`);
    const md = toMarkdown([saved('my-slug', { authors })]);
    expect(md).toContain('Author 9, Author 10 et al. (2024)');
    expect(md).not.toContain('Author 11');
    expect(md).not.toContain('arXiv:');
  });
});

describe('toMarkdown: a record cannot break out of its line', () => {
  it.each([
    ['a heading', 'Innocent\n# Pwned'],
    ['a list item', 'Innocent\n- Pwned'],
    ['a quote after CR', 'Innocent\r> Pwned'],
    ['a heading after a Unicode line separator', 'Innocent\u2028# Pwned'],
  ])('a title with a line break before %s stays in its bullet', (_, title) => {
    const md = toMarkdown([saved('2404.00001', { title, authors: [title] }, { tags: [title] })]);
    const lines = md.split('\n');
    // Headings: the document's own and the status group, nothing else; every other line is the item.
    expect(lines.filter((l) => /^\s{0,3}#/.test(l))).toEqual(['# Reading list', '## To read']);
    expect(lines.filter((l) => /^\s*(?:[-+*>]|\d+[.)])/.test(l) && !/^\s*- (?:\[|Tags:)/.test(l))).toEqual([]);
    expect(md).not.toMatch(/\u2028|\r/);
  });
});
