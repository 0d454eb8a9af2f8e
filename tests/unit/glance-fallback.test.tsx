import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupFallback } from '@/components/popup/PopupFallback';
import { db } from '@/lib/store/db';
import { storeDay } from '@/lib/store/papers';
import { FALLBACK_KEY, readFallback, writeFallback } from '@/lib/views/glance-fallback';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { SAVED_IDS_KEY } from '@/lib/core/saved-mirror';
import { makeDailyItem, paperIdFor } from '../fixtures/papers';

const NOW = Date.parse('2026-11-25T15:00:00Z');
const DAY = '2026-11-24';

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all(db().tables.map((t) => t.clear()));
  const items = Array.from({ length: 12 }, (_, i) =>
    makeDailyItem(paperIdFor(DAY, i), DAY, { title: `Paper ${i + 1}`, paper: { upvotes: i + 1 } }),
  );
  await storeDay(db(), DAY, parseDailyItems(items, DAY, NOW).items, 0, NOW);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the glance without IndexedDB (Firefox private windows)', () => {
  it("the background's copy holds the day's top ten by upvotes, titles and ids only", async () => {
    await writeFallback(db(), NOW);
    const copy = await readFallback();
    expect(copy?.day).toBe(DAY);
    expect(copy?.papers.map((p) => p.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Paper ${12 - i}`));
    expect(Object.keys(copy!.papers[0]!).sort()).toEqual(['id', 'title', 'upvotes']);
  });

  it('a malformed stored copy keeps only well-formed papers, and none is no copy', async () => {
    await fakeBrowser.storage.local.set({
      [FALLBACK_KEY]: { day: 42, papers: [{ id: 'a', title: 'Ok', upvotes: 1 }, { id: 1 }, null, 'x'], updatedAt: 'x' },
    });
    expect(await readFallback()).toEqual({
      day: undefined,
      papers: [{ id: 'a', title: 'Ok', upvotes: 1 }],
      updatedAt: 0,
    });
    await fakeBrowser.storage.local.set({ [FALLBACK_KEY]: 'nonsense' });
    expect(await readFallback()).toBeUndefined();
  });

  it('the popup shows the copy, says why, and saves through the background', async () => {
    await writeFallback(db(), NOW);
    const id = paperIdFor(DAY, 11);
    await fakeBrowser.storage.local.set({ [SAVED_IDS_KEY]: [paperIdFor(DAY, 10)] });
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (m: unknown) => {
      sent.push(m);
      return { ok: true, saved: true, message: '' };
    });
    render(<PopupFallback />);
    const list = await screen.findByRole('list', { name: 'Top papers' });
    await waitFor(() => expect(within(list).getAllByRole('article')).toHaveLength(10));
    expect(screen.getByRole('alert').textContent).toMatch(/private window|history/i);
    const top = within(list).getByRole('article', { name: 'Paper 12' });
    const second = within(list).getByRole('article', { name: 'Paper 11' });
    await waitFor(() =>
      expect(within(second).getByRole('button', { name: /Save/ }).getAttribute('aria-pressed')).toBe('true'),
    );
    fireEvent.click(within(top).getByRole('button', { name: /Save/ }));
    await waitFor(() => expect(sent).toEqual([{ type: 'savePaper', id }]));
    // The mirror changing (the background saved it) turns the button on.
    await fakeBrowser.storage.local.set({ [SAVED_IDS_KEY]: [paperIdFor(DAY, 10), id] });
    await waitFor(() =>
      expect(within(top).getByRole('button', { name: /Save/ }).getAttribute('aria-pressed')).toBe('true'),
    );
  });
});
