import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { db } from '@/lib/store/db';
import { t, tn } from '@/lib/core/i18n';
import { readSnapshot, writeSnapshot } from '@/lib/views/snapshot';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import { useDbUnavailable } from '@/lib/hooks/use-db-status';
import { DatabaseUnavailable } from './DatabaseUnavailable';
import { useOnline } from '@/lib/hooks/use-online';
import { useSaved } from '@/lib/hooks/use-saved';
import { useSearch } from '@/lib/hooks/use-search';
import { loadView, sortPapers, stepView, viewHash, type View, type ViewData } from '@/lib/views/view';
import { utcDay } from '@/lib/core/dates';
import { hfPaperUrl } from '@/lib/core/paper-links';
import type { Settings } from '@/lib/core/settings';
import { useSettings } from '@/lib/hooks/use-settings';
import { useFollows } from '@/lib/hooks/use-follows';
import { FollowingView } from './FollowingView';
import { useMarkSeen } from '@/lib/hooks/use-mark-seen';
import { useNewTabKeyboard } from '@/lib/hooks/use-newtab-keyboard';
import { useRangeFetch } from '@/lib/hooks/use-range-fetch';
import { useSortChoice } from '@/lib/hooks/use-sort-choice';
import { useViewRoute } from '@/lib/hooks/use-view-route';
import { QuietNewTab } from './QuietNewTab';
import { KeyboardHelp } from './KeyboardHelp';
import { NewTabTopBar } from './NewTabTopBar';
import { PaperList } from './PaperList';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';
import { UndoToast } from './UndoToast';
import { ViewNotice } from './ViewNotice';

// The same key as lib/page-keys.ts, kept literal here: importing that module from both the first
// paint and the app would split it into a chunk the first paint must fetch first.
export const SNAPSHOT_KEY = 'papertab:newtab:v1';

/** The new tab page: quiet mode or the full glance, as the user chose (`?full` forces the full view). */
export function NewTabPage() {
  const settings = useSettings();
  const full = new URLSearchParams(location.search).has('full');
  return settings.quietNewTab && !full ? <QuietNewTab /> : <NewTabApp settings={settings} />;
}

/** The new tab: the day's papers from the cache, day/week/month navigation, search and keyboard triage. */
export function NewTabApp({ settings }: { settings: Settings }) {
  const dbUnavailable = useDbUnavailable();
  const snapshot = useMemo(() => readSnapshot<ViewData>(SNAPSHOT_KEY), []);
  const [view, setView] = useViewRoute(settings.defaultView, snapshot?.latest?.date);
  const [sort, chooseSort] = useSortChoice(settings.sort);
  const [showAll, setShowAll] = useState(false);
  const [query, setQuery] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [searchWanted, setSearchWanted] = useState(false);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [helpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const online = useOnline();
  const saved = useSaved();

  const data = useLiveQuery<ViewData | undefined>(
    () => loadView(db(), view, Date.now()),
    [view],
    view.kind === 'latest' ? snapshot : undefined,
  );
  const current = data && sameView(data.view, view) ? data : undefined;
  const fetchNote = useRangeFetch(current, view);

  useEffect(() => {
    // Each paper carries its link, so the first paint needs no link builder (lib/views/first-paint.ts).
    if (current && view.kind === 'latest')
      writeSnapshot(SNAPSHOT_KEY, {
        ...current,
        papers: current.papers.map((p) => ({ ...p, href: hfPaperUrl(p.id) })),
      });
  }, [current]);

  useMarkSeen(current?.latest?.date);

  const search = useSearch(query, searchWanted);
  const searching = query.trim() !== '';
  const sorted = useMemo(() => (current ? sortPapers(current.papers, sort) : []), [current, sort]);
  const papers = useMemo(
    () => (showAll || !settings.minUpvotes ? sorted : sorted.filter((p) => p.upvotes >= settings.minUpvotes)),
    [sorted, showAll, settings.minUpvotes],
  );
  const hidden = sorted.length - papers.length;
  const follows = useFollows(settings);
  const watch = follows.matcher;
  const shownDay = view.kind === 'latest' ? current?.latest?.date : undefined;

  const toggleAbstract = useCallback((id: string) => {
    setExpanded((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  useNewTabKeyboard({
    onSearch: () => {
      setSearchWanted(true);
      searchRef.current?.focus();
    },
    onStep: (delta) => setView(stepView(view, shownDay, delta, utcDay(Date.now()))),
    onHelp: () => setHelpOpen(true),
  });

  const listProps = {
    saved: saved.ids,
    onToggleSave: saved.toggle,
    expanded,
    onToggleAbstract: toggleAbstract,
    watch,
    follows,
  };
  // Everything above the search box, made again only when what it shows changes: not per keystroke.
  const topRows = useMemo(
    () => (
      <NewTabTopBar
        view={view}
        data={current}
        online={online}
        shownDay={shownDay}
        sort={sort}
        onView={setView}
        onSort={chooseSort}
        onHelp={() => setHelpOpen(true)}
      />
    ),
    [view, current, online, shownDay, sort, setView],
  );
  return (
    <>
      <header class="top">
        {topRows}
        <SearchBox
          value={query}
          inputRef={searchRef}
          onInput={(q) => {
            setSearchWanted(true);
            setQuery(q);
          }}
        />
      </header>
      <main class="glance">
        {dbUnavailable && <DatabaseUnavailable />}
        {searching ? (
          <SearchResults query={query} search={search} online={online} list={listProps} />
        ) : view.kind === 'following' ? (
          <FollowingView matcher={watch} list={listProps} />
        ) : (
          <>
            <ViewNotice data={current} view={view} fetchNote={fetchNote} onGo={setView} />
            {hidden > 0 && (
              <p class="notice subtle">
                {tn(hidden, 'hiddenBelowMinOne', 'hiddenBelowMinOther', settings.minUpvotes)}{' '}
                <button type="button" class="link-button" onClick={() => setShowAll(true)}>
                  {t('showAll')}
                </button>
              </p>
            )}
            <PaperList key={viewHash(view)} papers={papers} label={t('papersList')} {...listProps} />
          </>
        )}
      </main>
      {saved.removed && (
        <UndoToast
          message={t('removedTitle', saved.removed.paper.title)}
          onUndo={saved.undo}
          onDismiss={saved.dismiss}
        />
      )}
      <KeyboardHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}

function sameView(a: View, b: View): boolean {
  return viewHash(a) === viewHash(b);
}
