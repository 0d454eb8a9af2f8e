// Small helpers shared by the bench's modules: summary statistics, number formatting, logging.

export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function stats(values: number[]): Stats {
  const xs = [...values].sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return { n, median: NaN, p95: NaN, min: NaN, max: NaN };
  const median = n % 2 ? xs[(n - 1) / 2]! : (xs[n / 2 - 1]! + xs[n / 2]!) / 2;
  // Nearest-rank percentile.
  const p95 = xs[Math.min(n - 1, Math.ceil(0.95 * n) - 1)]!;
  return { n, median, p95, min: xs[0]!, max: xs[n - 1]! };
}

export const ms = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const sleep = (t: number): Promise<void> => new Promise((r) => setTimeout(r, t));

export function log(line = ''): void {
  console.log(line);
}
