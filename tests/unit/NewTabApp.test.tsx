import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NewTabPage } from '@/components/newtab/NewTabApp';
import { db } from '@/lib/store/db';
import { storeDay } from '@/lib/store/papers';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { saveById } from '@/lib/hf/save-paper';
import { makeDailyItem, paperIdFor } from '../fixtures/papers';
import { pageTestSetup } from '../support/page-test';

const NOW = Date.parse('2026-11-25T15:00:00Z'); // Wednesday: today is not curated yet
const LATEST = '2026-11-24';
const EARLIER = '2026-11-23';

const SPARSE_VIDEO = 'Sparse Attention for Long Video Understanding';
const DIFFUSION = 'Diffusion Transformers at Scale';
const SPARSE_MOE = 'Sparse Mixture-of-Experts Routing';
const SPARSE_REWARD = 'Sparse Reward Models';

/** A paper whose searchable text is only its title (plus words the search ignores or no query uses). */
function item(day: string, index: number, title: string, upvotes: number, publishedAt: string) {
  return makeDailyItem(paperIdFor(day, index), day, {
    title,
    summary: `The abstract of ${title}.`,
    organization: undefined,
    paper: {
      upvotes,
      publishedAt,
      authors: [{ _id: '0123456789abcdef01234567', name: 'Ada Lovelace', hidden: false }],
      ai_keywords: ['benchmark'],
      organization: undefined,
    },
  });
}

async function seed() {
  const store = (day: string, items: ReturnType<typeof item>[]) =>
    storeDay(db(), day, parseDailyItems(items, day, NOW).items, 0, NOW);
  await store(LATEST, [
    item(LATEST, 0, SPARSE_VIDEO, 50, '2026-11-20T00:00:00.000Z'),
    item(LATEST, 1, DIFFUSION, 120, '2026-11-18T00:00:00.000Z'),
    item(LATEST, 2, SPARSE_MOE, 7, '2026-11-22T00:00:00.000Z'),
  ]);
  await store(EARLIER, [item(EARLIER, 0, SPARSE_REWARD, 300, '2026-11-21T00:00:00.000Z')]);
  await store('2026-11-25', []);
}

// jsdom does no layout: moving with j/k scrolls the paper into view, which it lacks.
const scrollIntoView = Element.prototype.scrollIntoView;
beforeAll(() => {
  Element.prototype.scrollIntoView ??= () => {};
});
afterAll(() => {
  Element.prototype.scrollIntoView = scrollIntoView;
});

pageTestSetup(NOW, seed, () => history.replaceState(null, '', '/newtab.html'));

const papersList = () => screen.getByRole('region', { name: 'Papers' });
const titles = (region: HTMLElement) =>
  within(region)
    .getAllByRole('article')
    .map((a) => a.querySelector('h2')?.textContent);

async function renderApp() {
  render(<NewTabPage />);
  await waitFor(() => expect(within(papersList()).getAllByRole('article')).toHaveLength(3));
}

describe('NewTabApp: the new tab', () => {
  it("lists the latest day's papers, most upvoted first", async () => {
    await renderApp();
    expect(titles(papersList())).toEqual([DIFFUSION, SPARSE_VIDEO, SPARSE_MOE]);
    // Each paper is an article named by its title, as a screen reader lists them.
    expect(screen.getByRole('article', { name: DIFFUSION })).toBe(within(papersList()).getAllByRole('article')[0]);
    expect(screen.queryByRole('article', { name: SPARSE_REWARD })).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Daily Papers · Yesterday (3 papers)');
  });

  it('"Newest" re-sorts by publication date, and the choice is remembered', async () => {
    await renderApp();
    // The order and filters live behind their one control, and load when it first opens.
    fireEvent.click(screen.getByRole('button', { name: /Order and filters/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Newest', hidden: true }));
    // The sort is a setting: it goes through browser.storage and comes back to every open page.
    await waitFor(() => expect(titles(papersList())).toEqual([SPARSE_MOE, SPARSE_VIDEO, DIFFUSION]));
    expect(screen.getByRole('button', { name: 'Newest', hidden: true }).getAttribute('aria-pressed')).toBe('true');

    cleanup();
    await renderApp();
    await waitFor(() => expect(titles(papersList())).toEqual([SPARSE_MOE, SPARSE_VIDEO, DIFFUSION]));
  });

  it('typing in the search box filters every cached paper and marks the matching words', async () => {
    await renderApp();
    const box = screen.getByRole('searchbox', { name: 'Search papers' });

    fireEvent.input(box, { target: { value: 'sparse' } });
    // The count is a live region: it is announced as the results change.
    expect((await screen.findByText('3 papers match')).getAttribute('role')).toBe('status');
    const results = screen.getByRole('region', { name: 'Search results' });
    expect(titles(results).sort()).toEqual([SPARSE_MOE, SPARSE_REWARD, SPARSE_VIDEO].sort());
    expect(screen.queryByRole('article', { name: DIFFUSION })).toBeNull();

    fireEvent.input(box, { target: { value: 'diffusion' } });
    expect((await screen.findByText('1 paper matches')).getAttribute('role')).toBe('status');
    const article = screen.getByRole('article', { name: DIFFUSION });
    const marks = [...article.querySelectorAll('h2 mark')].map((m) => m.textContent);
    expect(marks).toEqual(['Diffusion']);

    fireEvent.input(box, { target: { value: '' } });
    await waitFor(() => expect(titles(papersList())).toEqual([DIFFUSION, SPARSE_VIDEO, SPARSE_MOE]));
    expect(screen.queryByText(/match/)).toBeNull();
  });

  it('Save asks the background to write the paper (a page closed at once cannot lose it), and toggles aria-pressed', async () => {
    // The background's own handler, as it answers pages.
    const asked: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((raw: unknown) => {
      const m = raw as { type: string; id: string };
      asked.push(m);
      return m.type === 'savePaper' ? saveById({ db: db() }, m.id) : undefined;
    });
    await renderApp();
    const article = screen.getByRole('article', { name: SPARSE_VIDEO });
    const save = () => within(article).getByRole('button', { name: 'Save' });
    expect(save().getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(save());
    await waitFor(() => expect(save().getAttribute('aria-pressed')).toBe('true'));
    expect(await db().saved.get(paperIdFor(LATEST, 0))).toMatchObject({
      status: 'to-read',
      paper: { title: SPARSE_VIDEO },
    });
    // Opening asked the background to mark the day seen (the page loads no badge code for it).
    expect(asked).toContainEqual({ type: 'markSeen' });
    expect(asked.filter((m) => (m as { type: string }).type !== 'markSeen')).toEqual([
      { type: 'savePaper', id: paperIdFor(LATEST, 0) },
    ]);

    fireEvent.click(save());
    await waitFor(() => expect(save().getAttribute('aria-pressed')).toBe('false'));
    expect(await db().saved.count()).toBe(0);
    expect(screen.getByRole('button', { name: 'Undo' }).closest('[role="status"]')?.textContent).toContain(
      `Removed “${SPARSE_VIDEO}” from the reading list.`,
    );
  });

  it('j focuses the first paper, s saves it and a shows its abstract', async () => {
    await renderApp();
    fireEvent.keyDown(document.body, { key: 'j' });
    const first = screen.getByRole('article', { name: DIFFUSION });
    expect(document.activeElement).toBe(first);

    fireEvent.keyDown(first, { key: 's' });
    await waitFor(() =>
      expect(within(first).getByRole('button', { name: 'Save' }).getAttribute('aria-pressed')).toBe('true'),
    );
    expect(await db().saved.get(paperIdFor(LATEST, 1))).toBeDefined();

    fireEvent.keyDown(first, { key: 'a' });
    await waitFor(() =>
      expect(first.querySelector('.abstract')?.textContent).toContain(`The abstract of ${DIFFUSION}.`),
    );

    fireEvent.keyDown(first, { key: 'j' });
    expect(document.activeElement).toBe(screen.getByRole('article', { name: SPARSE_VIDEO }));
  });

  it('keys typed into the search box are text, not shortcuts', async () => {
    await renderApp();
    const box = screen.getByRole('searchbox', { name: 'Search papers' });
    box.focus();
    fireEvent.keyDown(box, { key: 'j' });
    fireEvent.keyDown(box, { key: 's' });
    expect(document.activeElement).toBe(box);
    expect(await db().saved.count()).toBe(0);
  });

  it('a day the cache lacks is asked of the background', async () => {
    const sendMessage = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: true, message: '0 papers' });
    history.replaceState(null, '', '/newtab.html#/day/2026-11-10');
    render(<NewTabPage />);
    await waitFor(() =>
      expect(sendMessage).toHaveBeenCalledWith({ type: 'fetchRange', range: { date: '2026-11-10' } }),
    );
    expect(sendMessage.mock.calls.filter(([m]) => (m as { type: string }).type !== 'markSeen')).toHaveLength(1);
  });
});
