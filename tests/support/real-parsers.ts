/**
 * The parsers reference managers use, as the tests' judges of what Papertab writes:
 * `@retorquere/bibtex-parser` (Better BibTeX for Zotero's) for BibTeX, Citation.js for RIS and
 * CSL-JSON. Each returns the fields a citation needs in one plain shape, and every error or
 * warning the parser reported (Citation.js logs "unmapped" tags and warnings instead of throwing).
 */
import { parse as parseBib, type Creator } from '@retorquere/bibtex-parser';
import { Cite, logger } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';

export interface ReadBack {
  key?: string;
  type: string;
  title: string;
  authors: string[];
  year?: string;
  date?: string;
  eprint?: string;
  primaryClass?: string;
  doi?: string;
  url?: string;
  abstract?: string;
}

export interface Judged {
  records: ReadBack[];
  problems: string[];
}

const joined = (...parts: (string | undefined)[]) => parts.filter((p) => p).join(' ');

function bibName(c: Creator): string {
  return c.name ?? joined(c.firstName, c.prefix, c.lastName, c.suffix);
}

export function readBibtex(text: string): Judged {
  // Titles exactly as written: Zotero's own sentence-casing on import is its convention, not the file's content.
  const lib = parseBib(text, { english: false });
  const problems = lib.errors.map((e) => JSON.stringify(e));
  const records = lib.entries.map((e): ReadBack => {
    const f = e.fields as Record<string, unknown>;
    const s = (name: string) => (typeof f[name] === 'string' ? (f[name] as string) : undefined);
    return {
      key: e.key,
      type: e.type,
      title: s('title') ?? '',
      authors: ((f.author as Creator[] | undefined) ?? []).map(bibName),
      year: s('year'),
      date: s('date'),
      eprint: s('eprint'),
      primaryClass: s('primaryclass'),
      doi: s('doi'),
      url: s('url'),
      abstract: s('abstract'),
    };
  });
  return { records, problems };
}

type CslName = { family?: string; given?: string; suffix?: string; literal?: string; [k: string]: unknown };

function cslName(n: CslName): string {
  return (
    n.literal ??
    joined(n.given, n['dropping-particle'] as string, n['non-dropping-particle'] as string, n.family, n.suffix)
  );
}

function fromCsl(item: Record<string, unknown>): ReadBack {
  const s = (name: string) => (typeof item[name] === 'string' ? (item[name] as string) : undefined);
  const parts = (item.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
  const pad = (n: number) => String(n).padStart(2, '0');
  const note = s('note') ?? '';
  const cls = /\[([^\]]+)\]$/.exec(note)?.[1];
  return {
    key: s('id'),
    type: String(item.type),
    title: s('title') ?? '',
    authors: ((item.author as CslName[] | undefined) ?? []).map(cslName),
    year: parts?.[0] === undefined ? undefined : String(parts[0]),
    date: parts?.length === 3 ? `${parts[0]}-${pad(parts[1]!)}-${pad(parts[2]!)}` : undefined,
    eprint: /^arXiv:(\S+)$/.exec(s('number') ?? '')?.[1],
    primaryClass: cls,
    doi: s('DOI'),
    url: s('URL'),
    abstract: s('abstract'),
  };
}

/** Citation.js reads `text` as `type`; its log is watched for anything above "info" while it does. */
async function citationJs(input: unknown, type: string): Promise<Judged> {
  const problems: string[] = [];
  const original = logger._output.bind(logger);
  logger._output = (level, scope, msg) => {
    if (level === 'unmapped' || level === 'warn' || level === 'error')
      problems.push(`${level} ${scope} ${JSON.stringify(msg)}`);
    original(level, scope, msg);
  };
  try {
    const cite = await Cite.async(input, { forceType: type });
    // citeproc renders every item: a shape it cannot format fails here.
    cite.format('bibliography', { format: 'text', template: 'apa' });
    return { records: cite.data.map(fromCsl), problems };
  } catch (e) {
    return { records: [], problems: [...problems, String(e)] };
  } finally {
    logger._output = original;
  }
}

export const readRis = (text: string) => citationJs(text, '@ris/file');
export const readCslJson = (text: string) => citationJs(JSON.parse(text), '@csl/list+object');
