import { openMenu } from '../support/menu';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NewTabPage } from '@/components/newtab/NewTabApp';
import { OptionsApp } from '@/components/options/OptionsApp';
import { db } from '@/lib/store/db';
import { storeDay } from '@/lib/store/papers';
import { savePaper } from '@/lib/reading-list/list';
import { loadSettings, updateSettings } from '@/lib/core/settings';
import { topicPaper } from '../fixtures/topics';
import { pageTestSetup } from '../support/page-test';

// The machine may be busy (and the ranker is a chunk imported on first use): state, not time, decides.
const WAIT = { timeout: 15_000 };

const NOW = Date.parse('2026-09-21T15:00:00Z');
const DAY = '2026-09-20';

const day = [
  topicPaper('reasoning', 0, DAY, { upvotes: 90 }),
  topicPaper('speech', 0, DAY, { upvotes: 60 }),
  topicPaper('diffusion', 6, DAY, { upvotes: 2 }),
  topicPaper('quantization', 0, DAY, { upvotes: 30 }),
];
const ON_TOPIC = day[2]!.title;
const savedPapers = [0, 1, 2].map((i) => topicPaper('diffusion', i, '2026-09-01'));

async function seed(withList: boolean) {
  await storeDay(db(), DAY, day, 0, NOW);
  await storeDay(db(), '2026-09-21', [], 0, NOW);
  if (withList) for (const p of savedPapers) await savePaper(db(), p, NOW - 86_400_000);
}

const toast = () => screen.getAllByRole('status').find((e) => e.classList.contains('toast'))!;
const papersList = () => screen.getByRole('region', { name: 'Papers' });
const titles = () =>
  within(papersList())
    .queryAllByRole('article')
    .map((a) => a.querySelector('h2')?.textContent);

describe('For you in the new tab', () => {
  pageTestSetup(
    NOW,
    () => seed(true),
    () => history.replaceState(null, '', '/newtab.html'),
  );

  it('ranks the paper like the saved ones first, says why, and remembers the choice', async () => {
    render(<NewTabPage />);
    await waitFor(() => expect(titles()).toHaveLength(4), WAIT);
    expect(titles()[0]).toBe(day[0]!.title);
    // The order and filters live behind their one control, and load when it first opens.
    fireEvent.click(screen.getByRole('button', { name: /Order and filters/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'For you', hidden: true }));
    await waitFor(() => expect(titles()[0]).toBe(ON_TOPIC), WAIT);
    expect(screen.getByRole('button', { name: 'For you', hidden: true }).getAttribute('aria-pressed')).toBe('true');
    const card = screen.getByRole('article', { name: ON_TOPIC });
    await waitFor(() => expect(card.textContent).toMatch(/Like \d papers? you saved: /), WAIT);
    expect((await loadSettings()).sort).toBe('foryou');
  });

  it('"Not interested" hides a paper with Undo, counts it, and "Show all" brings it back', async () => {
    render(<NewTabPage />);
    await waitFor(() => expect(titles()).toHaveLength(4), WAIT);
    const speech = day[1]!.title;
    const card = screen.getByRole('article', { name: speech });
    fireEvent.click((await openMenu(card)).getByRole('menuitem', { name: 'Not interested' }));
    await waitFor(() => expect(titles()).not.toContain(speech), WAIT);
    expect((await loadSettings()).notInterested).toEqual([day[1]!.id]);
    expect(toast().textContent).toContain(`Hidden: ${speech}`);
    expect(screen.getByText(/1 hidden \(not interested or muted\)/)).toBeTruthy();
    fireEvent.click(within(toast()).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(titles()).toContain(speech), WAIT);
    expect((await loadSettings()).notInterested).toEqual([]);

    fireEvent.click(
      (await openMenu(screen.getByRole('article', { name: speech }))).getByRole('menuitem', { name: 'Not interested' }),
    );
    await waitFor(() => expect(titles()).not.toContain(speech), WAIT);
    fireEvent.click(screen.getByRole('button', { name: 'Show all' }));
    await waitFor(() => expect(titles()).toContain(speech), WAIT);
    const marked = await openMenu(screen.getByRole('article', { name: speech }));
    expect(marked.getByRole('menuitem', { name: 'Interested again' })).toBeTruthy();
  });

  it('a muted keyword, author or organization hides matching papers', async () => {
    await updateSettings({ muteKeywords: ['speech recognition'] });
    render(<NewTabPage />);
    await waitFor(() => expect(titles()).toHaveLength(3), WAIT);
    expect(titles()).not.toContain(day[1]!.title);
    await updateSettings({ muteKeywords: [], muteAuthors: [day[3]!.authors[0]!] });
    await waitFor(() => expect(titles()).not.toContain(day[3]!.title), WAIT);
    expect(titles()).toContain(day[1]!.title);
  });
});

describe('For you with an empty reading list', () => {
  pageTestSetup(
    NOW,
    () => seed(false),
    () => history.replaceState(null, '', '/newtab.html'),
  );

  it('says so and falls back to upvotes', async () => {
    await updateSettings({ sort: 'foryou' });
    render(<NewTabPage />);
    await waitFor(() => expect(screen.getByText(/Save papers to get a ranking made for you/)).toBeTruthy(), WAIT);
    expect(titles()).toEqual([...day].sort((a, b) => b.upvotes - a.upvotes).map((p) => p.title));
  });
});

describe('Muted lists in the options', () => {
  pageTestSetup(NOW, async () => undefined);

  it('are labelled boxes saved as you type, and the not-interested marks can be forgotten', async () => {
    await updateSettings({ notInterested: ['2609.00001', '2609.00002'] });
    render(<OptionsApp />);
    const box = await screen.findByRole('textbox', { name: 'Muted keywords' }, WAIT);
    fireEvent.input(box, { target: { value: 'survey\nbenchmark' } });
    await waitFor(async () => expect((await loadSettings()).muteKeywords).toEqual(['survey', 'benchmark']), WAIT);
    expect(screen.getByRole('textbox', { name: 'Muted authors' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Muted organizations' })).toBeTruthy();
    await screen.findByText(/2 papers marked Not interested/, {}, WAIT);
    fireEvent.click(screen.getByRole('button', { name: 'Forget them' }));
    await waitFor(async () => expect((await loadSettings()).notInterested).toEqual([]), WAIT);
    expect(fakeBrowser).toBeTruthy();
  });
});
