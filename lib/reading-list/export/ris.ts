/**
 * The reading list as RIS, for Zotero, Mendeley, EndNote and Citation.js. RIS has no preprint
 * type, and a reader that does not know a record's type drops the record: each paper is a report
 * (`TY  - RPRT`), which all of them read, published by arXiv with its arXiv number as report number
 * (`SN  - arXiv:<id>`, what Citation.js maps to CSL `number`), its DataCite DOI and its abstract
 * page. The primary category, when known, is the arXiv reference line in `N1`
 * ("arXiv:2404.12345 [cs.CL]"). Tags become keywords; private notes are never exported.
 *
 * RIS is line-based: every value is put on one line, so no title can start a tag of its own.
 */
import type { SavedPaper } from '../../core/saved';
import { citationUrl, isArxivId } from '../../core/arxiv-id';
import { paperYear } from '../../core/paper';
import { singleLine } from '../../core/single-line';
import { arxivDoi, arxivPrimaryClass, paperDate, splitName } from '../../core/citation';

/** "Lovelace, Ada", "King, Martin Luther, Jr.", "Plato": RIS's "Last, First, Suffix". */
export function risName(name: string): string {
  const { family, given, suffix } = splitName(name);
  return [family, given ?? (suffix ? '' : undefined), suffix].filter((p) => p !== undefined).join(', ');
}

function record(saved: SavedPaper): string {
  const { id, paper } = saved;
  const arxiv = isArxivId(id);
  const date = paperDate(paper);
  const cls = arxiv ? arxivPrimaryClass(id, paper) : undefined;
  const lines: [string, string | undefined][] = [
    ['TY', 'RPRT'],
    ['TI', paper.title],
    ...paper.authors.map((a): [string, string] => ['AU', risName(a)]),
    ['PY', paperYear(paper)],
    ['DA', date ? `${date.replace(/-/g, '/')}/` : undefined],
    ['PB', arxiv ? 'arXiv' : undefined],
    ['SN', arxiv ? `arXiv:${id}` : undefined],
    ['N1', cls ? `arXiv:${id} [${cls}]` : undefined],
    ['DO', arxivDoi(id)],
    ['UR', citationUrl(id)],
    ['AB', paper.summary],
    ...saved.tags.map((tag): [string, string] => ['KW', tag]),
  ];
  const body = lines.flatMap(([tag, value]) => {
    const text = value === undefined ? '' : singleLine(value);
    return text ? [`${tag}  - ${text}`] : [];
  });
  return `${body.join('\r\n')}\r\nER  - \r\n`;
}

/** The list as a .ris file (CRLF line ends, as the format's spec writes them), in list order, each paper once. */
export function toRis(list: readonly SavedPaper[]): string {
  const seen = new Set<string>();
  return list
    .filter((s) => !seen.has(s.id) && !!seen.add(s.id))
    .map(record)
    .join('\r\n');
}
