import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holdKeysUntilReady, paintFirst } from '@/lib/views/first-paint';
import { hfPaperUrl } from '@/lib/core/paper-links';
import { APP_READY_EVENT, NEWTAB_SNAPSHOT_KEY } from '@/lib/core/page-keys';
import { SETTINGS_MIRROR_KEY } from '@/lib/core/settings';

const paper = (id: string, title: string, upvotes: number, publishedAt = '2026-11-20T00:00:00.000Z') => ({
  id,
  href: hfPaperUrl(id),
  title,
  upvotes,
  publishedAt,
  authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra'],
  aiSummary: `Summary of ${title}`,
});

function snapshot(papers: unknown[]) {
  localStorage.setItem(NEWTAB_SNAPSHOT_KEY, JSON.stringify({ papers, latest: { date: '2026-11-26' } }));
}

let root: HTMLElement;
beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/newtab.html');
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => root.remove());

const titles = () => [...root.querySelectorAll('article h2')].map((h) => h.textContent);

describe('the new tab first paint', () => {
  it('shows the last-seen papers, most upvoted first, before any app code runs', () => {
    snapshot([paper('2511.00001', 'B', 5), paper('2511.00002', 'A', 50), paper('2511.00003', 'C', 5)]);
    expect(paintFirst(root)).toBe(true);
    expect(titles()).toEqual(['A', 'B', 'C']);
    const link = root.querySelector('article a') as HTMLAnchorElement;
    expect(link.href).toBe('https://huggingface.co/papers/2511.00002');
    expect(root.textContent).toContain('Ada Lovelace, Alan Turing, Grace Hopper +1');
    expect(root.textContent).toContain('Summary of A');
  });

  it('follows only a Hugging Face paper link from the snapshot (else the title waits for the app)', () => {
    snapshot([
      { ...paper('2511.00001', 'A', 5), href: 'javascript:alert(1)' },
      { ...paper('2511.00002', 'B', 4), href: undefined },
    ]);
    expect(paintFirst(root)).toBe(true);
    expect(titles()).toEqual(['A', 'B']);
    expect([...root.querySelectorAll('article a')].map((a) => a.getAttribute('href'))).toEqual([null, null]);
  });

  it('follows the sort and minimum-upvotes settings from their mirror', () => {
    snapshot([
      paper('2511.00001', 'Old', 50, '2026-11-01T00:00:00.000Z'),
      paper('2511.00002', 'New', 10, '2026-11-20T00:00:00.000Z'),
      paper('2511.00003', 'Low', 1, '2026-11-25T00:00:00.000Z'),
    ]);
    localStorage.setItem(SETTINGS_MIRROR_KEY, JSON.stringify({ sort: 'newest', minUpvotes: 5 }));
    paintFirst(root);
    expect(titles()).toEqual(['New', 'Old']);
  });

  it('keeps the snapshot\'s order in the "For you" order (the app ranked it; the first paint does not rank)', () => {
    snapshot([paper('2511.00001', 'Ranked first', 3), paper('2511.00002', 'Most upvoted', 90)]);
    localStorage.setItem(SETTINGS_MIRROR_KEY, JSON.stringify({ sort: 'foryou' }));
    paintFirst(root);
    expect(titles()).toEqual(['Ranked first', 'Most upvoted']);
  });

  it('puts hostile text on screen as text', () => {
    snapshot([paper('2511.00001', '<img src=x onerror="window.__pwned=1">Hostile', 5)]);
    paintFirst(root);
    expect(titles()).toEqual(['<img src=x onerror="window.__pwned=1">Hostile']);
    expect(root.querySelector('img')).toBeNull();
  });

  it.each([
    ['quiet mode', () => localStorage.setItem(SETTINGS_MIRROR_KEY, JSON.stringify({ quietNewTab: true }))],
    ['another default view', () => localStorage.setItem(SETTINGS_MIRROR_KEY, JSON.stringify({ defaultView: 'week' }))],
    ['a view in the URL', () => history.replaceState(null, '', '/newtab.html#/day/2026-11-20')],
    ['a broken snapshot', () => localStorage.setItem(NEWTAB_SNAPSHOT_KEY, '{"papers": [{"id": 1}')],
  ])('paints nothing with %s (the app decides)', (_, arrange) => {
    snapshot([paper('2511.00001', 'A', 5)]);
    arrange();
    expect(paintFirst(root)).toBe(false);
    expect(root.childElementCount).toBe(0);
  });
});

describe('shortcut keys pressed before the app listens', () => {
  it('are held, then replayed in order once the app is ready', () => {
    holdKeysUntilReady(document);
    const seen: string[] = [];
    for (const key of ['j', 's', 'q'])
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    // The app's handler arrives later.
    document.addEventListener('keydown', (e) => seen.push(e.key));
    document.dispatchEvent(new Event(APP_READY_EVENT));
    expect(seen).toEqual(['j', 's']);
    // After that, keys go straight through.
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true }));
    expect(seen).toEqual(['j', 's', 'k']);
  });

  it('typing in a field is never held', () => {
    holdKeysUntilReady(document);
    const input = document.createElement('input');
    document.body.append(input);
    const seen: string[] = [];
    document.addEventListener('keydown', (e) => seen.push(e.key));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true }));
    expect(seen).toEqual(['s']);
    input.remove();
    document.dispatchEvent(new Event(APP_READY_EVENT));
  });
});
