/**
 * Titles, author names and tags reach Papertab from five sources; each puts them on one line and
 * strips bidirectional controls (lib/core/single-line.ts), so no export line can start a Markdown block
 * and no title can reverse the text after it.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseBackup, toBackup } from '@/lib/reading-list/backup';
import { parseBibtex } from '@/lib/reading-list/bibtex/import';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { PageMetaSchema } from '@/lib/core/save-request';
import { singleLine } from '@/lib/core/single-line';
import { decodeList, encodeList } from '@/lib/sync/codec';
import { makeDailyItem } from '../fixtures/papers';
import { makeSaved } from '../fixtures/saved';

/** A title that tries everything: a line break into a heading, a list, CR, NEL, LS, RLO and isolates. */
const HOSTILE = ' Innocent\n# Heading\r\n- item\u0085\u2028x \u202Eexe.txt\u202C \u2066iso\u2069\t ';
const CLEAN = 'Innocent # Heading - item x exe.txt iso';
const HOSTILE_NAME = 'Ada\n- \u202ELovelace';
const CLEAN_NAME = 'Ada - Lovelace';

describe('singleLine', () => {
  it('collapses every kind of whitespace and line break to one space, and trims', () => {
    expect(singleLine(HOSTILE)).toBe(CLEAN);
  });

  it.each(['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'])(
    'removes the bidi control U+%s',
    (c) => {
      expect(singleLine(`a${c}b`)).toBe('ab');
    },
  );

  it('keeps letters of every script, and the marks that are part of right-to-left text', () => {
    expect(singleLine('עברית \u200Fو العربية 日本語 Ελληνικά')).toBe('עברית \u200Fو العربية 日本語 Ελληνικά');
  });

  it('cuts to a length without splitting an emoji, then trims', () => {
    expect(singleLine('ab 😀', 4)).toBe('ab');
    expect(singleLine('abc d', 4)).toBe('abc');
    expect(singleLine(`${' '.repeat(500)}x`, 10)).toBe('x');
    // Cut first (twice the length and a kilobyte): what lies beyond is never scanned.
    expect(singleLine(`${' '.repeat(5000)}x`, 10)).toBe('');
  });
});

describe('every source puts titles, names and tags on one line', () => {
  it('the Hugging Face feed', () => {
    const item = makeDailyItem('2404.12345', '2024-04-18');
    item.paper.title = HOSTILE;
    item.paper.authors = [{ ...item.paper.authors[0]!, name: HOSTILE_NAME }];
    item.paper.ai_keywords = [HOSTILE_NAME];
    const [paper] = parseDailyItems([item], '2024-04-18', 0).items;
    expect(paper).toMatchObject({ title: CLEAN, authors: [CLEAN_NAME], aiKeywords: [CLEAN_NAME] });
  });

  it('a paper page (what the background accepts from a content script)', () => {
    const r = v.parse(PageMetaSchema, { title: HOSTILE, authors: [HOSTILE_NAME] });
    expect(r).toEqual({ title: CLEAN, authors: [CLEAN_NAME] });
  });

  it('a JSON backup', () => {
    const text = toBackup(
      [makeSaved('2404.12345', { title: HOSTILE, authors: [HOSTILE_NAME] }, { tags: [HOSTILE_NAME] })],
      0,
    );
    const r = parseBackup(text);
    if (!r.ok) throw new Error(r.error);
    expect(r.items[0]).toMatchObject({ paper: { title: CLEAN, authors: [CLEAN_NAME] }, tags: [CLEAN_NAME] });
  });

  it('a BibTeX file', () => {
    const r = parseBibtex(`@misc{k, eprint = {2404.12345}, title = {${HOSTILE}}, author = {${HOSTILE_NAME}}}`);
    if (!r.ok) throw new Error(r.error);
    expect(r.items[0]).toMatchObject({ title: CLEAN, authors: [CLEAN_NAME] });
  });

  it('the sync area', async () => {
    const T = Date.parse('2026-11-24T09:00:00Z');
    const record = {
      id: '2511.00001',
      savedAt: T,
      updatedAt: T,
      status: 'to-read' as const,
      tags: [HOSTILE_NAME],
      note: 'a note\nkeeps its lines',
      edited: { status: T, tags: T, note: T },
      title: 'Evil\n# \u202Etitle',
    };
    const encoded = await encodeList({ records: [record], tombstones: [] }, { now: T, encoding: 'none' });
    const decoded = await decodeList(encoded.items, T);
    if (decoded.state !== 'ok') throw new Error(decoded.state);
    expect(decoded.payload.records[0]).toMatchObject({
      title: 'Evil # title',
      tags: [CLEAN_NAME],
      note: 'a note\nkeeps its lines',
    });
  });
});
