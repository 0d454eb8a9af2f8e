import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '@/components/popup/PopupApp';
import { db } from '@/lib/store/db';
import { storeDay } from '@/lib/store/papers';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { getMeta, setMeta } from '@/lib/store/meta-table';
import { updateSettings } from '@/lib/core/settings';
import { makeDailyItem, paperIdFor } from '../fixtures/papers';
import { pageTestSetup } from '../support/page-test';

const NOW = Date.parse('2026-11-25T15:00:00Z');
const SEEN = '2026-11-23';
const LATEST = '2026-11-24';

/** Twelve papers on the latest day, upvotes 5, 10, … 60 (the popup shows the top ten). */
async function seed() {
  const items = Array.from({ length: 12 }, (_, i) =>
    makeDailyItem(paperIdFor(LATEST, i), LATEST, { title: `Paper ${i + 1}`, paper: { upvotes: (i + 1) * 5 } }),
  );
  await storeDay(db(), SEEN, parseDailyItems([makeDailyItem(paperIdFor(SEEN, 0), SEEN)], SEEN, NOW).items, 0, NOW);
  await storeDay(db(), LATEST, parseDailyItems(items, LATEST, NOW).items, 0, NOW);
  await setMeta(db(), 'seenDay', SEEN);
  await setMeta(db(), 'refreshStatus', { failures: 0, lastSuccessAt: NOW - 3 * 60_000 });
}

// No browser window here: "Save this paper" finds no paper tab.
pageTestSetup(NOW, seed, () => vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]));

describe('the popup', () => {
  it("shows the day's top ten by upvotes, how many are new, the status, Refresh and the ways onward", async () => {
    render(<PopupApp />);
    const list = await screen.findByRole('list', { name: 'Top papers' });
    await waitFor(() => expect(within(list).getAllByRole('article')).toHaveLength(10));
    const titles = within(list)
      .getAllByRole('heading', { level: 2 })
      .map((h) => h.textContent);
    expect(titles).toEqual([
      'Paper 12',
      'Paper 11',
      'Paper 10',
      'Paper 9',
      'Paper 8',
      'Paper 7',
      'Paper 6',
      'Paper 5',
      'Paper 4',
      'Paper 3',
    ]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Daily Papers · Yesterday');
    await screen.findByText('12 new');
    expect(screen.getByRole('status').textContent).toBe('Updated 3 min ago');
    expect((screen.getByRole('button', { name: 'Refresh' }) as HTMLButtonElement).disabled).toBe(false);
    expect(
      ['Open the new tab view', 'Reading list', 'Settings'].map((name) =>
        screen.getByRole('link', { name }).getAttribute('href'),
      ),
    ).toEqual(['/newtab.html', '/reading-list.html', '/options.html']);
    // Each title links to its Hugging Face page.
    const first = within(list).getByRole('article', { name: 'Paper 12' });
    expect(within(first).getByRole('link', { name: 'Paper 12' }).getAttribute('href')).toBe(
      `https://huggingface.co/papers/${paperIdFor(LATEST, 11)}`,
    );
  });

  it('a paper on the watch list says so in words, not only in colour', async () => {
    await updateSettings({ watchKeywords: ['paper 7'] });
    render(<PopupApp />);
    const watched = await screen.findByRole('article', { name: 'Paper 7' });
    await waitFor(() => expect(watched.textContent).toContain('On your watch list: paper 7'));
    expect(watched.classList.contains('watched')).toBe(true);
    expect(screen.getByRole('article', { name: 'Paper 8' }).textContent).not.toContain('watch list');
  });

  it('marks the day seen on opening, and keeps saying how many were new', async () => {
    render(<PopupApp />);
    await screen.findByText('12 new');
    await waitFor(async () => expect(await getMeta(db(), 'seenDay')).toBe(LATEST));
    expect(screen.queryByText('12 new')).not.toBeNull();
  });

  it('Save is a toggle: aria-pressed follows the reading list', async () => {
    render(<PopupApp />);
    const list = await screen.findByRole('list', { name: 'Top papers' });
    const card = await within(list).findByRole('article', { name: 'Paper 12' });
    const save = within(card).getByRole('button', { name: /Save/ });
    expect(save.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(save);
    await waitFor(async () => expect(await db().saved.get(paperIdFor(LATEST, 11))).toBeDefined());
    await waitFor(() =>
      expect(within(card).getByRole('button', { name: /Save/ }).getAttribute('aria-pressed')).toBe('true'),
    );
  });

  it('opens the new tab view in a tab and closes itself', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    render(<PopupApp />);
    fireEvent.click(screen.getByRole('link', { name: 'Open the new tab view' }));
    await waitFor(() => expect(close).toHaveBeenCalled());
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/newtab.html') });
  });
});
