/**
 * Importing a Zotero collection: its arXiv papers join the reading list through the reading
 * list's usual merge (one transaction: all or nothing), completed from Hugging Face later like
 * any imported reference. "For you" learns from the reading list, so from them too.
 */
import { t } from '../core/i18n';
import { importReferences } from '../reading-list/import';
import { primaryClassIn, toMeta, type ReferencePaper } from '../reading-list/refs/reference';
import { ZoteroError } from './http';
import type { LibraryDeps } from './library';
import type { SendDeps } from './send';
import { collectionItems, collections } from './local-api';
import { arxivIdOf } from './match';
import type { LocalItem } from './schemas';
import { failureMessage } from './states';

/** The library check's, and the database the collection's papers are saved to. */
type Deps = LibraryDeps & Pick<SendDeps, 'db'>;

const failure = (err: unknown) => ({
  ok: false as const,
  message: failureMessage(err instanceof ZoteroError ? err.kind : 'failed'),
});

/** Every collection, named by its path ("Thesis › Reading group"), in name order. */
export async function listCollections(deps: Deps) {
  try {
    if (!(await deps.hasPermission())) throw new ZoteroError('no-permission');
    const all = await collections(deps);
    const byKey = new Map(all.map((c) => [c.key, c]));
    const label = (key: string, depth = 0): string => {
      const c = byKey.get(key);
      if (!c) return '';
      const parent = c.data.parentCollection;
      return parent && depth < 50 ? `${label(parent, depth + 1)} › ${c.data.name}` : c.data.name;
    };
    const list = all.map((c) => ({ key: c.key, label: label(c.key) })).sort((a, b) => a.label.localeCompare(b.label));
    return { ok: true as const, collections: list };
  } catch (err) {
    return failure(err);
  }
}

function reference(item: LocalItem, id: string): ReferencePaper {
  const d = item.data;
  const authors = (d.creators ?? [])
    .map((c) => c.name ?? [c.firstName, c.lastName].filter(Boolean).join(' '))
    .filter(Boolean);
  const date = /^\d{4}-\d\d-\d\d/.exec(d.date ?? '')?.[0];
  return {
    id,
    meta: toMeta({ title: d.title, authors, date, abstract: d.abstractNote, primaryClass: primaryClassIn(d.extra) }),
  };
}

export async function importCollection(deps: Deps, key: string) {
  try {
    if (!(await deps.hasPermission())) throw new ZoteroError('no-permission');
    const items = await collectionItems(deps, key);
    const found = items.flatMap((item) => {
      const id = arxivIdOf(item);
      return id ? [reference(item, id)] : [];
    });
    if (found.length === 0) return { ok: false, message: t('zoteroImportNone') };
    const r = await importReferences(
      deps.db,
      { ok: true, items: found, skipped: items.length - found.length },
      'Zotero',
      deps.now(),
    );
    return r.ok ? { ok: true, message: r.message } : { ok: false, message: r.error };
  } catch (err) {
    return failure(err);
  }
}
