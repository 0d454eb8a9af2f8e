/**
 * The one note cap in the editor (issue 18): a note over it is not saved (so nothing is cut), and
 * the editor says so until it is shortened; a long note under it is saved whole.
 */
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOTE_MAX_CHARS } from '@/lib/core/saved';
import { makeSaved } from '../fixtures/saved';
import { renderSavedItem } from '../support/saved-item';

afterEach(cleanup);

function setup() {
  const onNote = vi.fn();
  renderSavedItem(makeSaved('2404.00001', { title: 'Sparse Attention' }), { onNote });
  // The whole note opens in place, from the paper's note line.
  const toggle = screen.getByRole('button', { name: 'Add a note' });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  return { onNote, box: screen.getByRole('textbox', { name: /note/i }) };
}

describe('the note editor and the one cap', () => {
  it('saves a pasted 12,000-character note whole', () => {
    const { onNote, box } = setup();
    const text = 'n'.repeat(12_000);
    fireEvent.input(box, { target: { value: text } });
    fireEvent.blur(box);
    expect(onNote).toHaveBeenLastCalledWith('2404.00001', text);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('over the cap: says so, saves nothing (nothing is cut), and saves once shortened', () => {
    const { onNote, box } = setup();
    fireEvent.input(box, { target: { value: 'n'.repeat(NOTE_MAX_CHARS + 10) } });
    fireEvent.blur(box);
    expect(onNote).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/Notes hold at most .* characters/);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    const fits = 'n'.repeat(NOTE_MAX_CHARS);
    fireEvent.input(box, { target: { value: fits } });
    fireEvent.blur(box);
    expect(onNote).toHaveBeenLastCalledWith('2404.00001', fits);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
