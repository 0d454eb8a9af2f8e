/**
 * Reads arXiv papers out of a BibTeX file (ours, arxiv.org's, Google Scholar's, DBLP's, a
 * reference manager's). A small tolerant parser: entries it cannot make sense of, or that name no
 * arXiv paper, are counted as skipped rather than failing the file; only a file with no entries at
 * all or with braces that never close is refused. It never throws: the file is untrusted input.
 */
import { t } from '../../core/i18n';
import { arxivIdOf, toPaper, type BibtexPaper } from './entries';
import { entryEnd, lineOf } from './lexer';
import { MacroOverflow, MAX_MACRO_DEPTH, MAX_MACRO_EXPANSION, MONTHS, readFields, type Macros } from './macros';

export type { BibtexPaper } from './entries';

export type BibtexImport = { ok: true; items: BibtexPaper[]; skipped: number } | { ok: false; error: string };

export const MAX_BIBTEX_CHARS = 50 * 1024 * 1024;

/** The arXiv papers of a BibTeX file, each id once (first entry wins), in file order. Never throws. */
export function parseBibtex(text: string): BibtexImport {
  try {
    if (typeof text !== 'string') return { ok: false, error: t('bibtexNoEntries') };
    if (text.length > MAX_BIBTEX_CHARS) return { ok: false, error: t('bibtexTooLarge') };
    const macros: Macros = {
      defs: new Map(MONTHS.map((m, i) => [m, { value: String(i + 1), depth: 0 }])),
      budget: MAX_MACRO_EXPANSION,
    };
    const items: BibtexPaper[] = [];
    const seen = new Set<string>();
    let entries = 0;
    let skipped = 0;
    const HEAD = /@\s*([A-Za-z][\w-]*)\s*([{(])/y;
    for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      // Text between entries is a comment in BibTeX, "@" included (an e-mail address, say).
      HEAD.lastIndex = at;
      const head = HEAD.exec(text);
      if (!head) continue;
      const open = HEAD.lastIndex - 1;
      const end = entryEnd(text, open);
      const type = head[1]!.toLowerCase();
      if (end < 0) {
        const what = /^[^,\s]{1,60}/.exec(text.slice(open + 1))?.[0];
        return {
          ok: false,
          error: t('bibtexUnbalanced', `@${type}${what ? `{${what}` : ''}`, lineOf(text, at)),
        };
      }
      const body = text.slice(open + 1, end);
      at = end;
      if (type === 'comment' || type === 'preamble') continue;
      if (type === 'string') {
        const depths = new Map<string, number>();
        const defs = readFields({ s: body, p: 0 }, macros, depths);
        for (const [name, value] of defs ?? []) {
          const depth = (depths.get(name) ?? 0) + 1;
          if (depth > MAX_MACRO_DEPTH) throw new MacroOverflow();
          macros.defs.set(name, { value, depth });
        }
        continue;
      }
      entries++;
      // The citation key runs to the first comma; a body without one holds no fields.
      const comma = body.indexOf(',');
      const fields = comma < 0 ? undefined : readFields({ s: body, p: comma + 1 }, macros);
      const id = fields && arxivIdOf(fields);
      if (!fields || !id) skipped++;
      else if (!seen.has(id)) {
        seen.add(id);
        items.push(toPaper(id, fields));
      }
    }
    if (entries === 0) return { ok: false, error: t('bibtexNoEntries') };
    return { ok: true, items, skipped };
  } catch (e) {
    if (e instanceof MacroOverflow) return { ok: false, error: t('bibtexMacrosTooLarge') };
    return { ok: false, error: t('bibtexUnreadable', e instanceof Error ? e.message : String(e)) };
  }
}
