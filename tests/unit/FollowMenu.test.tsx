import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperCard } from '@/components/shared/PaperCard';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { loadSettings, updateSettings } from '@/lib/core/settings';
import { useSettings } from '@/lib/hooks/use-settings';
import { useFollows } from '@/lib/hooks/use-follows';
import type { Paper } from '@/lib/core/paper';
import { makeDailyItem } from '../fixtures/papers';

afterEach(cleanup);

const TITLE = 'Sparse Attention for Long Video Understanding';

function paper(): Paper {
  const item = makeDailyItem('2611.04801', '2026-11-24', {
    title: TITLE,
    paper: {
      title: TITLE,
      authors: [
        {
          _id: '0123456789abcdef01234567',
          name: 'Ada Lovelace',
          hidden: false,
          user: { _id: 'u1', user: 'ada', fullname: 'Ada Lovelace', avatarUrl: '/a.svg', isPro: false, type: 'user' },
        },
        { _id: '0123456789abcdef01234568', name: 'Alan Turing', hidden: false },
      ],
      organization: { _id: 'o1', name: 'codefuse-ai', fullname: 'CodeFuse AI', avatar: '/o.png' },
    },
  });
  return parseDailyItems([item], '2026-11-24', 1).items[0]!;
}

/** The card as the new tab shows it, with the page's follows. */
function Card() {
  const follows = useFollows(useSettings());
  return <PaperCard paper={paper()} saved={false} onToggleSave={() => {}} follows={follows} />;
}

describe('Follow… on a paper card', () => {
  it('lists the organization and every author as toggles; following stores the Hub account', async () => {
    render(<Card />);
    const card = screen.getByRole('article', { name: TITLE });
    const open = within(card).getByRole('button', { name: 'Follow…' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(open);
    // The list's code loads when the menu first opens.
    const ada = await within(card).findByRole('button', { name: 'Follow Ada Lovelace' });
    expect(ada.getAttribute('aria-pressed')).toBe('false');
    expect(within(card).getByRole('button', { name: 'Follow CodeFuse AI' })).toBeTruthy();

    fireEvent.click(ada);
    await waitFor(() => expect(ada.getAttribute('aria-pressed')).toBe('true'));
    expect((await loadSettings()).followPeople).toEqual([{ name: 'Ada Lovelace', hub: 'ada' }]);

    // An author without a linked account is followed by name; the organization by its Hub name.
    fireEvent.click(within(card).getByRole('button', { name: 'Follow Alan Turing' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Follow CodeFuse AI' }));
    await waitFor(async () =>
      expect((await loadSettings()).followOrgs).toEqual([{ name: 'CodeFuse AI', hub: 'codefuse-ai' }]),
    );
    expect((await loadSettings()).followPeople).toContainEqual({ name: 'Alan Turing' });
  });

  it('pressed again, unfollows: also an old watch-list entry that stood for that author', async () => {
    await updateSettings({ watchAuthors: ['Lovelace'] });
    render(<Card />);
    const card = screen.getByRole('article', { name: TITLE });
    fireEvent.click(within(card).getByRole('button', { name: 'Follow…' }));
    const ada = await within(card).findByRole('button', { name: 'Follow Ada Lovelace' });
    await waitFor(() => expect(ada.getAttribute('aria-pressed')).toBe('true'));
    fireEvent.click(ada);
    await waitFor(() => expect(ada.getAttribute('aria-pressed')).toBe('false'));
    expect((await loadSettings()).followPeople).toEqual([]);
  });
});
