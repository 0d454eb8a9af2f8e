import { t } from '@/lib/core/i18n';
import type { Settings } from '@/lib/core/settings-schema';
import type { TrendingOrder } from '@/lib/core/extras';
import type { ForYou } from '@/lib/hooks/use-for-you';
import type { FetchNote } from '@/lib/hooks/use-range-fetch';
import type { useGlancePapers } from '@/lib/hooks/use-glance-papers';
import { lazyComponent } from '@/lib/hooks/lazy';
import { viewHash, type Sort, type View, type ViewData } from '@/lib/views/view';
import { PaperList, type PaperListProps } from '../shared/PaperList';
import { ViewNotice } from './ViewNotice';
import { GlanceNotices } from './GlanceNotices';

// Loaded when Trending is the order, not at every opening (README "Fast, and measured").
const TrendingNote = lazyComponent(() => import('./TrendingNote').then((m) => m.TrendingNote));

/** The day, week or month shown (not a search, not Following): why it is short, what it leaves out, its papers. */
export function GlanceView({
  view,
  current,
  fetchNote,
  onGo,
  sort,
  trending,
  withCode,
  glance,
  forYou,
  settings,
  list,
}: {
  view: View;
  current?: ViewData;
  fetchNote?: FetchNote;
  onGo: (v: View) => void;
  sort: Sort;
  trending?: TrendingOrder;
  withCode: boolean;
  glance: ReturnType<typeof useGlancePapers>;
  forYou?: ForYou;
  settings: Settings;
  list: Omit<PaperListProps, 'papers' | 'label'>;
}) {
  return (
    <>
      <ViewNotice data={current} view={view} fetchNote={fetchNote} onGo={onGo} />
      {sort === 'trending' && current && <TrendingNote order={trending} />}
      <GlanceNotices
        withCodeNone={withCode && glance.beforeCode > 0 && glance.papers.length === 0}
        belowMin={glance.belowMin}
        minUpvotes={settings.minUpvotes}
        onShowBelowMin={glance.showAllBelowMin}
        hiddenByYou={glance.hiddenByYou}
        onShowHidden={glance.showAllHidden}
        forYouEmpty={sort === 'foryou' && !!forYou?.fallback}
      />
      <PaperList
        key={viewHash(view)}
        papers={glance.papers}
        label={t('papersList')}
        {...list}
        reason={sort === 'foryou' ? forYou?.reason : undefined}
      />
    </>
  );
}
