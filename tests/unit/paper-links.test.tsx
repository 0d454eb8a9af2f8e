import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperCard } from '@/components/shared/PaperCard';
import { canonicalUrls } from '@/lib/core/arxiv-id';
import { toMarkdown } from '@/lib/reading-list/export/markdown';
import { makeDailyItem } from '../fixtures/papers';
import { makeSaved } from '../fixtures/saved';
import { parseDailyItems } from '@/lib/hf/hf-schema';

afterEach(cleanup);

describe('one link per paper, whichever view or export builds it', () => {
  it.each(['2404.12345', 'hep-th/9901001'])('%s: the card, the Markdown export and the save code agree', (id) => {
    const {
      items: [paper],
    } = parseDailyItems([makeDailyItem(id, '2026-11-24', { title: 'Linked paper' })], '2026-11-24', 1);
    render(<PaperCard paper={{ ...paper!, id }} saved={false} onToggleSave={() => {}} />);
    const card = screen.getByRole('link', { name: 'Linked paper' }).getAttribute('href');
    const hf = `https://huggingface.co/papers/${id}`;
    expect(card).toBe(hf);
    expect(canonicalUrls({ id, oldStyle: id.includes('/') }).hf).toBe(hf);
    expect(toMarkdown([makeSaved(id, { title: 'Linked paper' })])).toContain(`(${hf})`);
  });
});
