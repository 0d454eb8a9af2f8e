/**
 * The JSON backup of the whole reading list, and its import. A backup file is untrusted (it may be
 * hand-edited, truncated, from a newer Papertab, or not ours at all): every record is checked by a
 * schema, links that are not http(s) are dropped, unknown fields are stripped, and any problem
 * becomes a message for the user instead of an exception.
 *
 * The reading-list fields (status, tags, note, dates) are strict: a record that is wrong there
 * rejects the file, since importing it would lose or invent the user's own data. The paper's
 * optional fields are lenient like lib/hf/hf-schema.ts: a malformed one is dropped, the paper kept.
 */
import * as v from 'valibot';
import { dropUndefined } from '../core/drop-undefined';
import { ARXIV_CLASS_RE, PAPER_ID_RE } from '../core/paper-id';
import { t } from '../core/i18n';
import type { Organization, Paper, Person } from '../core/paper';
import type { SavedPaper } from '../core/saved';
import { safeHttpUrl } from '../core/safe-url';
import { singleLine } from '../core/single-line';
import { MAX_IMPORT_ENTRIES } from '../core/saved';
import { joinByCanonicalId } from './same-paper';

export const BACKUP_FORMAT = 'papertab-backup';
export const BACKUP_VERSION = 1;
export const MAX_BACKUP_CHARS = 50 * 1024 * 1024;
/** The one import cap (`MAX_IMPORT_ENTRIES`), as backups count it. */
export const MAX_BACKUP_PAPERS = MAX_IMPORT_ENTRIES;

export type BackupResult = { ok: true; items: SavedPaper[] } | { ok: false; error: string };

/** The backup file's text: pretty-printed JSON, `exportedAt` (epoch ms) written as ISO 8601. */
export function toBackup(list: readonly SavedPaper[], exportedAt: number): string {
  const file = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    papers: list,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

// --- schemas ------------------------------------------------------------------------------------

/** Epoch milliseconds that a Date can hold. */
const Timestamp = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(8.64e15));
const Count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const Id = v.pipe(v.string(), v.regex(PAPER_ID_RE));
const str = (min: number, max: number) => v.pipe(v.string(), v.minLength(min), v.maxLength(max));
/** A title, name or tag: checked for length as written, then put on one line (lib/core/single-line.ts). */
const line = (min: number, max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max),
    v.transform((s) => singleLine(s)),
    v.minLength(min),
  );

/** Optional field: absent, null or malformed all become undefined. */
const opt = <T extends v.GenericSchema>(schema: T) =>
  v.pipe(
    v.fallback(v.nullish(schema), undefined),
    v.transform((x) => (x ?? undefined) as v.InferOutput<T> | undefined),
  );
/** A link that may become clickable: http(s) only, else undefined. */
const Link = v.pipe(v.optional(v.unknown()), v.transform(safeHttpUrl));

/** An array whose malformed entries are dropped one by one instead of failing the whole array. */
function lenientArray<T extends v.GenericSchema>(item: T, max: number) {
  return v.pipe(
    v.fallback(v.array(v.unknown()), []),
    v.transform((arr: unknown[]) =>
      arr.slice(0, max).flatMap((x) => {
        const r = v.safeParse(item, x);
        return r.success ? [r.output as v.InferOutput<T>] : [];
      }),
    ),
  );
}

const PersonSchema = v.pipe(
  v.object({ name: line(1, 200), fullname: opt(line(0, 200)), avatarUrl: Link }),
  v.transform((p): Person => dropUndefined(p)),
);

const OrganizationSchema = v.pipe(
  v.object({ name: line(1, 200), fullname: opt(line(0, 200)), avatar: Link }),
  v.transform((o): Organization => dropUndefined(o)),
);

const IsoDate = v.pipe(
  v.string(),
  v.check((s) => !Number.isNaN(Date.parse(s))),
  v.transform((s) => new Date(s).toISOString()),
);

export const BackupPaperSchema = v.pipe(
  v.object({
    id: Id,
    title: v.pipe(
      v.string(),
      v.transform((s) => singleLine(s, 1000)),
      v.check((s) => s !== ''),
    ),
    summary: v.fallback(
      v.pipe(
        v.string(),
        v.transform((s) => s.slice(0, 20_000)),
      ),
      '',
    ),
    authors: lenientArray(line(1, 300), 1000),
    publishedAt: opt(IsoDate),
    day: v.fallback(v.pipe(v.string(), v.regex(/^(?:\d{4}-\d{2}-\d{2})?$/)), ''),
    upvotes: v.fallback(Count, 0),
    numComments: v.fallback(Count, 0),
    thumbnail: Link,
    aiSummary: opt(str(0, 2000)),
    aiKeywords: lenientArray(line(1, 100), 30),
    githubRepo: Link,
    githubStars: opt(Count),
    projectPage: Link,
    organization: opt(OrganizationSchema),
    submittedBy: opt(PersonSchema),
    primaryClass: opt(v.pipe(v.string(), v.maxLength(40), v.regex(ARXIV_CLASS_RE))),
    fetchedAt: v.fallback(Timestamp, 0),
  }),
  v.transform((p): Paper => dropUndefined(p)),
);

export const SavedPaperSchema = v.pipe(
  v.object({
    id: Id,
    paper: BackupPaperSchema,
    savedAt: Timestamp,
    updatedAt: Timestamp,
    status: v.picklist(['to-read', 'reading', 'read']),
    tags: v.pipe(v.array(line(0, 200)), v.maxLength(1000)),
    note: str(0, 100_000),
    edited: v.object({ status: Timestamp, tags: Timestamp, note: Timestamp }),
    incomplete: v.optional(v.boolean()),
  }),
  v.check((s) => s.paper.id === s.id, 'the paper inside has a different id'),
  v.transform((s): SavedPaper => dropUndefined(s)),
);

// --- parsing ------------------------------------------------------------------------------------

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function fail(error: string): BackupResult {
  return { ok: false, error };
}

function describePaper(raw: unknown, index: number): string {
  return isRecord(raw) && typeof raw.id === 'string' && PAPER_ID_RE.test(raw.id)
    ? t('backupPaperRefWithId', index + 1, raw.id)
    : t('backupPaperRef', index + 1);
}

/** Reads a backup file's text. Never throws: anything wrong is a message fit to show the user. */
export function parseBackup(text: string): BackupResult {
  try {
    if (typeof text !== 'string') return fail(t('backupEmpty'));
    if (text.length > MAX_BACKUP_CHARS) return fail(t('backupTooLarge'));
    if (text.trim() === '') return fail(t('backupEmpty'));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fail(t('backupNotJson'));
    }
    if (!isRecord(json) || json.format !== BACKUP_FORMAT) return fail(t('backupNotBackup'));
    const { version, papers } = json;
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
      return fail(t('backupBadVersion'));
    }
    if (version > BACKUP_VERSION) {
      return fail(t('backupNewerVersion', version));
    }
    if (!Array.isArray(papers)) return fail(t('backupNoPaperList'));
    if (papers.length > MAX_BACKUP_PAPERS) {
      return fail(t('backupTooManyPapers', papers.length, MAX_BACKUP_PAPERS));
    }
    const items: SavedPaper[] = [];
    for (const [index, raw] of papers.entries()) {
      const r = v.safeParse(SavedPaperSchema, raw);
      if (!r.success) {
        const issue = r.issues[0];
        const path = v.getDotPath(issue);
        const paper = describePaper(raw, index);
        return fail(
          !isRecord(raw)
            ? t('backupPaperNotRecord', paper)
            : path
              ? t('backupPaperBadField', paper, path)
              : t('backupPaperInvalid', paper, issue.message),
        );
      }
      items.push(r.output);
    }
    // A paper under both forms of an old-style id (`math.DG/0211159`, `math/0211159`) is one paper.
    return { ok: true, items: joinByCanonicalId(items) };
  } catch (e) {
    // Nothing above should throw; if something does (e.g. out of memory), say so instead of crashing the page.
    return fail(t('backupUnreadable', e instanceof Error ? e.message : String(e)));
  }
}
