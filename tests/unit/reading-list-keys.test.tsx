/**
 * The reading list's own keys: j/k move through the saved papers, o/Enter open, n opens the note
 * with the caret in it, x selects, 1/2/3 set the status, Delete removes (Undo brings it back) and
 * the focus moves on, / searches, ? lists them; keys typed in a field stay text.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadingListApp } from '@/components/reading-list/ReadingListApp';
import { db } from '@/lib/store/db';
import { keyAction, SHORTCUTS } from '@/lib/views/keyboard';
import { READING_LIST_SHORTCUTS } from '@/lib/views/reading-list-keys';
import { makeSaved } from '../fixtures/saved';
import { pageTestSetup } from '../support/page-test';
import { renderSavedItem } from '../support/saved-item';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const TITLES = ['Alpha Paper', 'Beta Paper', 'Gamma Paper'];
const ID = ['2412.00001', '2412.00002', '2412.00003'];

// Saved newest first: Alpha last, so listed first.
pageTestSetup(NOW, async () => {
  await db().saved.bulkPut(TITLES.map((title, i) => makeSaved(ID[i]!, { title }, { savedAt: NOW - i * 1000 })));
});

// jsdom lays nothing out (no scrollIntoView) and has no modal dialogs: enough of both.
const scrollIntoView = Element.prototype.scrollIntoView;
const showModal = HTMLDialogElement.prototype.showModal;
beforeAll(() => {
  Element.prototype.scrollIntoView ??= () => {};
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
});
afterAll(() => {
  Element.prototype.scrollIntoView = scrollIntoView;
  HTMLDialogElement.prototype.showModal = showModal;
});

const key = (k: string) => fireEvent.keyDown(document.activeElement ?? document.body, { key: k });
const article = (title: string) => screen.getByRole('article', { name: title });
const focusedTitle = () =>
  (document.activeElement as HTMLElement | null)?.closest('article')?.getAttribute('aria-labelledby');
const titleOf = (title: string) => article(title).getAttribute('aria-labelledby');

async function open() {
  render(<ReadingListApp />);
  await screen.findByRole('article', { name: TITLES[2] });
}

describe('the reading list by keyboard', () => {
  it('j and k move through the saved papers, in the order shown', async () => {
    await open();
    key('j');
    expect(focusedTitle()).toBe(titleOf('Alpha Paper'));
    key('j');
    key('j');
    expect(focusedTitle()).toBe(titleOf('Gamma Paper'));
    key('j'); // stays on the last
    expect(focusedTitle()).toBe(titleOf('Gamma Paper'));
    key('k');
    expect(focusedTitle()).toBe(titleOf('Beta Paper'));
  });

  it('n opens the note with the caret in it; keys typed there are text', async () => {
    await open();
    key('j');
    key('j');
    key('n');
    const beta = article('Beta Paper');
    expect(within(beta).getByRole('button', { name: 'Add a note' }).getAttribute('aria-expanded')).toBe('true');
    const box = within(beta).getByRole('textbox', { name: /note/i });
    await waitFor(() => expect(document.activeElement).toBe(box));
    key('j');
    key('x');
    expect(document.activeElement).toBe(box);
    expect(screen.queryByRole('checkbox', { checked: true })).toBeNull();
  });

  it('x selects and unselects the focused paper; the bulk actions follow', async () => {
    await open();
    key('j');
    key('x');
    const box = within(article('Alpha Paper')).getByRole('checkbox');
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(true));
    expect(screen.getByRole('button', { name: 'Remove selected' })).toBeTruthy();
    key('x');
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(false));
    expect(screen.queryByRole('button', { name: 'Remove selected' })).toBeNull();
  });

  it.each([
    ['1', 'to-read'],
    ['2', 'reading'],
    ['3', 'read'],
  ] as const)('%s sets the focused paper’s status to %s, and only its', async (k, status) => {
    await db().saved.update(ID[1]!, { status: k === '1' ? 'read' : 'to-read' });
    await open();
    key('j');
    key('j');
    key(k);
    await waitFor(async () => expect((await db().saved.get(ID[1]!))?.status).toBe(status));
    expect((await db().saved.get(ID[0]!))?.status).toBe('to-read');
    expect((await db().saved.get(ID[2]!))?.status).toBe('to-read');
  });

  it('Delete removes the focused paper, the focus moves on, and Undo brings it back', async () => {
    await open();
    key('j');
    key('j');
    key('Delete');
    await waitFor(async () => expect(await db().saved.get(ID[1]!)).toBeUndefined());
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Beta Paper' })).toBeNull());
    expect(focusedTitle()).toBe(titleOf('Gamma Paper'));
    key('k');
    expect(focusedTitle()).toBe(titleOf('Alpha Paper'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByRole('article', { name: 'Beta Paper' });
    expect((await db().saved.get(ID[1]!))?.paper.title).toBe('Beta Paper');
  });

  it('Delete on the last paper moves the focus to the one before it', async () => {
    await open();
    for (let i = 0; i < 3; i++) key('j');
    key('Delete');
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Gamma Paper' })).toBeNull());
    expect(focusedTitle()).toBe(titleOf('Beta Paper'));
  });

  it('a paper that leaves the view (its status filtered out) leaves its place to the next for j', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: /^To read/ }));
    key('j');
    key('3'); // read: no longer shown under "To read"
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Alpha Paper' })).toBeNull());
    key('j');
    expect(focusedTitle()).toBe(titleOf('Beta Paper'));
  });

  it('when the whole list changed (searched away and back), j starts at the top again', async () => {
    await open();
    for (const k of ['j', 'j', 'j', 'k']) key(k);
    expect(focusedTitle()).toBe(titleOf('Beta Paper'));
    const search = screen.getByRole('searchbox', { name: 'Search the reading list' });
    fireEvent.input(search, { target: { value: 'no such paper' } });
    await waitFor(() => expect(screen.queryAllByRole('article')).toHaveLength(0));
    fireEvent.input(search, { target: { value: '' } });
    await screen.findByRole('article', { name: 'Gamma Paper' });
    search.blur();
    key('j');
    expect(focusedTitle()).toBe(titleOf('Alpha Paper'));
  });

  it('/ goes to the search box, ? lists the reading list’s keys, and modifiers keep theirs', async () => {
    await open();
    key('/');
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search the reading list' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: 'j', ctrlKey: true });
    expect(focusedTitle()).toBeUndefined();
    key('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const s of READING_LIST_SHORTCUTS) expect(dialog.textContent).toContain(s.label);
    expect(dialog.textContent).not.toContain('Save or unsave'); // the new tab's s: everything here is saved
    expect(screen.getByRole('button', { name: 'Keyboard shortcuts' }).getAttribute('aria-keyshortcuts')).toBe('?');
  });
});

describe('the reading list’s key table', () => {
  it('each key does one thing, and each action has words for the help', () => {
    const keys = READING_LIST_SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of READING_LIST_SHORTCUTS) {
      expect(s.label.trim()).not.toBe('');
      for (const k of s.keys) expect(keyAction(k, READING_LIST_SHORTCUTS)).toBe(s.action);
    }
    // The new tab's keys are its own: no Delete there, no save here.
    expect(keyAction('Delete')).toBeUndefined();
    expect(keyAction('s', READING_LIST_SHORTCUTS)).toBeUndefined();
    expect(keyAction('x')).toBe('card:not-interested');
    expect(SHORTCUTS).not.toBe(READING_LIST_SHORTCUTS);
  });

  it('the menu shows, beside each item, the key the table gives it', async () => {
    renderSavedItem(makeSaved(ID[0]!, { title: 'Alpha Paper' }, { status: 'reading' }));
    fireEvent.click(screen.getByRole('button', { name: /More actions/ }));
    const items = await screen.findAllByRole('menuitem');
    const keyed = items.filter((i) => i.getAttribute('aria-keyshortcuts'));
    expect(keyed.map((i) => i.dataset.action).sort()).toEqual([
      'copy-bibtex',
      'remove',
      'status-read',
      'status-to-read',
    ]);
    for (const item of keyed)
      expect(keyAction(item.getAttribute('aria-keyshortcuts')!, READING_LIST_SHORTCUTS)).toBe(
        `card:${item.dataset.action}`,
      );
  });
});
