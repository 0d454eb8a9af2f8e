// The cached papers the bench measures with: generated through the real validation, written to IndexedDB.

import { parseDailyItems } from '../../lib/hf/hf-schema';
import type { DayRecord, Paper } from '../../lib/core/paper';
import { makeDailyItem, makeDay, utcDay } from '../../tests/fixtures/papers';
import { until } from '../../tests/support/until';
import type { Session } from './session';
import { followKeyRows } from './following-view';
import { withPopulation, type Author } from './authors';

const PER_DAY = 50;
const DEFAULT_PAPERS = 10_000;

export interface SeedData {
  papers: Paper[];
  days: DayRecord[];
  newest: string;
  authorsByFrequency: [string, number][];
  /** Who wrote the papers (./authors.ts), with how many each wrote. */
  authors: Author[];
  avgSummaryBytes: number;
}

/**
 * How many papers to cache: BENCH_PAPERS or the first argument (`npm run bench -- 30000`), a
 * positive whole number; by default 10,000.
 */
export function paperCount(): number {
  const raw = process.env.BENCH_PAPERS ?? process.argv.slice(2).find((a) => /^\d+$/.test(a));
  if (raw === undefined || raw === '') return DEFAULT_PAPERS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_PAPERS must be a positive whole number, not "${raw}"`);
  return n;
}

/**
 * `count` papers, 50 a day (10,000 by default: over 200 days), through the same validation and
 * normalisation as real responses, their authors drawn from a realistic population (./authors.ts).
 */
export function makeSeed(count: number): SeedData {
  const fetchedAt = Date.now();
  const papers: Paper[] = [];
  const days: DayRecord[] = [];
  for (let i = 0; i * PER_DAY < count; i++) {
    const date = utcDay(-1 - i);
    const items = makeDay(date, Math.min(PER_DAY, count - i * PER_DAY));
    // Real abstracts run ~1 KB; the fixture's are about half that, so each gets a second paragraph.
    for (const item of items) {
      const more = makeDailyItem(`${item.paper.id}-more`, date).summary;
      item.paper.summary = `${item.paper.summary} ${more}`;
      item.summary = item.paper.summary;
    }
    const parsed = parseDailyItems(items, date, fetchedAt);
    papers.push(...parsed.items);
    days.push({ date, status: 'ok', count: parsed.items.length, dropped: parsed.dropped, fetchedAt });
  }
  const { papers: authored, authors } = withPopulation(papers);
  const freq = new Map<string, number>();
  for (const p of authored) for (const a of p.authors) freq.set(a, (freq.get(a) ?? 0) + 1);
  const authorsByFrequency = [...freq].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const avgSummaryBytes = authored.reduce((s, p) => s + Buffer.byteLength(p.summary), 0) / authored.length;
  return { papers: authored, days, newest: utcDay(-1), authorsByFrequency, authors, avgSummaryBytes };
}

// Runs inside the page (raw IndexedDB, so it works whatever Dexie version the build declares).
type Row = Record<string, unknown>;
async function idbWrite(stores: Record<string, Row[]>): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('papertab');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(Object.keys(stores), 'readwrite');
      for (const [name, rows] of Object.entries(stores)) for (const row of rows) tx.objectStore(name).put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });
  } finally {
    db.close();
  }
}

async function idbRead({ storeName, key }: { storeName: string; key: string }): Promise<unknown> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('papertab');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  try {
    if (!db.objectStoreNames.contains(storeName)) return undefined;
    return await new Promise((resolve, reject) => {
      const req = db.transaction(storeName, 'readonly').objectStore(storeName).get(key);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}

export async function seed(s: Session, data: SeedData): Promise<void> {
  // An extension page opens (and creates or upgrades) the database the way the build declares it.
  const page = await s.context.newPage();
  await page.goto(`${s.origin}/popup.html`);
  // The install refresh (against an empty stand-in) must be over, or it could race the seed.
  await until(
    'the install refresh',
    async () =>
      (await page.evaluate(idbRead, { storeName: 'meta', key: 'refreshStatus' }).catch(() => undefined)) as
        { value?: { lastSuccessAt?: number } } | undefined,
    (status) => !!status?.value?.lastSuccessAt,
    30_000,
  );
  const BATCH = 1000;
  for (let i = 0; i < data.papers.length; i += BATCH) {
    const papers = data.papers.slice(i, i + BATCH);
    // The Following view's index, as the build writes it with every paper.
    await page.evaluate(idbWrite, {
      papers: papers as unknown as Row[],
      followKeys: followKeyRows(papers) as unknown as Row[],
    });
  }
  await page.evaluate(idbWrite, {
    days: data.days as unknown as Row[],
    meta: [
      { key: 'seenDay', value: data.newest },
      // A refresh "just succeeded": the worker's start-up check finds nothing due.
      { key: 'refreshStatus', value: { failures: 0, lastSuccessAt: Date.now() } },
    ],
  });
  await page.close();
}

/**
 * Has the background build the stored search index over the seeded papers, as it does after every
 * refresh: fires the refresh alarm and waits for the index's new generation. Returns the time taken.
 */
export async function buildStoredIndex(s: Session): Promise<number> {
  const t0 = Date.now();
  await s.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { alarms: { create(n: string, i: object): Promise<void> } } }
    ).chrome.alarms.create('papertab-refresh', { when: Date.now() + 10 }),
  );
  const page = await s.context.newPage();
  await page.goto(`${s.origin}/popup.html`);
  await until(
    'the stored search index',
    async () =>
      (await page.evaluate(idbRead, { storeName: 'searchIndex', key: 'head' }).catch(() => undefined)) as
        { generation?: number; changed?: string[] } | undefined,
    (head) => (head?.generation ?? 0) >= 1 && head?.changed?.length === 0,
    300_000,
  );
  await page.close();
  return Date.now() - t0;
}
