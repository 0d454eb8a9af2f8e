import { dayLabel } from '@/lib/format';
import type { View, ViewData } from '@/lib/views';

/** "Daily Papers · Today", "· Week of Nov 24", "· November 2026". */
export function ViewHeading({ view, data }: { view: View; data?: ViewData }) {
  const now = Date.now();
  let label = '';
  if (view.kind === 'latest') label = data?.latest ? dayLabel(data.latest.date, now) : '';
  else if (view.kind === 'day') label = dayLabel(view.day, now);
  else if (view.kind === 'week' && data) label = `Week of ${dayLabel(data.bounds[0], now)}`;
  else if (view.kind === 'month') {
    label = new Date(`${view.month}-15T12:00:00Z`).toLocaleDateString('en', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  }
  const count = data?.papers.length;
  return (
    <h1>
      Daily Papers
      {label && <span class="day-label"> · {label}</span>}
      {count !== undefined && count > 0 && (
        <span class="count">
          {' '}
          ({count} {count === 1 ? 'paper' : 'papers'})
        </span>
      )}
    </h1>
  );
}
