import { t } from '@/lib/core/i18n';
import type { View, ViewData } from '@/lib/views/view';
import { RefreshButton } from '../shared/RefreshButton';
import { StatusLine } from '../shared/StatusLine';
import { ViewHeading } from './ViewHeading';
import { ViewNav } from './ViewNav';
import { ViewOptions, type ViewOptionsProps } from './ViewOptions';

/**
 * The new tab's rows above the search box: the title with the links to the other pages, then one
 * row of controls: the view, previous/next and the date, order and filters, and the status with Refresh.
 */
export function NewTabTopBar({
  view,
  data,
  online,
  shownDay,
  onView,
  onHelp,
  options,
}: {
  view: View;
  data?: ViewData;
  online: boolean;
  shownDay?: string;
  onView: (v: View) => void;
  onHelp: () => void;
  options: ViewOptionsProps;
}) {
  return (
    <>
      <div class="top-row">
        <ViewHeading view={view} data={data} />
        <nav class="toolbar page-links" aria-label={t('pages')}>
          <a href="/reading-list.html">{t('readingList')}</a>
          <a href="/options.html">{t('settings')}</a>
          <button type="button" class="link-button" onClick={onHelp} aria-keyshortcuts="?">
            {t('keyboardShortcuts')}
          </button>
        </nav>
      </div>
      <div class="top-row controls-row">
        <ViewNav view={view} shownDay={shownDay} onChange={onView} />
        <ViewOptions {...options} />
        <div class="toolbar status-bar">
          {data && <StatusLine status={data.status} online={online} />}
          <RefreshButton />
        </div>
      </div>
    </>
  );
}
