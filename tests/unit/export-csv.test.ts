import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '@/lib/reading-list/export/csv';
import type { Paper } from '@/lib/core/paper';
import type { SavedPaper } from '@/lib/core/saved';
import { makeSaved } from '../fixtures/saved';

const saved = (id: string, paper: Partial<Paper> = {}, rest: Partial<SavedPaper> = {}): SavedPaper =>
  makeSaved(id, paper, { status: 'reading', tags: ['video', 'attention'], note: 'Read section 3', ...rest });

/** A strict RFC 4180 reader: rejects stray quotes and line breaks outside quotes, so sloppy output fails. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let cellStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else {
        quoted = false;
        if (!/^(?:,|\r\n|$)/.test(text.slice(i + 1, i + 3))) throw new Error(`text after closing quote at ${i}`);
      }
    } else if (c === '"') {
      if (!cellStart) throw new Error(`stray quote at ${i}`);
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      cellStart = true;
      continue;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      cellStart = true;
      i++;
      continue;
    } else if (c === '\r' || c === '\n') throw new Error(`unquoted line break at ${i}`);
    else cell += c;
    cellStart = false;
  }
  if (quoted) throw new Error('unterminated quote');
  if (cell !== '' || row.length) throw new Error('last record without CRLF');
  return rows;
}

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated row per paper', () => {
    expect(toCsv([saved('2404.12345')])).toBe(
      'id,title,authors,published,upvotes,status,tags,note,saved_at,url,doi\r\n' +
        '2404.12345,Sparse Attention,"Ada Lovelace; Alan Turing",2024-04-18,12,reading,"video; attention",' +
        'Read section 3,2024-04-20T10:00:00.000Z,https://arxiv.org/abs/2404.12345,10.48550/arXiv.2404.12345\r\n',
    );
  });

  it('writes only the header for an empty list', () => {
    expect(toCsv([])).toBe('id,title,authors,published,upvotes,status,tags,note,saved_at,url,doi\r\n');
  });

  it('leaves unknown dates empty and links non-arXiv ids to Hugging Face', () => {
    const [, row] = parseCsv(toCsv([saved('some-slug', { publishedAt: undefined })]));
    expect(row![3]).toBe('');
    expect(row![9]).toBe('https://huggingface.co/papers/some-slug');
    // Only arXiv registers DOIs: none for a Hugging Face-only paper.
    expect(row![10]).toBe('');
  });

  it('quotes fields with commas, quotes or line breaks and doubles the quotes', () => {
    const csv = toCsv([
      saved('2404.12345', { title: 'Attention, "Please"' }, { note: 'line one\nline two\r\nthree', tags: ['a,b'] }),
    ]);
    expect(csv).toContain(',"Attention, ""Please""",');
    expect(csv).toContain(',"line one\nline two\r\nthree",');
    expect(csv).toContain(',"a,b",');
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(2);
    expect(rows[1]![1]).toBe('Attention, "Please"');
    expect(rows[1]![7]).toBe('line one\nline two\r\nthree');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","Click")', '"\'=HYPERLINK(""http://evil.example"",""Click"")"'],
    ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', '"\'\t=1"'],
    ['\r=1', '"\'\r=1"'],
    ['a=1', 'a=1'],
    ['', ''],
  ])('guards the formula-like cell %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['a semicolon', 'a;b', '"a;b"'],
    ['a tab', 'a\tb', '"a\tb"'],
    ['a leading space', ' a', '" a"'],
    ['a trailing space', 'a ', '"a "'],
    ['a line break', 'a\nb', '"a\nb"'],
  ])('quotes a cell with %s', (_, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['spaces before =', '  =1+1', `"'  =1+1"`],
    ['a space before +', ' +1', `"' +1"`],
    ['a space before -', ' -1', `"' -1"`],
    ['a space before @', ' @SUM(A1)', `"' @SUM(A1)"`],
    ['a full-width =', '＝1+1', "'＝1+1"],
    ['a full-width +', '＋1', "'＋1"],
    ['a full-width -', '－1', "'－1"],
    ['a full-width @', '＠SUM(A1)', "'＠SUM(A1)"],
    ['a space then a full-width =', ' ＝1', `"' ＝1"`],
    ['a space before a tab', ' \t=1', `"' \t=1"`],
  ])('guards a cell whose first non-space character starts a formula: %s', (_, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('guards every column a user or the feed controls', () => {
    const csv = toCsv([saved('2404.12345', { title: '=1+1', authors: ['@evil'] }, { note: '+note', tags: ['-tag'] })]);
    const [, row] = parseCsv(csv);
    expect(row).toEqual(expect.arrayContaining(["'=1+1", "'@evil", "'+note", "'-tag"]));
  });

  it('reads back to the same cells for any text (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 3 }), (title, note, tags) => {
        const rows = parseCsv(toCsv([saved('2404.12345', { title }, { note, tags })]));
        expect(rows).toHaveLength(2);
        expect(rows[1]).toHaveLength(11);
        const guard = (s: string) => (/^[^\S\t\r]*[=+\-@\t\r＝＋－＠]/.test(s) ? `'${s}` : s);
        expect(rows[1]![1]).toBe(guard(title));
        expect(rows[1]![7]).toBe(guard(note));
        expect(rows[1]![6]).toBe(guard(tags.join('; ')));
      }),
    );
  });
});
