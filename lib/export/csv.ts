/**
 * The reading list as CSV for spreadsheets: RFC 4180 (CRLF line ends, fields with a comma, quote
 * or line break quoted, quotes doubled). A cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or CR) is prefixed with `'`, so a hostile title cannot execute.
 */
import type { SavedPaper } from '../reading-list';
import { paperUrl } from './paper-meta';

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
] as const;

/** One cell, guarded against formula injection and quoted when needed. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

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
    paperUrl(saved.id),
  ];
}

/** The list as CSV with a header row, in list order; every record (the last included) ends with CRLF. */
export function toCsv(list: readonly SavedPaper[]): string {
  return [[...CSV_HEADER], ...list.map(row)].map((cells) => `${cells.map(csvCell).join(',')}\r\n`).join('');
}
