/** Human wording for times and days, from the platform's Intl (no date library needed). */
import { addDays, utcDay } from './dates';
import { intlLocale, t, tn } from './i18n';

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relative(): Intl.RelativeTimeFormat {
  const locale = intlLocale();
  let rtf = relativeFormats.get(locale);
  if (!rtf) relativeFormats.set(locale, (rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return rtf;
}

// A formatter costs ~0.1 ms to make (toLocaleDateString makes one per call): a list of cards made
// one per date, per keystroke of a search. So each locale and style gets one, kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = intlLocale();
  const key = `${locale}|${style}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

export function timeAgo(thenMs: number, nowMs: number): string {
  const s = Math.round((thenMs - nowMs) / 1000);
  const abs = Math.abs(s);
  if (abs < 45) return t('justNow');
  // Past minutes as the status line says them ("12 min ago"); a future time in the platform's words.
  if (abs < 3600)
    return s < 0
      ? tn(Math.round(abs / 60), 'minutesAgoOne', 'minutesAgoOther')
      : relative().format(Math.round(s / 60), 'minute');
  if (abs < 86_400) return relative().format(Math.round(s / 3600), 'hour');
  return relative().format(Math.round(s / 86_400), 'day');
}

export function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(intlLocale(), { hour: '2-digit', minute: '2-digit' });
}

/** A moment in full, in local time ("Nov 25, 2026, 3:57 PM"): for tooltips beside a relative time. */
export function dateTime(ms: number): string {
  return dateFormat('datetime', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

/** "Today", "Yesterday", or "Monday, Nov 24" for a YYYY-MM-DD day. */
export function dayLabel(day: string, nowMs: number): string {
  const today = utcDay(nowMs);
  if (day === today) return t('today');
  if (day === addDays(today, -1)) return t('yesterday');
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(intlLocale(), {
    weekday: 'long',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
    ...(day.slice(0, 4) !== today.slice(0, 4) ? { year: 'numeric' } : {}),
  });
}

export function shortDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return date.toLocaleDateString(); // "Invalid Date", as before
  return dateFormat('short', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "May 2026" for a YYYY-MM month. */
export function monthLabel(month: string): string {
  return new Date(`${month}-15T12:00:00Z`).toLocaleDateString(intlLocale(), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A count as a card shows it: 950, 1.2k, 12k. */
export function formatCount(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(n >= 10_000 ? 0 : 1)}k` : String(n);
}
