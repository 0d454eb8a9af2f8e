import { utcDay } from '@/lib/core/dates';
import { dayLabel } from '@/lib/core/format';
import { t } from '@/lib/core/i18n';
import type { FetchNote } from '@/lib/hooks/use-range-fetch';
import { viewHash, type View, type ViewData } from '@/lib/views/view';

/**
 * Above the papers of a view: why there are none (not cached, nothing that day, still loading or
 * failed) with a link to the nearest day that has some, or that today's are not in yet.
 */
export function ViewNotice({
  data,
  view,
  fetchNote,
  onGo,
}: {
  data?: ViewData;
  view: View;
  fetchNote?: FetchNote;
  onGo: (v: View) => void;
}) {
  if (!data || view.kind === 'following') return null;
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
