/**
 * The reading list as Markdown to read or paste anywhere: grouped by status, one bullet per paper
 * linking to its Hugging Face page, tags and note on nested lines. All user and feed text is
 * escaped, so a title like "[click](javascript:…)" or "*bold*" stays literal text. Headings and
 * labels are in the browser's language (messages are ours, trusted: not escaped).
 */
import { t, type PlainKey } from '../../core/i18n';
import type { ReadingStatus, SavedPaper } from '../../core/saved';
import { singleLine } from '../../core/single-line';
import { isArxivId } from '../../core/arxiv-id';
import { paperYear } from '../../core/paper';
import { hfPaperUrl } from '../../core/paper-links';
import { escapeMarkdown } from '../../core/markdown-escape';
import { arxivDoi } from '../../core/citation';

const GROUPS: [ReadingStatus, PlainKey][] = [
  ['to-read', 'statusToRead'],
  ['reading', 'statusReading'],
  ['read', 'statusRead'],
];
/** Long author lists (some papers have hundreds) are cut to keep one paper on one line. */
const MAX_AUTHORS = 10;

export { escapeMarkdown };

/** Escapes one line of free text, including what would start a heading, quote or list. */
function escapeLine(line: string): string {
  return escapeMarkdown(line)
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

function authors(list: string[]): string {
  const shown = list
    .slice(0, MAX_AUTHORS)
    .map((name) => singleLine(name))
    .join(', ');
  return list.length > MAX_AUTHORS ? `${shown} et al.` : shown;
}

function item(saved: SavedPaper): string {
  const { paper } = saved;
  const year = paperYear(paper);
  // One line each, whatever the record holds: a line break would let the rest start a heading or list.
  const title = escapeMarkdown(singleLine(paper.title));
  let line = `- [${title}](${hfPaperUrl(saved.id)})`;
  const by = escapeMarkdown(authors(paper.authors));
  if (by) line += ` — ${by}`;
  if (year) line += ` (${year})`;
  if (isArxivId(saved.id)) line += ` · arXiv:${saved.id}`;
  const doi = arxivDoi(saved.id);
  if (doi) line += ` · doi:${doi}`;
  const lines = [line];
  const tags = saved.tags.map((tag) => singleLine(tag)).filter(Boolean);
  if (tags.length) {
    const text = tags.map(escapeMarkdown).join(', ');
    lines.push(`  - ${t('markdownTags', text)}`);
  }
  const note = saved.note.trim();
  if (note) {
    // Continuation lines are indented under "- Note:", so blank lines or bullets in a note stay inside it.
    const [first = '', ...rest] = note.split(/\r\n?|\n/).map((l) => l.trimEnd());
    lines.push(
      `  - ${t('markdownNote', escapeMarkdown(first))}`,
      ...rest.map((l) => (l ? `    ${escapeLine(l)}` : '')),
    );
  }
  return lines.join('\n');
}

/** The list as Markdown: "To read", "Reading", "Read" sections (empty ones left out), list order within each. */
export function toMarkdown(list: readonly SavedPaper[]): string {
  const sections = GROUPS.flatMap(([status, heading]) => {
    const items = list.filter((s) => s.status === status);
    return items.length ? [`## ${t(heading)}\n\n${items.map(item).join('\n')}\n`] : [];
  });
  return `# ${t('readingList')}\n\n${sections.length ? sections.join('\n') : `_${t('markdownEmpty')}_\n`}`;
}
