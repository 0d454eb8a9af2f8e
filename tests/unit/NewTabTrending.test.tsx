import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NewTabPage } from '@/components/newtab/NewTabApp';
import { ReadingListApp } from '@/components/reading-list/ReadingListApp';
import { clockTime } from '@/lib/core/format';
import { db } from '@/lib/store/db';
import { setMeta } from '@/lib/store/meta-table';
import { storeDay } from '@/lib/store/papers';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { makeDailyItem, paperIdFor } from '../fixtures/papers';
import { makeSaved } from '../fixtures/saved';
import { pageTestSetup } from '../support/page-test';

const NOW = Date.parse('2026-11-25T15:00:00Z');
const LATEST = '2026-11-24';
const TITLES = ['Alpha Paper', 'Beta Paper', 'Gamma Paper', 'Delta Paper'];
const id = (i: number) => paperIdFor(LATEST, i);

async function seed() {
  // Alpha is the most upvoted; only Beta and Delta link code.
  const items = TITLES.map((title, i) =>
    makeDailyItem(id(i), LATEST, {
      title,
      paper: { upvotes: 100 - i * 10, githubRepo: i % 2 ? `https://github.com/o/${i}` : undefined },
    }),
  );
  await storeDay(db(), LATEST, parseDailyItems(items, LATEST, NOW).items, 0, NOW);
}

pageTestSetup(NOW, seed, () => history.replaceState(null, '', '/newtab.html'));

const papersList = () => screen.getByRole('region', { name: 'Papers' });
const titles = () =>
  within(papersList())
    .queryAllByRole('article')
    .map((a) => a.querySelector('h2')?.textContent);

function online(on: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(on);
}

describe('Trending in the new tab', () => {
  it('offline, shows the last cached trending order and when it was fetched, asking nothing', async () => {
    online(false);
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, message: '' });
    const fetchedAt = NOW - 2 * 3_600_000;
    await setMeta(db(), `trending:date:${LATEST}`, { ids: [id(2), id(0), id(3), id(1)], fetchedAt });
    render(<NewTabPage />);
    await waitFor(() => expect(titles()).toEqual(TITLES), { timeout: 5000 });
    // The order and filters live behind their one control, and load when it first opens.
    fireEvent.click(screen.getByRole('button', { name: /Order and filters/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Trending', hidden: true }));
    await waitFor(() => expect(titles()).toEqual(['Gamma Paper', 'Alpha Paper', 'Delta Paper', 'Beta Paper']));
    expect(screen.getByRole('button', { name: 'Trending', hidden: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await screen.findByText(`Trending as of ${clockTime(fetchedAt)}`)).toBeTruthy();
    expect(sendMessage).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'fetchTrending' }));
  });

  it('online with no order cached, asks the background once and says it has none yet', async () => {
    online(true);
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, message: '' });
    render(<NewTabPage />);
    await waitFor(() => expect(titles()).toEqual(TITLES), { timeout: 5000 });
    // The order and filters live behind their one control, and load when it first opens.
    fireEvent.click(screen.getByRole('button', { name: /Order and filters/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Trending', hidden: true }));
    await waitFor(() => expect(sendMessage).toHaveBeenCalledWith({ type: 'fetchTrending', range: { date: LATEST } }));
    expect(await screen.findByText(/trending order is not here yet/)).toBeTruthy();
    // The background's answer arrives through the database.
    await setMeta(db(), `trending:date:${LATEST}`, { ids: [id(3)], fetchedAt: NOW });
    await waitFor(() => expect(titles()[0]).toBe('Delta Paper'));
    expect(sendMessage.mock.calls.filter(([m]) => (m as { type: string }).type === 'fetchTrending')).toHaveLength(1);
  });
});

describe('With code', () => {
  it('shows only papers with a code repository while pressed', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, message: '' });
    render(<NewTabPage />);
    await waitFor(() => expect(titles()).toEqual(TITLES), { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: /Order and filters/ }));
    const toggle = await screen.findByRole('button', { name: 'With code', hidden: true });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    await waitFor(() => expect(titles()).toEqual(['Beta Paper', 'Delta Paper']));
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(toggle);
    await waitFor(() => expect(titles()).toEqual(TITLES), { timeout: 5000 });
  });
});

describe('the reading list: code released and artifacts', () => {
  it('marks a paper whose code was released and links the models, datasets and Spaces citing it', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ checked: 0 });
    await db().saved.bulkPut([
      makeSaved(id(0), { title: 'Alpha Paper' }),
      makeSaved(id(1), { title: 'Beta Paper' }, { savedAt: 1 }),
    ]);
    await setMeta(db(), 'codeReleased', { [id(0)]: { at: NOW, repo: 'https://github.com/o/a', notified: true } });
    await setMeta(db(), `artifacts:${id(0)}`, {
      checkedAt: NOW,
      models: ['org/model', 'bad id"><script>'],
      datasets: ['org/data'],
      spaces: ['org/demo'],
    });
    render(<ReadingListApp />);
    const alpha = await screen.findByRole('article', { name: 'Alpha Paper' });
    await waitFor(() => expect(within(alpha).getByText('Code released')).toBeTruthy());
    // The Hub artifacts open in place with the paper's note, status and tags.
    fireEvent.click(within(alpha).getByRole('button', { name: /^Add a note$|^Note: / }));
    const hrefs = within(alpha)
      .getAllByRole('link')
      .map((a) => a.getAttribute('href'))
      .filter((h) => h?.startsWith('https://huggingface.co/') && !h.includes('/papers/'));
    expect(hrefs).toEqual([
      'https://huggingface.co/org/model',
      'https://huggingface.co/datasets/org/data',
      'https://huggingface.co/spaces/org/demo',
    ]);
    const beta = screen.getByRole('article', { name: 'Beta Paper' });
    expect(within(beta).queryByText('Code released')).toBeNull();
    expect(sendMessage).toHaveBeenCalledWith({ type: 'checkArtifacts' });
  });
});
