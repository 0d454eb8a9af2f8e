/** Human wording for times and days, from the platform's Intl (no date library needed). */
import { addDays, utcDay } from './dates';

const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

export function timeAgo(thenMs: number, nowMs: number): string {
  const s = Math.round((thenMs - nowMs) / 1000);
  const abs = Math.abs(s);
  if (abs < 45) return 'just now';
  if (abs < 3600) return rtf.format(Math.round(s / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(s / 3600), 'hour');
  return rtf.format(Math.round(s / 86_400), 'day');
}

export function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** "Today", "Yesterday", or "Monday, Nov 24" for a YYYY-MM-DD day. */
export function dayLabel(day: string, nowMs: number): string {
  const today = utcDay(nowMs);
  if (day === today) return 'Today';
  if (day === addDays(today, -1)) return 'Yesterday';
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en', {
    weekday: 'long',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
    ...(day.slice(0, 4) !== today.slice(0, 4) ? { year: 'numeric' } : {}),
  });
}

export function shortDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}
