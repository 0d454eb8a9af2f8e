import { useEffect, useMemo, useState } from 'preact/hooks';
import { db } from '@/lib/store/db';
import { t, tn } from '@/lib/core/i18n';
import {
  addTag,
  allTags,
  filterList,
  removeMany,
  restoreMany,
  setNote,
  setStatus,
  setTags,
  STATUSES,
  statusCounts,
  type SortKey,
} from '@/lib/reading-list/list';
import type { ReadingStatus, SavedPaper } from '@/lib/core/saved';
import { requestPersistence } from '@/lib/store/persist';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import { useDbUnavailable } from '@/lib/hooks/use-db-status';
import { DatabaseUnavailable } from './DatabaseUnavailable';
import { useSettings } from '@/lib/hooks/use-settings';
import { ExportImport } from './ExportImport';
import { SavedItem } from './SavedItem';

/** The reading list: every saved paper, newest first, with status, tags, notes, bulk edits and export. */
export function ReadingListApp() {
  const dbUnavailable = useDbUnavailable();
  const list = useLiveQuery<SavedPaper[] | undefined>(() => db().saved.toArray(), [], undefined);
  const [status, setStatusFilter] = useState<ReadingStatus | undefined>();
  const [tag, setTag] = useState('');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('saved');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [removed, setRemoved] = useState<SavedPaper[]>();
  const [bulkTag, setBulkTag] = useState('');
  const [persisted, setPersisted] = useState<boolean>();
  useSettings(); // theme

  useEffect(() => {
    void requestPersistence().then(setPersisted);
  }, []);

  const all = list ?? [];
  const shown = useMemo(
    () => filterList(all, { status, tag: tag || undefined, query, sort }),
    [all, status, tag, query, sort],
  );
  const counts = statusCounts(all);
  const tags = allTags(all);
  const selectedIds = [...selected].filter((id) => all.some((r) => r.id === id));

  async function remove(ids: string[]) {
    setRemoved(await removeMany(db(), ids));
    setSelected(new Set());
  }

  return (
    <>
      <header class="top">
        <div class="top-row">
          <h1>
            {t('readingList')}
            {list && <span class="count"> ({list.length})</span>}
          </h1>
          <a href="/newtab.html">{t('dailyPapers')}</a>
        </div>
        <div class="top-row">
          <div class="segmented" role="group" aria-label={t('filterByStatus')}>
            <button type="button" aria-pressed={!status} onClick={() => setStatusFilter(undefined)}>
              {t('allCount', all.length)}
            </button>
            {STATUSES.map((s) => (
              <button
                key={s.value}
                type="button"
                aria-pressed={status === s.value}
                onClick={() => setStatusFilter(s.value)}
              >
                {t('statusCount', s.label, counts[s.value])}
              </button>
            ))}
          </div>
          <label>
            {t('tag')}{' '}
            <select value={tag} onChange={(e) => setTag((e.target as HTMLSelectElement).value)}>
              <option value="">{t('allTags')}</option>
              {tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('sortBy')}{' '}
            <select value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value as SortKey)}>
              <option value="saved">{t('sortDateSaved')}</option>
              <option value="published">{t('sortDatePublished')}</option>
              <option value="upvotes">{t('sortUpvotesOption')}</option>
            </select>
          </label>
        </div>
        <div class="search" role="search">
          <input
            type="search"
            aria-label={t('searchReadingList')}
            placeholder={t('searchReadingListPlaceholder')}
            value={query}
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          />
        </div>
        {selectedIds.length > 0 && (
          <div class="bulk" role="group" aria-label={t('selectedPapers')}>
            <span>{t('selectedCount', selectedIds.length)}</span>
            {STATUSES.map((s) => (
              <button key={s.value} type="button" onClick={() => void setStatus(db(), selectedIds, s.value)}>
                {t(s.markKey)}
              </button>
            ))}
            <input
              type="text"
              aria-label={t('bulkTag')}
              placeholder={t('tag')}
              value={bulkTag}
              onInput={(e) => setBulkTag((e.target as HTMLInputElement).value)}
            />
            <button
              type="button"
              disabled={!bulkTag.trim()}
              onClick={() => {
                void addTag(db(), selectedIds, bulkTag);
                setBulkTag('');
              }}
            >
              {t('addTag')}
            </button>
            <button type="button" onClick={() => void remove(selectedIds)}>
              {t('removeSelected')}
            </button>
            <button type="button" onClick={() => setSelected(new Set())}>
              {t('clearSelection')}
            </button>
          </div>
        )}
      </header>
      <main class="glance">
        {dbUnavailable && <DatabaseUnavailable />}
        <p class="match-count" role="status">
          {list ? tn(all.length, 'shownOfOne', 'shownOfOther', shown.length) : t('loading')}
          {shown.length > 0 && (
            <button type="button" class="link-button" onClick={() => setSelected(new Set(shown.map((r) => r.id)))}>
              {t('selectAllShown')}
            </button>
          )}
        </p>
        {list && list.length === 0 && <p class="notice">{t('nothingSaved')}</p>}
        <section class="papers" aria-label={t('savedPapers')}>
          {shown.map((item) => (
            <SavedItem
              key={item.id}
              item={item}
              selected={selected.has(item.id)}
              onSelect={(id, on) =>
                setSelected((s) => {
                  const next = new Set(s);
                  if (on) next.add(id);
                  else next.delete(id);
                  return next;
                })
              }
              onStatus={(id, st) => void setStatus(db(), [id], st)}
              onTags={(id, t) => void setTags(db(), id, t)}
              onNote={(id, n) => void setNote(db(), id, n)}
              onRemove={(id) => void remove([id])}
            />
          ))}
        </section>
        <ExportImport list={all} />
        <p class="storage-note">
          {persisted === undefined ? '' : persisted ? t('storagePersistent') : t('storageBestEffort')}
        </p>
      </main>
      {removed && removed.length > 0 && (
        <div class="toast" role="status">
          <span>
            {removed.length === 1 ? t('removedTitle', removed[0]!.paper.title) : t('removedCount', removed.length)}
          </span>
          <button
            type="button"
            onClick={() => {
              void restoreMany(db(), removed);
              setRemoved(undefined);
            }}
          >
            {t('undo')}
          </button>
          <button type="button" aria-label={t('dismiss')} onClick={() => setRemoved(undefined)}>
            ×
          </button>
        </div>
      )}
    </>
  );
}
