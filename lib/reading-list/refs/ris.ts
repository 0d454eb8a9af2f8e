/**
 * Reads arXiv papers out of a RIS file (ours, Zotero's, Mendeley's, EndNote's). Each record runs
 * from `TY  - ` to `ER  - `; a record naming no arXiv paper is skipped and counted. A file with no
 * record, or a record that never ends, is refused whole: a truncated file changes nothing.
 * Never throws: the file is untrusted input.
 */
import { t } from '../../core/i18n';
import { arxivIdIn, primaryClassIn, toMeta, type ReferenceImport, type ReferencePaper } from './reference';

const TAG_LINE = /^([A-Z][A-Z0-9])  ?-(?: (.*))?$/;

/** "Lovelace, Ada" → "Ada Lovelace"; "King, Martin Luther, Jr." → "Martin Luther King Jr."; "Plato" stays. */
export function fromRisName(name: string): string {
  const [family = '', given, suffix] = name.split(',').map((p) => p.trim());
  return [given, family, suffix].filter(Boolean).join(' ');
}

/** "2024/04/18/" or "2024-04-18" → "2024-04-18", when the date is a whole day. */
function risDate(text: string | undefined): string | undefined {
  const m = /^(\d{4})[/-](\d\d?)[/-](\d\d?)/.exec(text ?? '');
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return Number.isNaN(Date.parse(date)) ? undefined : date;
}

function toPaper(tags: Map<string, string[]>): ReferencePaper | undefined {
  const one = (...names: string[]) => names.map((n) => tags.get(n)?.[0]).find((v) => v);
  const all = (...names: string[]) => names.flatMap((n) => tags.get(n) ?? []);
  const notes = all('N1', 'M1', 'SN', 'AN');
  const id = arxivIdIn([...all('SN', 'M1', 'AN'), ...all('DO'), ...all('UR', 'L1', 'L2'), ...notes]);
  if (!id) return undefined;
  return {
    id,
    meta: toMeta({
      title: one('TI', 'T1', 'CT'),
      authors: all('AU', 'A1').map(fromRisName),
      date: risDate(one('DA', 'Y1', 'PY')),
      abstract: one('AB', 'N2'),
      primaryClass: notes.map(primaryClassIn).find(Boolean),
    }),
  };
}

/** The arXiv papers of a RIS file, each id once (first record wins), in file order. Never throws. */
export function parseRis(text: string): ReferenceImport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const items: ReferencePaper[] = [];
  const seen = new Set<string>();
  let records = 0;
  let skipped = 0;
  let open: { line: number; tags: Map<string, string[]>; last?: string } | undefined;
  for (const [i, raw] of lines.entries()) {
    const m = TAG_LINE.exec(raw.trimEnd());
    if (!m) {
      // A line without a tag continues the previous value (some writers wrap long abstracts).
      if (open?.last && raw.trim()) {
        const values = open.tags.get(open.last)!;
        values[values.length - 1] += ` ${raw.trim()}`;
      }
      continue;
    }
    const [, tag = '', value = ''] = m;
    if (tag === 'TY') {
      if (open) return { ok: false, error: t('risUnterminated', open.line) };
      open = { line: i + 1, tags: new Map([['TY', [value.trim()]]]) };
      continue;
    }
    if (!open) continue;
    if (tag === 'ER') {
      records++;
      const paper = toPaper(open.tags);
      if (!paper) skipped++;
      else if (!seen.has(paper.id)) {
        seen.add(paper.id);
        items.push(paper);
      }
      open = undefined;
      continue;
    }
    const values = open.tags.get(tag);
    if (values) values.push(value.trim());
    else open.tags.set(tag, [value.trim()]);
    open.last = tag;
  }
  if (open) return { ok: false, error: t('risUnterminated', open.line) };
  if (records === 0) return { ok: false, error: t('risNoRecords') };
  return { ok: true, items, skipped };
}

/** Whether a file's text is RIS: its first tagged line is a record type. */
export function looksLikeRis(text: string): boolean {
  return /^\uFEFF?\s*TY {1,2}- /.test(text.slice(0, 4096));
}
