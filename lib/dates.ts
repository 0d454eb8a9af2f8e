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
