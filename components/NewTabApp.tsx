import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { markSeen } from '@/lib/views/badge';
const APP_READY_EVENT = 'papertab:ready'; // lib/page-keys.ts, literal for the same reason
import { db } from '@/lib/store/db';
import { dayLabel } from '@/lib/core/format';
import { t, tn } from '@/lib/core/i18n';
import { keyAction } from '@/lib/views/keyboard';
import { send } from '@/lib/core/messages';
import { readSnapshot, writeSnapshot } from '@/lib/views/snapshot';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import { useDbUnavailable } from '@/lib/hooks/use-db-status';
import { DatabaseUnavailable } from './DatabaseUnavailable';
import { useOnline } from '@/lib/hooks/use-online';
import { useSaved } from '@/lib/hooks/use-saved';
import { useSearch } from '@/lib/hooks/use-search';
import {
  loadView,
  parseHash,
  sortPapers,
  stepView,
  switchKind,
  toRange,
  viewHash,
  type Sort,
  type View,
  type ViewData,
} from '@/lib/views/view';
import { utcDay } from '@/lib/core/dates';
import { updateSettings, type Settings } from '@/lib/core/settings';
import { useSettings } from '@/lib/hooks/use-settings';
import { compileWatch } from '@/lib/views/watch';
import { QuietNewTab } from './QuietNewTab';
import { HfSearch } from './HfSearch';
import { KeyboardHelp } from './KeyboardHelp';
import { PaperList } from './PaperList';
import { RefreshButton } from './RefreshButton';
import { SearchBox } from './SearchBox';
import { SortToggle } from './SortToggle';
import { StatusLine } from './StatusLine';
import { UndoToast } from './UndoToast';
import { ViewNav } from './ViewNav';
import { ViewHeading } from './ViewHeading';

// The same key as lib/page-keys.ts, kept literal here: importing that module from both the first
// paint and the app would split it into a chunk the first paint must fetch first.
export const SNAPSHOT_KEY = 'papertab:newtab:v1';
/** Search results rendered per keystroke: a screenful or two, the rest one click away. */
const SEARCH_PAGE = 10;

/** The view to open with: the URL's, else the default view (day, week or month) from settings. */
function initialView(defaultView: Settings['defaultView'], latestDay: string | undefined): View {
  const fromHash = parseHash(location.hash);
  if (fromHash.kind !== 'latest' || defaultView === 'day') return fromHash;
  return switchKind(defaultView, latestDay ?? utcDay(Date.now()));
}

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
  const [view, setViewState] = useState<View>(() => initialView(settings.defaultView, snapshot?.latest?.date));
  // The click shows at once; the setting follows through storage (and then takes over again).
  const [sortNow, setSortNow] = useState<Sort>();
  useEffect(() => setSortNow(undefined), [settings.sort]);
  const sort: Sort = sortNow ?? settings.sort;
  const [showAll, setShowAll] = useState(false);
  const [query, setQuery] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [searchWanted, setSearchWanted] = useState(false);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [helpOpen, setHelpOpen] = useState(false);
  const [fetchNote, setFetchNote] = useState<{ key: string; busy: boolean; message?: string }>();
  const searchRef = useRef<HTMLInputElement>(null);
  const online = useOnline();
  const saved = useSaved();

  const data = useLiveQuery<ViewData | undefined>(
    () => loadView(db(), view, Date.now()),
    [view],
    view.kind === 'latest' ? snapshot : undefined,
  );
  const current = data && sameView(data.view, view) ? data : undefined;

  const setView = useCallback((v: View) => {
    history.pushState(null, '', viewHash(v) || location.pathname);
    setViewState(v);
  }, []);
  useEffect(() => {
    const onHash = () => setViewState(parseHash(location.hash));
    addEventListener('popstate', onHash);
    addEventListener('hashchange', onHash);
    return () => {
      removeEventListener('popstate', onHash);
      removeEventListener('hashchange', onHash);
    };
  }, []);

  // What the cache lacks for this view is fetched (by the background) and cached.
  useEffect(() => {
    if (!current || current.cached || view.kind === 'latest') return;
    const key = viewHash(view);
    if (fetchNote?.key === key) return;
    setFetchNote({ key, busy: true });
    send({ type: 'fetchRange', range: toRange(view, current.latest?.date ?? utcDay(Date.now())) })
      .then((reply) => setFetchNote({ key, busy: false, message: reply?.ok ? undefined : reply?.message }))
      .catch(() => setFetchNote({ key, busy: false, message: t('backgroundUnreachable') }));
  }, [current, view]);

  useEffect(() => {
    if (current && view.kind === 'latest') writeSnapshot(SNAPSHOT_KEY, current);
  }, [current]);

  // Opening the new tab marks the newest day seen (clears the badge), once it is actually visible.
  const latestDay = current?.latest?.date;
  useEffect(() => {
    const mark = () => document.visibilityState === 'visible' && void markSeen(db());
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [latestDay]);

  const { results, indexing } = useSearch(query, searchWanted);
  const searching = query.trim() !== '';
  const sorted = useMemo(() => (current ? sortPapers(current.papers, sort) : []), [current, sort]);
  const papers = useMemo(
    () => (showAll || !settings.minUpvotes ? sorted : sorted.filter((p) => p.upvotes >= settings.minUpvotes)),
    [sorted, showAll, settings.minUpvotes],
  );
  const hidden = sorted.length - papers.length;
  const watch = useMemo(
    () => compileWatch({ keywords: settings.watchKeywords, authors: settings.watchAuthors, orgs: settings.watchOrgs }),
    [settings.watchKeywords, settings.watchAuthors, settings.watchOrgs],
  );
  const shownDay = view.kind === 'latest' ? current?.latest?.date : undefined;

  const toggleAbstract = useCallback((id: string) => {
    setExpanded((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  useKeyboard({
    onSearch: () => {
      setSearchWanted(true);
      searchRef.current?.focus();
    },
    onStep: (delta) => setView(stepView(view, shownDay, delta, utcDay(Date.now()))),
    onHelp: () => setHelpOpen(true),
  });

  const listProps = { saved: saved.ids, onToggleSave: saved.toggle, expanded, onToggleAbstract: toggleAbstract, watch };
  // Everything above the search box, made again only when what it shows changes: not per keystroke.
  const topRows = useMemo(
    () => (
      <>
        <div class="top-row">
          <ViewHeading view={view} data={current} />
          <div class="toolbar">
            {current && <StatusLine status={current.status} online={online} />}
            <RefreshButton />
            <a href="/reading-list.html">{t('readingList')}</a>
            <a href="/options.html">{t('settings')}</a>
            <button type="button" class="link-button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
              {t('keyboardShortcuts')}
            </button>
          </div>
        </div>
        <div class="top-row">
          <ViewNav view={view} shownDay={shownDay} onChange={setView} />
          <SortToggle
            sort={sort}
            onChange={(s) => {
              setSortNow(s);
              // Written (with the first-paint mirror) before this returns: closing the tab now keeps it.
              void updateSettings({ sort: s });
            }}
          />
        </div>
      </>
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
          <>
            <p class="match-count" role="status">
              {results ? tn(results.papers.length, 'papersMatchOne', 'papersMatchOther') : t('searching')}
              {indexing && ` ${t('indexingProgress', indexing.done, indexing.total)}`}
            </p>
            {results && (
              <PaperList
                resetKey={query}
                keyByPosition
                pageSize={SEARCH_PAGE}
                papers={results.papers}
                label={t('searchResults')}
                terms={results.terms}
                {...listProps}
              />
            )}
            <HfSearch query={query} online={online} list={listProps} />
          </>
        ) : (
          <>
            <ViewNotice
              data={current}
              view={view}
              fetchNote={fetchNote?.key === viewHash(view) ? fetchNote : undefined}
              onGo={setView}
            />
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
      {saved.removed && <UndoToast title={saved.removed.paper.title} onUndo={saved.undo} onDismiss={saved.dismiss} />}
      <KeyboardHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}

function sameView(a: View, b: View): boolean {
  return viewHash(a) === viewHash(b);
}

function ViewNotice({
  data,
  view,
  fetchNote,
  onGo,
}: {
  data?: ViewData;
  view: View;
  fetchNote?: { busy: boolean; message?: string };
  onGo: (v: View) => void;
}) {
  if (!data) return null;
  const now = Date.now();
  if (fetchNote?.busy && data.papers.length === 0) return <p class="notice">{t('loadingFromHf')}</p>;
  if (fetchNote?.message && data.papers.length === 0) return <p class="notice error">{fetchNote.message}</p>;
  if (data.papers.length > 0) {
    if (view.kind === 'latest' && data.latest && data.latest.date !== utcDay(now)) {
      return (
        <p class="notice subtle">
          {t('noPapersTodayShowing', dayLabel(utcDay(now), now), dayLabel(data.latest.date, now))}
        </p>
      );
    }
    return null;
  }
  if (!data.latest) return <p class="notice">{t('noPapersCached')}</p>;
  const pointTo = data.earlierWithPapers ?? data.latest;
  const none =
    view.kind === 'week'
      ? t('noPapersThisWeek')
      : view.kind === 'month'
        ? t('noPapersThisMonth')
        : t('noPapersForDay', dayLabel(data.bounds[0], now));
  return (
    <p class="notice">
      {none}{' '}
      <a
        href={viewHash({ kind: 'day', day: pointTo.date })}
        onClick={(e) => {
          e.preventDefault();
          onGo({ kind: 'day', day: pointTo.date });
        }}
      >
        {t('seeDayPapers', dayLabel(pointTo.date, now), pointTo.count)}
      </a>
    </p>
  );
}

/** j/k/o/Enter/s/a move through and act on papers; / [ ] ? as listed in lib/keyboard.ts. */
function useKeyboard(handlers: { onSearch: () => void; onStep: (delta: number) => void; onHelp: () => void }) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable], dialog')) return;
      const action = keyAction(e.key);
      if (!action) return;
      const focused = target.closest<HTMLElement>('article.paper');
      // Enter on a link or button keeps its native meaning.
      if (e.key === 'Enter' && target !== focused) return;
      const articles = [...document.querySelectorAll<HTMLElement>('main article.paper')];
      const move = (delta: number) => {
        const i = focused ? articles.indexOf(focused) : -1;
        const next = articles[Math.max(0, Math.min(articles.length - 1, i < 0 ? 0 : i + delta))];
        next?.focus();
        next?.scrollIntoView({ block: 'nearest' });
      };
      switch (action) {
        case 'next':
          move(1);
          break;
        case 'prev':
          move(-1);
          break;
        case 'open':
          focused?.querySelector<HTMLAnchorElement>('h2 a')?.click();
          break;
        case 'save':
          focused?.querySelector<HTMLButtonElement>('button.save')?.click();
          break;
        case 'abstract':
          focused?.querySelector<HTMLButtonElement>('button[aria-controls$="-abstract"]')?.click();
          break;
        case 'search':
          ref.current.onSearch();
          break;
        case 'prevRange':
          ref.current.onStep(-1);
          break;
        case 'nextRange':
          ref.current.onStep(1);
          break;
        case 'help':
          ref.current.onHelp();
          break;
      }
      e.preventDefault();
    }
    document.addEventListener('keydown', onKey);
    // Keys pressed on the first paint, before this handler existed, are replayed now.
    document.dispatchEvent(new Event(APP_READY_EVENT));
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
