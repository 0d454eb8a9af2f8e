import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { db } from '@/lib/store/db';
import { t, tn } from '@/lib/core/i18n';
import { readSnapshot, writeSnapshot } from '@/lib/views/snapshot';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import { useDbUnavailable } from '@/lib/hooks/use-db-status';
import { DatabaseUnavailable } from '../shared/DatabaseUnavailable';
import { useOnline } from '@/lib/hooks/use-online';
import { useSaved } from '@/lib/hooks/use-saved';
import { useZotero } from '@/lib/hooks/use-zotero';
import type { Paper } from '@/lib/core/paper';
import { useSearch } from '@/lib/hooks/use-search';
import { loadView, sortPapers, stepView, viewHash, type View, type ViewData } from '@/lib/views/view';
import { utcDay } from '@/lib/core/dates';
import { hfPaperUrl } from '@/lib/core/paper-links';
import type { Settings } from '@/lib/core/settings';
import { useSettings } from '@/lib/hooks/use-settings';
import { compileHider } from '@/lib/views/rank/mute';
import { useForYou, type Ranker } from '@/lib/hooks/use-for-you';
import { useNotInterested } from '@/lib/hooks/use-not-interested';
import { useFollows } from '@/lib/hooks/use-follows';
import { useMarkSeen } from '@/lib/hooks/use-mark-seen';
import { useNewTabKeyboard } from '@/lib/hooks/use-newtab-keyboard';
import { useRangeFetch } from '@/lib/hooks/use-range-fetch';
import { useSortChoice } from '@/lib/hooks/use-sort-choice';
import { useDensityChoice } from '@/lib/hooks/use-density-choice';
import { useViewRoute } from '@/lib/hooks/use-view-route';
import { lazyComponent } from '@/lib/hooks/lazy';
import { NewTabTopBar } from './NewTabTopBar';
import { PaperList } from '../shared/PaperList';
import { SearchBox } from './SearchBox';
import { UndoToast } from '../shared/UndoToast';
import { ViewNotice } from './ViewNotice';
import { useTrending } from '@/lib/hooks/use-trending';
import { orderByTrending } from '@/lib/store/trending';
import { WithCodeToggle } from './WithCodeToggle';

// The same key as lib/page-keys.ts, kept literal here: importing that module from both the first
// paint and the app would split it into a chunk the first paint must fetch first.
export const SNAPSHOT_KEY = 'papertab:newtab:v1';

// Loaded when used, not at every opening (README "Fast, and measured").
const FollowingView = lazyComponent(() => import('./FollowingView').then((m) => m.FollowingView));
const KeyboardHelp = lazyComponent(() => import('./KeyboardHelp').then((m) => m.KeyboardHelp));
const ZoteroSentToast = lazyComponent(() => import('../shared/ZoteroSentToast').then((m) => m.ZoteroSentToast));
const TrendingNote = lazyComponent(() => import('./TrendingNote').then((m) => m.TrendingNote));
const QuietNewTab = lazyComponent(() => import('./QuietNewTab').then((m) => m.QuietNewTab));
// Fetched at the first keystroke or focus in the search box, while the index answers.
const SearchResults = lazyComponent(() => import('./SearchResults').then((m) => m.SearchResults));

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
  const [density, chooseDensity] = useDensityChoice(settings.density);
  const [showAll, setShowAll] = useState(false);
  const [withCode, setWithCode] = useState(false);
  const [query, setQuery] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [searchWanted, setSearchWanted] = useState(false);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [helpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const online = useOnline();
  const saved = useSaved();
  const zotero = useZotero(settings.zoteroEnabled);
  const sendToZotero = useCallback((p: Paper) => void zotero.send([p.id]), [zotero.send]);

  const data = useLiveQuery<ViewData | undefined>(
    () => loadView(db(), view, Date.now()),
    [view],
    view.kind === 'latest' ? snapshot : undefined,
  );
  const current = data && sameView(data.view, view) ? data : undefined;
  const fetchNote = useRangeFetch(current, view);
  const trending = useTrending(sort === 'trending', view, current, online);

  useMarkSeen(current?.latest?.date);

  const search = useSearch(query, searchWanted);
  const ArchiveLine = useArchiveLine(settings.archiveEnabled);
  const searching = query.trim() !== '';
  const forYou = useForYou(sort === 'foryou', current?.papers, settings.notInterested, loadRanker);
  const notInterested = useNotInterested(settings.notInterested);
  const [showHidden, setShowHidden] = useState(false);
  const hider = useMemo(
    () =>
      compileHider(
        { keywords: settings.muteKeywords, authors: settings.muteAuthors, orgs: settings.muteOrgs },
        settings.notInterested,
      ),
    [settings.muteKeywords, settings.muteAuthors, settings.muteOrgs, settings.notInterested],
  );
  const markedIds = useMemo(() => new Set(settings.notInterested), [settings.notInterested]);
  const sorted = useMemo(() => {
    if (!current) return [];
    if (sort === 'trending') {
      const list = sortPapers(current.papers, sort);
      return trending ? orderByTrending(list, trending.ids) : list;
    }
    if (sort !== 'foryou') return sortPapers(current.papers, sort);
    // Until ranked: the snapshot's order is the last "For you" order; fresh data goes by upvotes.
    return forYou?.papers ?? (current === snapshot ? current.papers : sortPapers(current.papers, sort));
  }, [current, sort, forYou, trending]);
  const upvoted = useMemo(
    () => (showAll || !settings.minUpvotes ? sorted : sorted.filter((p) => p.upvotes >= settings.minUpvotes)),
    [sorted, showAll, settings.minUpvotes],
  );
  const hidden = sorted.length - upvoted.length;
  // Muted and "Not interested" papers: hidden like those below the minimum upvotes, counted apart.
  const unhidden = useMemo(
    () => (showHidden || hider.empty ? upvoted : upvoted.filter((p) => !hider.hides(p))),
    [upvoted, showHidden, hider],
  );
  const hiddenByYou = upvoted.length - unhidden.length;
  const papers = useMemo(() => (withCode ? unhidden.filter((p) => p.githubRepo) : unhidden), [unhidden, withCode]);

  useEffect(() => {
    // Each paper carries its link, so the first paint needs no link builder (lib/views/first-paint.ts).
    // The first paint does not rank: in "For you" and "Trending" the snapshot keeps the order shown.
    // Muted and not-interested papers stay out of it.
    if (!current || view.kind !== 'latest') return;
    const ranked = sort === 'foryou' || sort === 'trending' ? sorted : current.papers;
    writeSnapshot(SNAPSHOT_KEY, {
      ...current,
      papers: ranked.filter((p) => hider.empty || !hider.hides(p)).map((p) => ({ ...p, href: hfPaperUrl(p.id) })),
    });
  }, [current, sorted, hider]);
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
    onZotero: (id) => void zotero.send([id]),
  });

  const listProps = {
    saved: saved.ids,
    onToggleSave: saved.toggle,
    expanded,
    onToggleAbstract: toggleAbstract,
    watch,
    onNotInterested: notInterested.toggle,
    notInterested: markedIds,
    follows,
    inZotero: zotero.ids,
    onSendToZotero: zotero.enabled ? sendToZotero : undefined,
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
        density={density}
        onDensity={chooseDensity}
      />
    ),
    [view, current, online, shownDay, sort, setView, density],
  );
  return (
    <>
      <header class="top">
        {topRows}
        <WithCodeToggle pressed={withCode} onChange={setWithCode} />
        <SearchBox
          value={query}
          inputRef={searchRef}
          onFocus={() => void SearchResults.preload()}
          onInput={(q) => {
            setSearchWanted(true);
            setQuery(q);
          }}
        />
      </header>
      {/* The same class as the first paint's (lib/views/first-paint.ts): the layout does not jump. */}
      <main class={density === 'compact' ? 'glance compact' : 'glance'}>
        {dbUnavailable && <DatabaseUnavailable />}
        {ArchiveLine && <ArchiveLine />}
        {searching ? (
          <SearchResults query={query} search={search} online={online} list={listProps} />
        ) : view.kind === 'following' ? (
          <FollowingView
            matcher={watch}
            list={listProps}
            hide={showHidden || hider.empty ? undefined : (p) => hider.hides(p)}
          />
        ) : (
          <>
            <ViewNotice data={current} view={view} fetchNote={fetchNote} onGo={setView} />
            {sort === 'trending' && current && <TrendingNote order={trending} />}
            {withCode && unhidden.length > 0 && papers.length === 0 && <p class="notice subtle">{t('withCodeNone')}</p>}
            {hidden > 0 && (
              <p class="notice subtle">
                {tn(hidden, 'hiddenBelowMinOne', 'hiddenBelowMinOther', settings.minUpvotes)}{' '}
                <button type="button" class="link-button" onClick={() => setShowAll(true)}>
                  {t('showAll')}
                </button>
              </p>
            )}
            {hiddenByYou > 0 && (
              <p class="notice subtle">
                {tn(hiddenByYou, 'hiddenByYouOne', 'hiddenByYouOther')}{' '}
                <button type="button" class="link-button" onClick={() => setShowHidden(true)}>
                  {t('showAll')}
                </button>
              </p>
            )}
            {sort === 'foryou' && forYou?.fallback && <p class="notice subtle">{t('forYouEmpty')}</p>}
            <PaperList
              key={viewHash(view)}
              papers={papers}
              label={t('papersList')}
              {...listProps}
              reason={sort === 'foryou' ? forYou?.reason : undefined}
            />
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
      {notInterested.last && !saved.removed && (
        <UndoToast
          message={t('notInterestedDone', notInterested.last.title)}
          onUndo={notInterested.undo}
          onDismiss={notInterested.dismiss}
        />
      )}
      {zotero.sent && <ZoteroSentToast zotero={zotero} />}
      {helpOpen && <KeyboardHelp open onClose={() => setHelpOpen(false)} />}
    </>
  );
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

function sameView(a: View, b: View): boolean {
  return viewHash(a) === viewHash(b);
}
