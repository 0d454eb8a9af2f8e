import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PaperCard } from '@/components/shared/PaperCard';
import { PaperList } from '@/components/shared/PaperList';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import type { Paper } from '@/lib/core/paper';
import { hostileItem, makeDailyItem, type DailyItemOverrides } from '../fixtures/papers';

const DAY = '2026-11-24';
const ID = '2611.04801';
const TITLE = 'Sparse Attention for Long Video Understanding';
const ABSTRACT = 'We show that sparse attention patterns learned per layer keep long videos tractable.';
const SUMMARY = 'Learned sparse attention makes hour-long video understanding cheap.';

afterEach(cleanup);

function author(name: string) {
  return { _id: '0123456789abcdef01234567', name, hidden: false };
}

/** A paper with every field the card can show, as the feed delivers it. */
function fullPaper(overrides: DailyItemOverrides = {}, id = ID): Paper {
  const item = makeDailyItem(id, DAY, {
    title: TITLE,
    summary: ABSTRACT,
    numComments: 7,
    ...overrides,
    paper: {
      authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov'].map(author),
      upvotes: 42,
      ai_summary: SUMMARY,
      ai_keywords: ['sparse attention', 'video understanding', 'efficiency'],
      githubRepo: 'https://github.com/example/sparse-video',
      githubStars: 1234,
      projectPage: 'https://sparse-video.github.io/',
      organization: {
        _id: 'abcdefabcdefabcdefabcdef',
        name: 'codefuse-ai',
        fullname: 'CodeFuse AI',
        avatar: 'https://cdn-thumbnails.huggingface.co/org.png',
      },
      ...overrides.paper,
    },
  });
  const { items } = parseDailyItems([item], DAY, 1);
  return items[0]!;
}

/** The card as a list shows it: it owns neither its expanded nor its saved state. */
function Card({ paper, onToggleSave = () => {} }: { paper: Paper; onToggleSave?: (p: Paper) => void }) {
  const [expanded, setExpanded] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <PaperCard
      paper={paper}
      saved={saved}
      onToggleSave={(p) => {
        onToggleSave(p);
        setSaved((s) => !s);
      }}
      expanded={expanded}
      onToggleAbstract={() => setExpanded((e) => !e)}
    />
  );
}

describe('PaperCard: one paper on the new tab', () => {
  it('is an article named by the title, which links to the paper on Hugging Face', () => {
    render(<Card paper={fullPaper()} />);
    const article = screen.getByRole('article', { name: TITLE });
    const link = within(article).getByRole('link', { name: TITLE });
    expect(link.getAttribute('href')).toBe(`https://huggingface.co/papers/${ID}`);
  });

  it('names the first three authors, then how many more, and the organization', () => {
    render(<Card paper={fullPaper()} />);
    expect(screen.queryByText('Ada Lovelace, Alan Turing, Grace Hopper')).not.toBeNull();
    // "+2" is for the eyes; a screen reader hears how many more authors there are in words.
    expect(screen.getByText('+2').getAttribute('aria-hidden')).toBe('true');
    expect(screen.queryByText(/Edsger Dijkstra/)).toBeNull();
    expect(screen.queryByText('CodeFuse AI')).not.toBeNull();
  });

  it('shows all authors without "+N" when there are three or fewer', () => {
    render(<Card paper={fullPaper({ paper: { authors: ['Ada Lovelace', 'Alan Turing'].map(author) } })} />);
    expect(screen.queryByText('Ada Lovelace, Alan Turing')).not.toBeNull();
    expect(screen.queryByText(/^\+\d/)).toBeNull();
  });

  it('shows upvotes and links to the comments', () => {
    render(<Card paper={fullPaper()} />);
    expect(screen.getByTitle('Upvotes').textContent).toBe('▲ 42 upvotes');
    const comments = screen.getByRole('link', { name: '7 comments' });
    expect(comments.getAttribute('href')).toBe(`https://huggingface.co/papers/${ID}#community`);
  });

  it('shows the AI summary and the keywords', () => {
    render(<Card paper={fullPaper()} />);
    expect(screen.queryByText(SUMMARY)).not.toBeNull();
    const keywords = within(screen.getByRole('list', { name: 'Keywords' })).getAllByRole('listitem');
    expect(keywords.map((k) => k.textContent)).toEqual(['sparse attention', 'video understanding', 'efficiency']);
  });

  it('"Show abstract" reveals the abstract and says so with aria-expanded', () => {
    render(<Card paper={fullPaper()} />);
    const button = screen.getByRole('button', { name: 'Show abstract' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText(ABSTRACT)).toBeNull();

    fireEvent.click(button);
    const hide = screen.getByRole('button', { name: 'Hide abstract' });
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    const abstract = screen.getByText(ABSTRACT);
    expect(abstract.closest('[hidden]')).toBeNull();
    expect(document.getElementById(hide.getAttribute('aria-controls')!)?.contains(abstract)).toBe(true);

    fireEvent.click(hide);
    expect(screen.queryByText(ABSTRACT)).toBeNull();
  });

  it('links to arXiv, the PDF, GitHub with its stars and the project page', () => {
    render(<Card paper={fullPaper()} />);
    const links = within(screen.getByRole('list', { name: 'Links' }));
    expect(links.getByRole('link', { name: 'arXiv' }).getAttribute('href')).toBe(`https://arxiv.org/abs/${ID}`);
    expect(links.getByRole('link', { name: 'PDF' }).getAttribute('href')).toBe(`https://arxiv.org/pdf/${ID}`);
    expect(links.getByRole('link', { name: 'GitHub ★ 1.2k' }).getAttribute('href')).toBe(
      'https://github.com/example/sparse-video',
    );
    expect(links.getByRole('link', { name: 'Project page' }).getAttribute('href')).toBe(
      'https://sparse-video.github.io/',
    );
  });

  it('leaves out links the paper does not have', () => {
    const paper = fullPaper();
    delete paper.githubRepo;
    delete paper.githubStars;
    delete paper.projectPage;
    render(<Card paper={paper} />);
    expect(screen.queryByRole('link', { name: /GitHub/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Project page' })).toBeNull();
    expect(screen.getByRole('link', { name: 'arXiv' }).getAttribute('href')).toBe(`https://arxiv.org/abs/${ID}`);
  });

  it('never links to a javascript: or data: address, even one that reached the cache', () => {
    render(
      <Card paper={{ ...fullPaper(), githubRepo: 'javascript:alert(1)', projectPage: 'data:text/html,<b>x</b>' }} />,
    );
    expect(screen.queryByRole('link', { name: /GitHub/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Project page' })).toBeNull();
    for (const a of screen.getAllByRole('link')) expect(a.getAttribute('href')).toMatch(/^https:\/\//);
  });

  it('has no arXiv or PDF link for a paper whose id is not an arXiv id', () => {
    render(<Card paper={fullPaper({}, 'my-lab-report')} />);
    expect(screen.queryByRole('link', { name: 'arXiv' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'PDF' })).toBeNull();
    expect(screen.getByRole('link', { name: TITLE }).getAttribute('href')).toBe(
      'https://huggingface.co/papers/my-lab-report',
    );
  });

  it('Save is a toggle named "Save" whose aria-pressed tells whether the paper is saved', () => {
    const onToggleSave = vi.fn();
    const paper = fullPaper();
    render(<Card paper={paper} onToggleSave={onToggleSave} />);
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save.getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(save);
    expect(onToggleSave).toHaveBeenCalledWith(paper);
    expect(screen.getByRole('button', { name: 'Save' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onToggleSave).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('button', { name: 'Save' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('shows markup in the title, abstract and authors as text, never as HTML', () => {
    const { items } = parseDailyItems([hostileItem(DAY)], DAY, 1);
    const paper = items[0]!;
    const { container } = render(<Card paper={paper} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(paper.title);
    expect(screen.getByRole('link', { name: paper.title }).textContent).toBe(
      '<img src=x onerror="window.__pwned=1">Hostile <b>title</b>',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show abstract' }));
    expect(screen.queryByText(paper.summary)).not.toBeNull();
    expect(container.querySelector('img[src="x"], b, script, i')).toBeNull();
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});

describe('PaperList keyed by position (search results)', () => {
  const a = fullPaper({ title: 'Alpha Paper', thumbnail: 'https://cdn-thumbnails.huggingface.co/a.png' }, '2611.00001');
  const b = fullPaper({ title: 'Beta Paper', thumbnail: 'https://cdn-thumbnails.huggingface.co/b.png' }, '2611.00002');
  const c = fullPaper({ title: 'Gamma Paper', thumbnail: 'https://cdn-thumbnails.huggingface.co/c.png' }, '2611.00003');
  const list = (papers: Paper[], saved: Set<string>) => (
    <PaperList
      papers={papers}
      label="Results"
      saved={saved}
      onToggleSave={() => {}}
      expanded={new Set()}
      onToggleAbstract={() => {}}
      keyByPosition
    />
  );

  it('shows each new result whole in a reused card: its title, its save state, its own thumbnail', () => {
    const { rerender, container } = render(list([a, b], new Set([a.id])));
    const firstImg = container.querySelector('article img');
    rerender(list([c, b], new Set([a.id])));
    const first = screen.getAllByRole('article')[0]!;
    expect(within(first).getByRole('heading', { level: 2 }).textContent).toBe('Gamma Paper');
    expect(within(first).getByRole('button', { name: /save/i }).getAttribute('aria-pressed')).toBe('false');
    const img = first.querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://cdn-thumbnails.huggingface.co/c.png');
    // A new image element: the old paper's picture (or its hidden error state) never shows for the new one.
    expect(img).not.toBe(firstImg);
    expect(first.getAttribute('data-paper-id')).toBe(c.id);
    expect(screen.getAllByRole('article').map((e) => e.getAttribute('data-paper-id'))).toEqual([c.id, b.id]);
  });
});
