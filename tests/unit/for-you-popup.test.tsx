import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '@/components/popup/PopupApp';
import { db } from '@/lib/store/db';
import { storeDay } from '@/lib/store/papers';
import { savePaper } from '@/lib/reading-list/list';
import { loadSettings, updateSettings } from '@/lib/core/settings';
import { topicPaper } from '../fixtures/topics';
import { pageTestSetup } from '../support/page-test';

const NOW = Date.parse('2026-09-21T15:00:00Z');
const DAY = '2026-09-20';
const WAIT = { timeout: 15_000 };

const day = [
  topicPaper('reasoning', 0, DAY, { upvotes: 90 }),
  topicPaper('speech', 0, DAY, { upvotes: 60 }),
  topicPaper('diffusion', 6, DAY, { upvotes: 2 }),
];

pageTestSetup(
  NOW,
  async () => {
    await storeDay(db(), DAY, day, 0, NOW);
    for (const i of [0, 1, 2]) await savePaper(db(), topicPaper('diffusion', i, '2026-09-01'), NOW - 86_400_000);
  },
  () => vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]),
);

const titles = () =>
  within(screen.getByRole('list', { name: 'Top papers' }))
    .queryAllByRole('heading', { level: 2 })
    .map((h) => h.textContent);

describe('For you in the popup', () => {
  it('follows the For you order with its reason, hides muted papers, and offers Not interested with Undo', async () => {
    await updateSettings({ sort: 'foryou', muteKeywords: ['chain-of-thought'] });
    render(<PopupApp />);
    await waitFor(() => expect(titles()).toEqual([day[2]!.title, day[1]!.title]), WAIT);
    const first = screen.getByRole('article', { name: day[2]!.title });
    expect(first.textContent).toMatch(/Like \d papers? you saved/);
    fireEvent.click(
      within(screen.getByRole('article', { name: day[1]!.title })).getByRole('button', { name: 'Not interested' }),
    );
    await waitFor(() => expect(titles()).toEqual([day[2]!.title]), WAIT);
    expect((await loadSettings()).notInterested).toEqual([day[1]!.id]);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(titles()).toHaveLength(2), WAIT);
  });
});
