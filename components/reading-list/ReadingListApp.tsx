import { useEffect, useMemo, useState } from 'preact/hooks';
import { db } from '@/lib/store/db';
import { t, tn } from '@/lib/core/i18n';
import {
  allTags,
  filterList,
  removeMany,
  restoreMany,
  setNote,
  setStatus,
  setTags,
  statusCounts,
  type SortKey,
} from '@/lib/reading-list/list';
import type { ReadingStatus, SavedPaper } from '@/lib/core/saved';
import { requestPersistence } from '@/lib/store/persist';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import { useDbUnavailable } from '@/lib/hooks/use-db-status';
import { DatabaseUnavailable } from '../shared/DatabaseUnavailable';
import { useSettings } from '@/lib/hooks/use-settings';
import { useZotero } from '@/lib/hooks/use-zotero';
import { ZoteroSentToast } from '../shared/ZoteroSentToast';
import { useSelection } from '@/lib/hooks/use-selection';
import { BulkActions } from './BulkActions';
import { ExportImport } from '../shared/ExportImport';
import { ReadingListToolbar } from './ReadingListToolbar';
import { UndoToast } from '../shared/UndoToast';
import { SavedItem } from './SavedItem';
import { useSavedExtras } from '@/lib/hooks/use-saved-extras';

/** The reading list: every saved paper, newest first, with status, tags, notes, bulk edits and export. */
export function ReadingListApp() {
  const dbUnavailable = useDbUnavailable();
  const list = useLiveQuery<SavedPaper[] | undefined>(() => db().saved.toArray(), [], undefined);
  const [status, setStatusFilter] = useState<ReadingStatus | undefined>();
  const [tag, setTag] = useState('');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('saved');
  const { selected, select, selectOnly, clear } = useSelection();
  const [removed, setRemoved] = useState<SavedPaper[]>();
  const [bulkTag, setBulkTag] = useState('');
  const [persisted, setPersisted] = useState<boolean>();
  const settings = useSettings(); // theme, Zotero
  const zotero = useZotero(settings.zoteroEnabled);
  const toZotero = zotero.enabled ? (ids: string[]) => void zotero.send(ids) : undefined;
  const extras = useSavedExtras();

  useEffect(() => {
    void requestPersistence().then(setPersisted);
  }, []);

  const all = list ?? [];
  const shown = useMemo(
    () => filterList(all, { status, tag: tag || undefined, query, sort }),
    [all, status, tag, query, sort],
  );
  const selectedIds = [...selected].filter((id) => all.some((r) => r.id === id));

  async function remove(ids: string[]) {
    setRemoved(await removeMany(db(), ids));
    clear();
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
        <ReadingListToolbar
          total={all.length}
          counts={statusCounts(all)}
          tags={allTags(all)}
          status={status}
          onStatus={setStatusFilter}
          tag={tag}
          onTag={setTag}
          sort={sort}
          onSort={setSort}
          query={query}
          onQuery={setQuery}
        />
        {selectedIds.length > 0 && (
          <BulkActions
            ids={selectedIds}
            bulkTag={bulkTag}
            onBulkTag={setBulkTag}
            onRemove={(ids) => void remove(ids)}
            onClear={clear}
            onSendToZotero={toZotero}
          />
        )}
      </header>
      <main class="glance">
        {dbUnavailable && <DatabaseUnavailable />}
        <p class="match-count" role="status">
          {list ? tn(all.length, 'shownOfOne', 'shownOfOther', shown.length) : t('loading')}
          {shown.length > 0 && (
            <button type="button" class="link-button" onClick={() => selectOnly(shown.map((r) => r.id))}>
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
              onSelect={select}
              onStatus={(id, st) => void setStatus(db(), [id], st)}
              onTags={(id, t) => void setTags(db(), id, t)}
              onNote={(id, n) => void setNote(db(), id, n)}
              onRemove={(id) => void remove([id])}
              release={extras.released[item.id]}
              artifacts={extras.artifacts.get(item.id)}
              inZotero={zotero.ids.has(item.id)}
              onSendToZotero={toZotero && ((id) => toZotero([id]))}
            />
          ))}
        </section>
        <ExportImport list={all} shown={shown} selected={all.filter((r) => selected.has(r.id))} />
        <p class="storage-note">
          {persisted === undefined ? '' : persisted ? t('storagePersistent') : t('storageBestEffort')}
        </p>
      </main>
      <ZoteroSentToast zotero={zotero} />
      {removed && removed.length > 0 && (
        <UndoToast
          message={
            removed.length === 1 ? t('removedTitle', removed[0]!.paper.title) : t('removedCount', removed.length)
          }
          onUndo={() => {
            void restoreMany(db(), removed);
            setRemoved(undefined);
          }}
          onDismiss={() => setRemoved(undefined)}
        />
      )}
    </>
  );
}
