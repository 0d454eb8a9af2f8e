import { t } from '@/lib/core/i18n';
import type { Sort, View, ViewData } from '@/lib/views/view';
import type { Density } from '@/lib/hooks/use-density-choice';
import { DensityToggle } from './DensityToggle';
import { RefreshButton } from '../shared/RefreshButton';
import { SortToggle } from './SortToggle';
import { StatusLine } from '../shared/StatusLine';
import { ViewHeading } from './ViewHeading';
import { ViewNav } from './ViewNav';

/**
 * The new tab's rows above the search box: what is shown and how fresh it is, the links to the
 * other pages, then day/week/month navigation and the sort order.
 */
export function NewTabTopBar({
  view,
  data,
  online,
  shownDay,
  sort,
  onView,
  onSort,
  onHelp,
  density,
  onDensity,
}: {
  view: View;
  data?: ViewData;
  online: boolean;
  shownDay?: string;
  sort: Sort;
  onView: (v: View) => void;
  onSort: (s: Sort) => void;
  onHelp: () => void;
  density?: Density;
  onDensity?: (d: Density) => void;
}) {
  return (
    <>
      <div class="top-row">
        <ViewHeading view={view} data={data} />
        <div class="toolbar">
          {data && <StatusLine status={data.status} online={online} />}
          <RefreshButton />
          <a href="/reading-list.html">{t('readingList')}</a>
          <a href="/options.html">{t('settings')}</a>
          <button type="button" class="link-button" onClick={onHelp} aria-keyshortcuts="?">
            {t('keyboardShortcuts')}
          </button>
        </div>
      </div>
      <div class="top-row">
        <ViewNav view={view} shownDay={shownDay} onChange={onView} />
        <div class="toolbar">
          {density && onDensity && <DensityToggle density={density} onChange={onDensity} />}
          <SortToggle sort={sort} onChange={onSort} />
        </div>
      </div>
    </>
  );
}
