import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MoreActions } from '@/components/shared/MoreActions';
import { citationText } from '@/lib/reading-list/copy-citation';
import { pageBibtex } from '@/lib/paper-page/copy-bibtex';
import { db } from '@/lib/store/db';
import { markdownLink, plainReference } from '@/lib/core/citation';
import { makeSaved } from '../fixtures/saved';

const writes: string[] = [];
beforeEach(async () => {
  writes.length = 0;
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: vi.fn(async (text: string) => void writes.push(text)) },
  });
  await db().saved.clear();
});
afterEach(cleanup);

const paper = makeSaved('2404.12345', { title: 'Sparse [Attention] *Now*', summary: 'Abstract.' }).paper;

/** A card's (or a saved paper's) "More actions" menu, opened; its code loads on first use. */
async function openMenu() {
  const more = screen.getByRole('button', { name: /^More actions for/ });
  fireEvent.click(more);
  await screen.findAllByRole('menuitem');
  return more;
}

describe('Copy citation, from the "More actions" menu', () => {
  it('copies the BibTeX entry of a paper not saved, with its DOI and no abstract', async () => {
    render(<MoreActions paper={paper} idPrefix="p" />);
    await openMenu();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Copy BibTeX' }));
    await screen.findByRole('status');
    expect(screen.getByRole('status').textContent).toBe('Copied');
    expect(writes).toEqual([
      [
        '@misc{lovelace2024sparse,',
        '  title = {{Sparse [Attention] *Now*}},',
        '  author = {Ada Lovelace and Alan Turing},',
        '  year = {2024},',
        '  date = {2024-04-18},',
        '  eprint = {2404.12345},',
        '  archivePrefix = {arXiv},',
        '  doi = {10.48550/arXiv.2404.12345},',
        '  url = {https://arxiv.org/abs/2404.12345}',
        '}',
        '',
      ].join('\n'),
    ]);
  });

  it('offers BibTeX, plain text and a Markdown link in a menu', async () => {
    render(<MoreActions paper={paper} idPrefix="p" />);
    const more = screen.getByRole('button', { name: /^More actions for/ });
    expect(more.getAttribute('aria-haspopup')).toBe('menu');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    // The menu's code loads when it first opens.
    const items = (await screen.findAllByRole('menuitem')).map((i) => i.textContent);
    expect(items.slice(0, 3)).toEqual(['Copy BibTeX', 'Copy reference (plain text)', 'Copy Markdown link']);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Copy BibTeX'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('Copy reference (plain text)');
    fireEvent.click(document.activeElement!);
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toBe(
      'Ada Lovelace, Alan Turing (2024). Sparse [Attention] *Now*. arXiv:2404.12345. https://doi.org/10.48550/arXiv.2404.12345',
    );
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.click(more);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Copy Markdown link' }));
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]).toBe('[Sparse \\[Attention\\] \\*Now\\*](https://arxiv.org/abs/2404.12345)');
  });

  it('Escape closes the menu and gives focus back to its button', async () => {
    render(<MoreActions paper={paper} idPrefix="p" />);
    const more = screen.getByRole('button', { name: /^More actions for/ });
    fireEvent.click(more);
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('menuitem'));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(more);
  });

  it('says so when the clipboard refuses', async () => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));
    render(<MoreActions paper={paper} idPrefix="p" />);
    await openMenu();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Copy BibTeX' }));
    expect((await screen.findByRole('status')).textContent).toBe('Could not copy to the clipboard.');
  });
});

describe('the copied key is the one the exports give', () => {
  it('a paper not yet saved whose key an earlier-saved paper holds gets the key it will have once saved', async () => {
    await db().saved.put(makeSaved('2404.00001', { title: 'Sparse Models' }));
    expect(await citationText('bibtex', paper)).toMatch(/^@misc\{lovelace2024sparse240412345,/);
    expect(await citationText('bibtex', makeSaved('2404.00001', { title: 'Sparse Models' }).paper)).toMatch(
      /^@misc\{lovelace2024sparse,/,
    );
  });

  it('plain text cuts long author lists and Markdown links stay literal', () => {
    const many = { ...paper, authors: Array.from({ length: 12 }, (_, i) => `A${i} B`) };
    expect(plainReference({ id: paper.id, paper: many })).toMatch(/^A0 B, .*A9 B et al\. \(2024\)\./);
    expect(markdownLink({ id: 'x', paper: { ...paper, title: '](javascript:alert(1))' } })).toBe(
      '[\\](javascript:alert(1))](https://huggingface.co/papers/x)',
    );
  });
});

describe('Copy BibTeX beside Save on paper pages', () => {
  it('builds the entry from what an arXiv page says', () => {
    const bib = pageBibtex('hep-th/9901001', {
      title: 'Strings  &\nBranes',
      authors: ['Edward Witten'],
      publishedAt: '1999/01/04',
      primaryClass: 'hep-th',
    });
    expect(bib).toBe(
      [
        '@misc{witten1999strings,',
        '  title = {{Strings \\& Branes}},',
        '  author = {Edward Witten},',
        '  year = {1999},',
        '  date = {1999-01-04},',
        '  eprint = {hep-th/9901001},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {hep-th},',
        '  doi = {10.48550/arXiv.hep-th/9901001},',
        '  url = {https://arxiv.org/abs/hep-th/9901001}',
        '}',
        '',
      ].join('\n'),
    );
  });
});
