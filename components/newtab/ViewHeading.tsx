import { dayLabel, monthLabel } from '@/lib/core/format';
import { t, tn } from '@/lib/core/i18n';
import type { View, ViewData } from '@/lib/views/view';

/** "Daily Papers · Today", "· Week of Nov 24", "· November 2026". */
export function ViewHeading({ view, data }: { view: View; data?: ViewData }) {
  const now = Date.now();
  let label = '';
  if (view.kind === 'latest') label = data?.latest ? dayLabel(data.latest.date, now) : '';
  else if (view.kind === 'day') label = dayLabel(view.day, now);
  else if (view.kind === 'week' && data) label = t('weekOf', dayLabel(data.bounds[0], now));
  else if (view.kind === 'month') label = monthLabel(view.month);
  else if (view.kind === 'following') label = t('viewFollowing');
  const count = data?.papers.length;
  return (
    <h1>
      {t('dailyPapers')}
      {label && <span class="day-label"> · {label}</span>}
      {count !== undefined && count > 0 && <span class="count"> {tn(count, 'viewCountOne', 'viewCountOther')}</span>}
    </h1>
  );
}
