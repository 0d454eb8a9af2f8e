import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { t } from '@/lib/core/i18n';
import { FULL_PARAM, NEWTAB_SNAPSHOT_KEY, QUERY_PARAM } from '@/lib/core/page-keys';
import { readSnapshot } from '@/lib/views/snapshot';
import { useDbUnavailable } from '@/lib/hooks/use-db-status';
import { DatabaseUnavailable } from '../shared/DatabaseUnavailable';
import { useOnline } from '@/lib/hooks/use-online';
import { useSaved } from '@/lib/hooks/use-saved';
import { useZotero } from '@/lib/hooks/use-zotero';
import { useSearchEngine } from '@/lib/hooks/use-search';
import { createStore, useStore } from '@/lib/hooks/store';
import { stepView, type ViewData } from '@/lib/views/view';
import { useViewData } from '@/lib/hooks/use-view-data';
import { utcDay } from '@/lib/core/dates';
import type { Paper } from '@/lib/core/paper';
import type { Settings } from '@/lib/core/settings-schema';
import { useSettings } from '@/lib/hooks/use-settings';
import { useGlancePapers } from '@/lib/hooks/use-glance-papers';
import { useForYou, type Ranker } from '@/lib/hooks/use-for-you';
import { useNotInterested } from '@/lib/hooks/use-not-interested';
import { useFollows } from '@/lib/hooks/use-follows';
import { useNewTabKeyboard } from '@/lib/hooks/use-newtab-keyboard';
import { useSortChoice } from '@/lib/hooks/use-sort-choice';
import { useDensityChoice } from '@/lib/hooks/use-density-choice';
import { useViewRoute } from '@/lib/hooks/use-view-route';
import { lazyComponent } from '@/lib/hooks/lazy';
import { NewTabTopBar } from './NewTabTopBar';
import { GlanceView } from './GlanceView';
import { SearchBox } from './SearchBox';
import { UndoToast } from '../shared/UndoToast';

// Loaded when used, not at every opening (README "Fast, and measured").
const FollowingView = lazyComponent(() => import('./FollowingView').then((m) => m.FollowingView));
const KeyboardHelp = lazyComponent(() => import('../shared/KeyboardHelp').then((m) => m.KeyboardHelp));
const ZoteroSentToast = lazyComponent(() => import('../shared/ZoteroSentToast').then((m) => m.ZoteroSentToast));
const QuietNewTab = lazyComponent(() => import('./QuietNewTab').then((m) => m.QuietNewTab));
// Fetched at the first keystroke or focus in the search box, while the index answers.
const SearchResults = lazyComponent(() => import('./SearchResults').then((m) => m.SearchResults));

/** The new tab page: quiet mode or the full glance, as the user chose (`?full` forces the full view). */
export function NewTabPage() {
  const settings = useSettings();
  const full = new URLSearchParams(location.search).has(FULL_PARAM);
  return settings.quietNewTab && !full ? <QuietNewTab /> : <NewTabApp settings={settings} />;
}

/**
 * The new tab: the day's papers from the cache, day/week/month navigation, search and keyboard
 * triage. The query lives in a store: a keystroke renders the search box and results, not this page.
 */
export function NewTabApp({ settings }: { settings: Settings }) {
  const dbUnavailable = useDbUnavailable();
  const snapshot = useMemo(() => readSnapshot<ViewData>(NEWTAB_SNAPSHOT_KEY), []);
  const [view, setView] = useViewRoute(settings.defaultView, snapshot?.latest?.date);
  const [sort, chooseSort] = useSortChoice(settings.sort);
  const [density, chooseDensity] = useDensityChoice(settings.density);
  const [withCode, setWithCode] = useState(false);
  const [query, searching] = useQuery();
  const [searchWanted, setSearchWanted] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const online = useOnline();
  const saved = useSaved();
  const zotero = useZotero(settings.zoteroEnabled);
  const sendToZotero = useCallback((p: Paper) => void zotero.send([p.id]), [zotero.send]);

  const { current, fetchNote, trending } = useViewData(view, snapshot, sort === 'trending', online);
  const engine = useSearchEngine(searchWanted || searching);
  const ArchiveLine = useArchiveLine(settings.archiveEnabled);
  const forYou = useForYou(sort === 'foryou', current?.papers, settings.notInterested, loadRanker);
  const notInterested = useNotInterested(settings.notInterested);
  const glance = useGlancePapers({
    ...{ settings, view, current, snapshot, sort, withCode, snapshotKey: NEWTAB_SNAPSHOT_KEY },
    forYou: forYou?.papers,
    trendingIds: trending?.ids,
  });
  const list = {
    ...useListProps(settings, saved, notInterested.toggle),
    inZotero: zotero.ids,
    onSendToZotero: zotero.enabled ? sendToZotero : undefined,
  };
  const shownDay = view.kind === 'latest' ? current?.latest?.date : undefined;

  useNewTabKeyboard({
    onSearch: () => {
      setSearchWanted(true);
      searchRef.current?.focus();
    },
    onStep: (delta) => setView(stepView(view, shownDay, delta, utcDay(Date.now()))),
    onHelp: () => setHelpOpen(true),
  });

  // Everything above the search box, made again only when what it shows changes: not per keystroke.
  const topRows = useMemo(
    () => (
      <NewTabTopBar
        {...{ view, data: current, online, shownDay, onView: setView }}
        onHelp={() => setHelpOpen(true)}
        options={{ sort, onSort: chooseSort, withCode, onWithCode: setWithCode, density, onDensity: chooseDensity }}
      />
    ),
    [view, current, online, shownDay, sort, setView, density, withCode],
  );
  const hide = glance.showHidden || glance.hider.empty ? undefined : glance.hider.hides;
  return (
    <>
      <header class="top">
        {topRows}
        <SearchBox
          query={query}
          inputRef={searchRef}
          onFocus={() => void SearchResults.preload()}
          onInput={(q) => {
            setSearchWanted(true);
            query.set(q);
          }}
        />
      </header>
      {/* The same class as the first paint's (lib/views/first-paint.ts `glanceClass`): the layout does not jump. */}
      <main class={density === 'comfortable' ? 'glance' : `glance ${density}`}>
        {dbUnavailable && <DatabaseUnavailable />}
        {ArchiveLine && <ArchiveLine />}
        {searching ? (
          <SearchResults query={query} engine={engine} online={online} list={list} />
        ) : view.kind === 'following' ? (
          <FollowingView matcher={list.watch} list={list} hide={hide} />
        ) : (
          <GlanceView
            {...{ view, current, fetchNote, sort, trending, withCode, glance, forYou, settings, list }}
            onGo={setView}
          />
        )}
      </main>
      <Toasts saved={saved} notInterested={notInterested} />
      {zotero.sent && <ZoteroSentToast zotero={zotero} />}
      {helpOpen && <KeyboardHelp open onClose={() => setHelpOpen(false)} />}
    </>
  );
}

const isQuery = (q: string) => q.trim() !== '';
/** The search box's text (from `?q=` at first), and whether it holds a query: only that renders this page again. */
function useQuery() {
  const query = useMemo(() => createStore(new URLSearchParams(location.search).get(QUERY_PARAM) ?? ''), []);
  return [query, useStore(query, isQuery)] as const;
}

/** What every list of cards on the new tab shares: saves, abstracts, follows, "Not interested". */
function useListProps(settings: Settings, saved: ReturnType<typeof useSaved>, onNotInterested: (p: Paper) => void) {
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const toggleAbstract = useCallback((id: string) => {
    setExpanded((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const follows = useFollows(settings);
  const notInterested = useMemo(() => new Set(settings.notInterested), [settings.notInterested]);
  return {
    saved: saved.ids,
    onToggleSave: saved.toggle,
    expanded,
    onToggleAbstract: toggleAbstract,
    watch: follows.matcher,
    onNotInterested,
    notInterested,
    follows,
  };
}

/** Undo for a removal from the reading list, else for "Not interested". */
function Toasts({
  saved,
  notInterested,
}: {
  saved: ReturnType<typeof useSaved>;
  notInterested: ReturnType<typeof useNotInterested>;
}) {
  if (saved.removed)
    return (
      <UndoToast message={t('removedTitle', saved.removed.paper.title)} onUndo={saved.undo} onDismiss={saved.dismiss} />
    );
  if (notInterested.last)
    return (
      <UndoToast
        message={t('notInterestedDone', notInterested.last.title)}
        onUndo={notInterested.undo}
        onDismiss={notInterested.dismiss}
      />
    );
  return null;
}

/** The archive's one-line status, loaded only while the archive is on (it costs the new tab nothing otherwise). */
function useArchiveLine(on: boolean): ComponentType | undefined {
  const [line, setLine] = useState<{ c: ComponentType }>();
  useEffect(() => {
    if (on && !line) void import('../shared/ArchiveStatusLine').then((m) => setLine({ c: m.ArchiveStatusLine }));
  }, [on]);
  return on ? line?.c : undefined;
}

let ranker: Promise<Ranker> | undefined;
/** The ranker's chunk, fetched once, when "For you" is first wanted (never for the first paint). */
const loadRanker = () => (ranker ??= import('@/lib/views/rank/index'));
