/**
 * The reading list as CSV for spreadsheets: RFC 4180 (CRLF line ends, quotes doubled). A cell is
 * quoted when it holds a separator of either convention (`,`, or `;` where the decimal mark is a
 * comma), a quote, a tab or a line break, or starts or ends with a space a spreadsheet would trim. A
 * cell that a spreadsheet would run as a formula (its first non-space character =, +, -, @, their
 * full-width forms, a tab or CR) is prefixed with `'`, so a hostile title cannot execute.
 */
import type { SavedPaper } from '../../core/saved';
import { citationUrl } from '../../core/arxiv-id';
import { arxivDoi } from '../../core/citation';

export const CSV_HEADER = [
  'id',
  'title',
  'authors',
  'published',
  'upvotes',
  'status',
  'tags',
  'note',
  'saved_at',
  'url',
  'doi',
] as const;

/** One cell, guarded against formula injection and quoted when needed. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(value) ? `"${safe.split('"').join('""')}"` : safe;
}
/** Spaces (not tab or CR, which are triggers themselves), then a character that starts a formula. */
const FORMULA_START = /^[^\S\t\r]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",;\t\n\r\v\f\u0085\u2028\u2029]|^\s|\s$/;

function isoTime(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

function row(saved: SavedPaper): string[] {
  const { paper } = saved;
  return [
    saved.id,
    paper.title,
    paper.authors.join('; '),
    paper.publishedAt?.slice(0, 10) ?? '',
    String(paper.upvotes),
    saved.status,
    saved.tags.join('; '),
    saved.note,
    isoTime(saved.savedAt),
    citationUrl(saved.id),
    arxivDoi(saved.id) ?? '',
  ];
}

/** The list as CSV with a header row, in list order; every record (the last included) ends with CRLF. */
export function toCsv(list: readonly SavedPaper[]): string {
  return [[...CSV_HEADER], ...list.map(row)].map((cells) => `${cells.map(csvCell).join(',')}\r\n`).join('');
}
