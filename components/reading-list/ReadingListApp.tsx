import { useMemo, useRef, useState } from 'preact/hooks';
import { db } from '@/lib/store/db';
import { t, tn } from '@/lib/core/i18n';
import { allTags, filterList, removeMany, restoreMany, statusCounts, type SortKey } from '@/lib/reading-list/list';
import type { ReadingStatus, SavedPaper } from '@/lib/core/saved';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import { useDbUnavailable } from '@/lib/hooks/use-db-status';
import { useSettings } from '@/lib/hooks/use-settings';
import { useZotero } from '@/lib/hooks/use-zotero';
import { useSelection } from '@/lib/hooks/use-selection';
import { usePaperKeys } from '@/lib/hooks/use-paper-keys';
import { lazyComponent } from '@/lib/hooks/lazy';
import { READING_LIST_SHORTCUTS } from '@/lib/views/reading-list-keys';
import { DatabaseUnavailable } from '../shared/DatabaseUnavailable';
import { ZoteroSentToast } from '../shared/ZoteroSentToast';
import { ExportImport } from '../shared/ExportImport';
import { UndoToast } from '../shared/UndoToast';
import { BulkActions } from './BulkActions';
import { ReadingListToolbar } from './ReadingListToolbar';
import { SavedPapers } from './SavedPapers';
import { StorageNote } from './StorageNote';

const KeyboardHelp = lazyComponent(() => import('../shared/KeyboardHelp').then((m) => m.KeyboardHelp));

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
  const zotero = useZotero(useSettings().zoteroEnabled);
  const toZotero = zotero.enabled ? (ids: string[]) => void zotero.send(ids) : undefined;
  const { helpOpen, setHelpOpen, search } = useListKeys();

  const all = list ?? [];
  const shown = useMemo(
    () => filterList(all, { status, tag: tag || undefined, query, sort }),
    [all, status, tag, query, sort],
  );
  const selectedIds = [...selected].filter((id) => all.some((r) => r.id === id));
  const remove = async (ids: string[]) => {
    setRemoved(await removeMany(db(), ids));
    clear();
  };

  return (
    <>
      <header class="top">
        <div class="top-row">
          <h1>
            {t('readingList')}
            {list && <span class="count"> ({list.length})</span>}
          </h1>
          <nav class="toolbar page-links" aria-label={t('pages')}>
            <a href="/newtab.html">{t('dailyPapers')}</a>
            <button type="button" class="link-button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
              {t('keyboardShortcuts')}
            </button>
          </nav>
        </div>
        <ReadingListToolbar
          {...{ total: all.length, counts: statusCounts(all), tags: allTags(all), status, tag, sort, query }}
          {...{ onStatus: setStatusFilter, onTag: setTag, onSort: setSort, onQuery: setQuery, searchRef: search }}
        />
        {selectedIds.length > 0 && (
          <BulkActions
            {...{ ids: selectedIds, bulkTag, onBulkTag: setBulkTag, onClear: clear, onSendToZotero: toZotero }}
            onRemove={(ids) => void remove(ids)}
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
        <SavedPapers
          {...{ shown, selected, onSelect: select, inZotero: zotero.ids, onSendToZotero: toZotero }}
          onRemove={(ids) => void remove(ids)}
        />
        <ExportImport list={all} shown={shown} selected={all.filter((r) => selected.has(r.id))} />
        <StorageNote />
      </main>
      <ZoteroSentToast zotero={zotero} />
      {helpOpen && <KeyboardHelp open shortcuts={READING_LIST_SHORTCUTS} onClose={() => setHelpOpen(false)} />}
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

/** The reading list's keys (lib/views/keyboard.ts READING_LIST_SHORTCUTS): `/` to the search box, `?` to their list. */
function useListKeys() {
  const [helpOpen, setHelpOpen] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  usePaperKeys(READING_LIST_SHORTCUTS, { onSearch: () => search.current?.focus(), onHelp: () => setHelpOpen(true) });
  return { helpOpen, setHelpOpen, search };
}
