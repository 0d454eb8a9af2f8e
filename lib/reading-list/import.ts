/**
 * Importing into the reading list: a Papertab JSON backup (merged, newer edit winning per field)
 * or BibTeX with arXiv eprints. A malformed or foreign file changes nothing: parsing happens
 * before the one transaction that writes.
 */
import type { PapertabDB } from '../store/db';
import { parseBackup } from './backup';
import { parseBibtex } from './bibtex/import';
import { mergeAll } from './merge';
import { t, tn } from '../core/i18n';
import { MAX_IMPORT_ENTRIES, type SavedPaper } from '../core/saved';
import { applyToList, newSaved } from '../store/reading-list';
import { paperFromPage } from '../core/save-request';
import { clampTimes, lastChange, revived } from '../core/stamps';
import { deletionTimes } from '../sync/tombstones';
import { looksLikeRis, parseRis } from './refs/ris';
import { isCslJson, parseCslJson } from './refs/csl';
import type { ReferenceImport } from './refs/reference';

export type ImportResult = { ok: true; message: string } | { ok: false; error: string };

const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

export async function importText(db: PapertabDB, text: string, now = Date.now()): Promise<ImportResult> {
  if (text.length > MAX_FILE_BYTES) return { ok: false, error: t('importTooLarge') };
  if (looksLikeRis(text)) return importReferences(db, parseRis(text), 'RIS', now);
  if (looksLikeJson(text)) {
    const csl = cslJsonOf(text);
    if (csl !== undefined) return importReferences(db, parseCslJson(csl), 'CSL-JSON', now);
    const parsed = parseBackup(text);
    if (!parsed.ok) return { ok: false, error: t('importNothingChanged', parsed.error) };
    // Times from a file are clamped once, here (at most `CLOCK_SKEW_MS` ahead): they then are this
    // device's stamps and travel unchanged.
    const items = parsed.items.map((r) => clampTimes(r, now));
    return writeMerged(db, items, 'backup', now);
  }
  if (text.includes('@')) {
    const parsed = parseBibtex(text);
    if (!parsed.ok) return { ok: false, error: t('importNothingChanged', parsed.error) };
    if (tooMany(parsed)) return tooMany(parsed)!;
    if (parsed.items.length === 0) {
      const none = tn(parsed.skipped, 'importNoArxivIdOne', 'importNoArxivIdOther');
      return { ok: false, error: t('importNothingChanged', none) };
    }
    const incoming: SavedPaper[] = parsed.items.map((e) => {
      // A BibTeX year is no publication date: the date comes when the paper is completed from HF.
      const paper = paperFromPage(e.id, { title: e.title, authors: e.authors }, 0);
      // Never newer than anything the user already edited.
      return { ...newSaved(paper, now, 0), incomplete: true };
    });
    const r = await writeMerged(db, incoming, 'bibtex', now);
    if (r.ok && parsed.skipped) r.message += ` ${tn(parsed.skipped, 'importSkippedOne', 'importSkippedOther')}`;
    return r;
  }
  return { ok: false, error: t('importUnknownFormat') };
}

/** The one entry cap (`MAX_IMPORT_ENTRIES`), for every format: a file over it changes nothing. */
function tooMany(parsed: { items: unknown[]; skipped: number }): ImportResult | undefined {
  const n = parsed.items.length + parsed.skipped;
  if (n <= MAX_IMPORT_ENTRIES) return undefined;
  return { ok: false, error: t('importNothingChanged', t('importTooManyEntries', n, MAX_IMPORT_ENTRIES)) };
}

/** The parsed JSON when it is CSL-JSON (a list, or one item with a type), else undefined. */
function cslJsonOf(text: string): unknown {
  try {
    const json: unknown = JSON.parse(text);
    return isCslJson(json) ? json : undefined;
  } catch {
    return undefined; // the backup reader says what is wrong
  }
}

/**
 * RIS, CSL-JSON and a Zotero collection add papers like BibTeX: never touching saved ones, details
 * completed from Hugging Face.
 */
export async function importReferences(
  db: PapertabDB,
  parsed: ReferenceImport,
  format: 'RIS' | 'CSL-JSON' | 'Zotero',
  now: number,
): Promise<ImportResult> {
  if (!parsed.ok) return { ok: false, error: t('importNothingChanged', parsed.error) };
  if (tooMany(parsed)) return tooMany(parsed)!;
  if (parsed.items.length === 0) {
    const none = tn(parsed.skipped, 'importNoArxivIdRefOne', 'importNoArxivIdRefOther');
    return { ok: false, error: t('importNothingChanged', none) };
  }
  const incoming = parsed.items.map((r) => ({ ...newSaved(paperFromPage(r.id, r.meta, 0), now, 0), incomplete: true }));
  const r = await writeMerged(db, incoming, format, now);
  if (r.ok && parsed.skipped) r.message += ` ${tn(parsed.skipped, 'importSkippedOne', 'importSkippedOther')}`;
  return r;
}

/**
 * Importing is the user's edit, made now: a paper it names whose deletion (here, or on another
 * device as the synced list says) would win at the next sync is stamped like an Undo (`revived`),
 * later than now and than that deletion, so the next sync cannot delete it again here or elsewhere.
 */
async function writeMerged(
  db: PapertabDB,
  all: SavedPaper[],
  kind: 'backup' | 'bibtex' | 'RIS' | 'CSL-JSON' | 'Zotero',
  now: number,
): Promise<ImportResult> {
  // Read before the transaction: awaiting browser.storage inside it would end it.
  const deleted = await deletionTimes(
    all.map((r) => r.id),
    now,
  );
  const { counts } = await applyToList(
    db,
    async (read) => {
      const existing = await read(all.map((r) => r.id));
      // BibTeX, RIS and CSL-JSON carry no status, tags or notes: they only add papers, never touch saved ones.
      const known = new Map(existing.map((r) => [r.id, r]));
      const incoming = kind !== 'backup' ? all.filter((r) => !known.has(r.id)) : all;
      const skipped = all.length - incoming.length;
      const { merged, added, updated, unchanged } = mergeAll(existing, incoming);
      const touched = new Set(incoming.map((r) => r.id));
      // A paper coming back past a deletion (not on the list, or on it with a deletion as late as its
      // last change, which would win at the next sync) is stamped past that deletion, fields included:
      // the import outlives it, and no copy that predates it lends the paper a field.
      const doomed = (r: SavedPaper) => deleted.has(r.id) && (!known.has(r.id) || deleted.get(r.id)! >= lastChange(r));
      const puts = merged
        .filter((r) => touched.has(r.id) && (r !== known.get(r.id) || doomed(r)))
        .map((r) => (doomed(r) ? revived(r, now, deleted.get(r.id)) : r));
      return { puts, deletes: [], counts: { added, updated, unchanged: unchanged + skipped } };
    },
    { now, back: (r) => r.puts.map((p) => p.id) },
  );
  const n = counts.added + counts.updated + counts.unchanged;
  return {
    ok: true,
    message:
      kind === 'backup'
        ? tn(n, 'importedBackupOne', 'importedBackupOther', counts.added, counts.updated, counts.unchanged)
        : kind === 'bibtex'
          ? tn(n, 'importedBibtexOne', 'importedBibtexOther', counts.added, counts.updated, counts.unchanged)
          : kind === 'Zotero'
            ? tn(n, 'importedZoteroOne', 'importedZoteroOther', counts.added, counts.updated, counts.unchanged)
            : tn(n, 'importedRefsOne', 'importedRefsOther', kind, counts.added, counts.updated, counts.unchanged),
  };
}
