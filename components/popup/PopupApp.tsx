import { useEffect, useState } from 'preact/hooks';
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
import { SaveThisPaper } from './SaveThisPaper';
import { PopupFooter } from './PopupFooter';
import { PopupPaper } from './PopupPaper';
import { PopupFallback } from './PopupFallback';
import { useDbUnavailable } from '@/lib/hooks/use-db-status';
import { useSettings } from '@/lib/hooks/use-settings';
import { usePopupPapers } from '@/lib/hooks/use-popup-papers';
import { useNotInterested } from '@/lib/hooks/use-not-interested';
import { UndoToast } from '../shared/UndoToast';
import { useFollows } from '@/lib/hooks/use-follows';
import { StatusLine } from '../shared/StatusLine';
import { useZotero } from '@/lib/hooks/use-zotero';
import { ZoteroSentToast } from '../shared/ZoteroSentToast';

/** The popup's snapshot of what it last showed, in localStorage. */
export const POPUP_SNAPSHOT_KEY = 'papertab:popup:v1';

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
    readSnapshot<ViewData>(POPUP_SNAPSHOT_KEY),
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
    if (data) writeSnapshot(POPUP_SNAPSHOT_KEY, { ...data, papers: sortPapers(data.papers, 'upvotes').slice(0, TOP) });
  }, [data]);

  // "For you" when the new tab's order is "For you"; muted and not-interested papers are left out.
  const { papers, forYou } = usePopupPapers(data, settings, TOP, loadRanker);
  const notInterested = useNotInterested(settings.notInterested);
  const reason = settings.sort === 'foryou' ? forYou?.reason : undefined;
  const watch = follows.matcher;
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
        {papers.map((p) => (
          <li key={p.id}>
            <PopupPaper
              paper={p}
              saved={saved.ids.has(p.id)}
              onToggleSave={() => void saved.toggle(p)}
              onNotInterested={() => void notInterested.toggle(p)}
              follows={follows}
              watchTerms={watch.match(p)?.terms.join(', ')}
              reason={reason?.(p)}
              inZotero={zotero.ids.has(p.id)}
              onSendToZotero={zotero.enabled ? () => void zotero.send([p.id]) : undefined}
            />
          </li>
        ))}
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
      <PopupFooter />
    </main>
  );
}
