/**
 * Daily Papers days are the API's `date=` strings (YYYY-MM-DD); "today" is the current UTC date.
 * Plain string arithmetic on UTC dates is all we need here, so no date library.
 */
const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function utcDay(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 10);
}

export function isDay(value: string): boolean {
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function dayToMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: string, n: number): string {
  return utcDay(dayToMs(day) + n * DAY_MS);
}

/** Whole days from `a` to `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayToMs(b) - dayToMs(a)) / DAY_MS);
}

/** The `count` days ending at `last`, newest first. */
export function recentDays(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(last, -i));
}

/** ISO-8601 week of a day, as the API's `week=` value ("2026-W48"). */
export function isoWeek(day: string): string {
  const d = new Date(dayToMs(day));
  const dow = d.getUTCDay() || 7; // Monday 1 … Sunday 7
  d.setUTCDate(d.getUTCDate() + 4 - dow); // the week's Thursday decides its year
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / DAY_MS + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const WEEK_RE = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A `week=` value naming a week that exists: 2026-W53 does, 2025-W53 (a 52-week year) does not. */
export function isWeek(value: string): boolean {
  return WEEK_RE.test(value) && isoWeek(weekDays(value)[0]) === value;
}

/** First and last day (Monday … Sunday) of an ISO week. */
export function weekDays(week: string): [string, string] {
  const [y, w] = week.split('-W').map(Number) as [number, number];
  const jan4 = Date.UTC(y, 0, 4);
  const jan4Dow = new Date(jan4).getUTCDay() || 7;
  const monday = jan4 - (jan4Dow - 1) * DAY_MS + (w - 1) * 7 * DAY_MS;
  return [utcDay(monday), utcDay(monday + 6 * DAY_MS)];
}

/** First and last day of a month ("2026-11"). */
export function monthDays(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return [utcDay(Date.UTC(y, m - 1, 1)), utcDay(Date.UTC(y, m, 0))];
}

export function addWeeks(week: string, n: number): string {
  return isoWeek(addDays(weekDays(week)[0], n * 7));
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return utcDay(Date.UTC(y, m - 1 + n, 1)).slice(0, 7);
}
