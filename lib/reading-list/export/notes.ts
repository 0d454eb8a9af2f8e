/**
 * The reading list as notes that travel: one Markdown file per paper, YAML front matter (title,
 * authors, arXiv id, DOI, link, tags, status, dates) then the user's note, the layout Obsidian,
 * Logseq and similar tools read as properties. Files are named by citation key
 * (`lovelace2024sparse.md`): unique on the list, ASCII letters and digits only, so safe on every
 * file system, and the name reference-manager plugins give literature notes.
 *
 * Every text value is a YAML double-quoted scalar written by `yamlString` (JSON's escapes, which
 * YAML 1.2 reads, plus the characters YAML forbids unescaped), so no title can end the front
 * matter, start a key, or become a number, date, boolean or alias.
 */
import type { SavedPaper } from '../../core/saved';
import { citationUrl, isArxivId } from '../../core/arxiv-id';
import { arxivDoi } from '../../core/citation';
import { singleLine } from '../../core/single-line';
import { baseKey, bibtexKeys } from '../bibtex/export';

/** A YAML 1.2 double-quoted scalar for any text: JSON's escaping, plus DEL, C1 controls, U+2028/9 and BOM. */
export function yamlString(text: string): string {
  return JSON.stringify(text).replace(
    /[\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** An epoch-ms time as a YAML date (YYYY-MM-DD), or undefined when it is not a time. */
function day(ms: number | string | undefined): string | undefined {
  if (ms === undefined) return undefined;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

function list(name: string, values: readonly string[]): string[] {
  return values.length ? [`${name}:`, ...values.map((v) => `  - ${yamlString(v)}`)] : [`${name}: []`];
}

/** One paper's note file text: front matter, then the note as written. */
export function noteFile(saved: SavedPaper, key: string): string {
  const { id, paper } = saved;
  const doi = arxivDoi(id);
  const published = day(paper.publishedAt);
  const lines = [
    '---',
    `title: ${yamlString(singleLine(paper.title))}`,
    ...list('authors', paper.authors.map((a) => singleLine(a)).filter(Boolean)),
    ...(isArxivId(id) ? [`arxiv: ${yamlString(id)}`] : [`paper: ${yamlString(id)}`]),
    ...(doi ? [`doi: ${yamlString(doi)}`] : []),
    `url: ${yamlString(citationUrl(id))}`,
    `citekey: ${yamlString(key)}`,
    ...list('tags', saved.tags.map((t) => singleLine(t)).filter(Boolean)),
    `status: ${yamlString(saved.status)}`,
    ...(published ? [`published: ${published}`] : []),
    ...(day(saved.savedAt) ? [`saved: ${day(saved.savedAt)}`] : []),
    ...(day(saved.updatedAt) ? [`updated: ${day(saved.updatedAt)}`] : []),
    '---',
    '',
  ];
  // The note byte for byte (line ends and spaces as typed): the file is the user's note.
  return `${lines.join('\n')}${saved.note}`;
}

/** Longest file name (with `.md`): `unzip` and Python's zipfile read it, every file system keeps it. */
export const MAX_NOTE_NAME_CHARS = 80;

/** `key`.md within `MAX_NOTE_NAME_CHARS` (cut by code points), made unique in `taken` with -2, -3… */
function fileName(key: string, taken: Set<string>): string {
  const room = MAX_NOTE_NAME_CHARS - '.md'.length;
  const cut = (s: string, n: number) => [...s].slice(0, n).join('');
  let name = `${cut(key, room)}.md`;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${cut(key, room - String(i).length - 1)}-${i}.md`;
  taken.add(name.toLowerCase());
  return name;
}

/** One file per paper, named by its citation key, in list order; `keys` as for BibTeX (`toBibtex`). */
export function noteFiles(all: readonly SavedPaper[], keys = bibtexKeys(all)): { name: string; text: string }[] {
  const key = (s: SavedPaper) => keys.get(s.id) ?? baseKey(s.paper);
  const seen = new Set<string>();
  const taken = new Set<string>();
  return all
    .filter((s) => !seen.has(s.id) && !!seen.add(s.id))
    .map((s) => ({ name: fileName(key(s), taken), text: noteFile(s, key(s)) }));
}
