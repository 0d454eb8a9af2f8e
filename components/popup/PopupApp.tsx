import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { computeBadgeCount, markSeen } from '@/lib/views/badge';
import { db } from '@/lib/store/db';
import { dayLabel } from '@/lib/core/format';
import { t } from '@/lib/core/i18n';
import { readSnapshot, writeSnapshot } from '@/lib/views/snapshot';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import { useOnline } from '@/lib/hooks/use-online';
import { useSaved } from '@/lib/hooks/use-saved';
import { loadView, sortPapers, type ViewData } from '@/lib/views/view';
import { RefreshButton } from '../shared/RefreshButton';
import { SaveButton } from '../shared/SaveButton';
import { SaveThisPaper } from './SaveThisPaper';
import { CopyCitation } from '../shared/CopyCitation';
import { PopupFallback } from './PopupFallback';
import { useDbUnavailable } from '@/lib/hooks/use-db-status';
import { useSettings } from '@/lib/hooks/use-settings';
import { compileHider } from '@/lib/views/rank/mute';
import { useForYou } from '@/lib/hooks/use-for-you';
import { useNotInterested } from '@/lib/hooks/use-not-interested';
import { ForYouReason } from '../shared/ForYouReason';
import { NotInterestedButton } from '../shared/NotInterestedButton';
import { UndoToast } from '../shared/UndoToast';
import { useFollows } from '@/lib/hooks/use-follows';
import { StatusLine } from '../shared/StatusLine';
import { hfPaperUrl } from '@/lib/core/paper-links';
import { useZotero } from '@/lib/hooks/use-zotero';
import { ZoteroSentToast } from '../shared/ZoteroSentToast';
import { InZoteroMark } from '../shared/InZoteroMark';
import { SendToZoteroButton } from '../shared/SendToZoteroButton';

const SNAPSHOT_KEY = 'papertab:popup:v1';
// The ranker's code loads only when For you is the order.
const loadRanker = () => import('@/lib/views/rank/index');
const TOP = 10;

/** The popup, or its storage-only fallback where the database cannot be opened (Firefox private windows). */
export function PopupPage() {
  return useDbUnavailable() ? <PopupFallback /> : <PopupApp />;
}

/** The toolbar popup: the day's top papers, how many are new, Refresh, and the way to the rest. */
export function PopupApp() {
  const data = useLiveQuery<ViewData | undefined>(
    () => loadView(db(), { kind: 'latest' }, Date.now()),
    [],
    readSnapshot<ViewData>(SNAPSHOT_KEY),
  );
  const [newCount, setNewCount] = useState<number>();
  const online = useOnline();
  const settings = useSettings();
  const saved = useSaved();
  const follows = useFollows(settings);
  const zotero = useZotero(settings.zoteroEnabled);

  // Count what is new before marking it seen, so the popup can still say "6 new".
  const latest = data?.latest?.date;
  useEffect(() => {
    void computeBadgeCount(db()).then(async (n) => {
      setNewCount((old) => Math.max(old ?? 0, n));
      await markSeen(db());
    });
  }, [latest]);
  useEffect(() => {
    if (data) writeSnapshot(SNAPSHOT_KEY, { ...data, papers: sortPapers(data.papers, 'upvotes').slice(0, TOP) });
  }, [data]);

  // "For you" when the new tab's order is "For you"; muted and not-interested papers are left out.
  const forYou = useForYou(settings.sort === 'foryou', data?.papers, settings.notInterested, loadRanker);
  const notInterested = useNotInterested(settings.notInterested);
  const hider = compileHider(
    { keywords: settings.muteKeywords, authors: settings.muteAuthors, orgs: settings.muteOrgs },
    settings.notInterested,
  );
  const papers = data
    ? (forYou?.papers ?? sortPapers(data.papers, 'upvotes'))
        .filter((p) => p.upvotes >= settings.minUpvotes && !hider.hides(p))
        .slice(0, TOP)
    : [];
  const reason = settings.sort === 'foryou' ? forYou?.reason : undefined;
  const watch = follows.matcher;
  const open = (path: string) => async (e: Event) => {
    e.preventDefault();
    await browser.tabs.create({ url: browser.runtime.getURL(path as '/newtab.html') });
    window.close();
  };
  return (
    <main class="popup">
      <header>
        <h1>
          {t('dailyPapers')}
          {data?.latest && <span class="day-label"> · {dayLabel(data.latest.date, Date.now())}</span>}
        </h1>
        {newCount !== undefined && newCount > 0 && <p class="new-count">{t('newCount', newCount)}</p>}
        <div class="toolbar">
          {data && <StatusLine status={data.status} online={online} />}
          <RefreshButton />
        </div>
      </header>
      <SaveThisPaper saved={saved.ids} zotero={zotero} />
      {data && !data.latest && <p class="notice">{t('noPapersCachedShort')}</p>}
      <ol class="popup-list" aria-label={t('topPapers')}>
        {papers.map((p) => {
          const match = watch.match(p);
          return (
            <li key={p.id}>
              <article class={match ? 'popup-paper watched' : 'popup-paper'} aria-labelledby={`p-${p.id}`}>
                {match && <span class="watch-label">{t('watchList', match.terms.join(', '))}</span>}
                <h2 id={`p-${p.id}`}>
                  <a href={hfPaperUrl(p.id)} target="_blank" rel="noopener noreferrer">
                    {p.title}
                  </a>
                </h2>
                <span class="upvotes" title={t('upvotesTitle')}>
                  <span aria-hidden="true">▲ </span>
                  {p.upvotes}
                  <span class="sr-only"> {t('upvotesHidden')}</span>
                </span>
                <SaveButton saved={saved.ids.has(p.id)} title={p.title} onToggle={() => void saved.toggle(p)} />
                {zotero.ids.has(p.id) && <InZoteroMark />}
                {reason?.(p) && <ForYouReason reason={reason(p)!} />}
                <NotInterestedButton marked={false} title={p.title} onToggle={() => void notInterested.toggle(p)} />
                <CopyCitation paper={p} />
                {zotero.enabled && <SendToZoteroButton title={p.title} onSend={() => void zotero.send([p.id])} />}
              </article>
            </li>
          );
        })}
      </ol>
      {settings.sort === 'foryou' && forYou?.fallback && <p class="notice subtle">{t('forYouEmpty')}</p>}
      <ZoteroSentToast zotero={zotero} />
      {notInterested.last && (
        <UndoToast
          message={t('notInterestedDone', notInterested.last.title)}
          onUndo={notInterested.undo}
          onDismiss={notInterested.dismiss}
        />
      )}
      <footer>
        <a href="/newtab.html" onClick={open('/newtab.html')}>
          {t('openPapertab')}
        </a>
        <a href="/reading-list.html" onClick={open('/reading-list.html')}>
          {t('readingList')}
        </a>
        <a href="/options.html" onClick={open('/options.html')}>
          {t('settings')}
        </a>
      </footer>
    </main>
  );
}
