/**
 * When IndexedDB is unavailable to a page (Firefox private windows, or history disabled), the
 * popup still shows the day's top papers from this small copy in `browser.storage.local`, which
 * the background (whose database works) writes after each refresh.
 */
import { browser } from 'wxt/browser';
import type { PapertabDB } from '../store/db';
import type { Paper } from '../core/paper';
import { loadView, sortPapers } from './view';

export const FALLBACK_KEY = 'glanceFallback';
const TOP = 10;

export interface GlanceFallback {
  day?: string;
  papers: Pick<Paper, 'id' | 'title' | 'upvotes'>[];
  updatedAt: number;
}

export async function writeFallback(db: PapertabDB, now = Date.now()): Promise<void> {
  const view = await loadView(db, { kind: 'latest' }, now);
  const papers = sortPapers(view.papers, 'upvotes')
    .slice(0, TOP)
    .map(({ id, title, upvotes }) => ({ id, title, upvotes }));
  const value: GlanceFallback = { day: view.latest?.date, papers, updatedAt: now };
  await browser.storage.local.set({ [FALLBACK_KEY]: value });
}

export async function readFallback(): Promise<GlanceFallback | undefined> {
  const raw = (await browser.storage.local.get(FALLBACK_KEY))[FALLBACK_KEY] as GlanceFallback | undefined;
  if (!raw || !Array.isArray(raw.papers)) return undefined;
  const papers = raw.papers.filter(
    (p): p is GlanceFallback['papers'][number] =>
      !!p && typeof p.id === 'string' && typeof p.title === 'string' && typeof p.upvotes === 'number',
  );
  return { day: typeof raw.day === 'string' ? raw.day : undefined, papers, updatedAt: Number(raw.updatedAt) || 0 };
}
