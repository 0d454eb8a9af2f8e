import { monthDays, utcDay, weekDays } from '@/lib/core/dates';
import { dayLabel } from '@/lib/core/format';
import { t, type PlainKey } from '@/lib/core/i18n';
import { canShow, stepView, switchKind, type View } from '@/lib/views/view';

type Unit = 'day' | 'week' | 'month';
const UNIT = { latest: 'day', day: 'day', week: 'week', month: 'month', following: 'day' } as const;
const WORDS: Record<Unit, { name: PlainKey; previous: PlainKey; next: PlainKey }> = {
  day: { name: 'periodDay', previous: 'previousDay', next: 'nextDay' },
  week: { name: 'periodWeek', previous: 'previousWeek', next: 'nextWeek' },
  month: { name: 'periodMonth', previous: 'previousMonth', next: 'nextMonth' },
};

/** Day / week / month switch, previous and next, and a date picker. */
export function ViewNav({ view, shownDay, onChange }: { view: View; shownDay?: string; onChange: (v: View) => void }) {
  const now = Date.now();
  const today = utcDay(now);
  const focusDay = focusOf(view, shownDay ?? today);
  const unit = UNIT[view.kind];
  const prev = stepView(view, shownDay, -1, today);
  const next = stepView(view, shownDay, +1, today);
  const kind = view.kind === 'latest' || view.kind === 'following' ? 'day' : view.kind;
  return (
    <nav class="view-nav" aria-label={t('viewNav')}>
      <div class="segmented" role="group" aria-label={t('period')}>
        {(['day', 'week', 'month'] as const).map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={kind === k && view.kind !== 'following'}
            onClick={() => onChange(switchKind(k, focusDay))}
          >
            {t(WORDS[k].name)}
          </button>
        ))}
      </div>
      <button type="button" aria-pressed={view.kind === 'following'} onClick={() => onChange({ kind: 'following' })}>
        {t('viewFollowing')}
      </button>
      <button type="button" onClick={() => onChange(prev)} disabled={prev === view} aria-keyshortcuts="[">
        <span aria-hidden="true">← </span>
        {t(WORDS[unit].previous)}
      </button>
      <button
        type="button"
        onClick={() => onChange(next)}
        disabled={next === view || !canShow(next, today)}
        aria-keyshortcuts="]"
      >
        {t(WORDS[unit].next)}
        <span aria-hidden="true"> →</span>
      </button>
      <label class="date-picker">
        <span>{t('goToDate')}</span>
        <input
          type="date"
          value={focusDay}
          max={today}
          onChange={(e) => {
            const value = (e.target as HTMLInputElement).value;
            if (value) onChange(kind === 'day' ? { kind: 'day', day: value } : switchKind(kind, value));
          }}
        />
      </label>
      {view.kind !== 'latest' && (
        <button type="button" onClick={() => onChange({ kind: 'latest' })}>
          {t('latest')}
        </button>
      )}
      <span class="sr-only">{focusDay ? dayLabel(focusDay, now) : ''}</span>
    </nav>
  );
}

function focusOf(view: View, fallback: string): string {
  if (view.kind === 'day') return view.day;
  if (view.kind === 'week') return clampToday(weekDays(view.week)[0]);
  if (view.kind === 'month') return clampToday(monthDays(view.month)[0]);
  return fallback;
}

function clampToday(day: string): string {
  const today = utcDay(Date.now());
  return day > today ? today : day;
}
