import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { ArchiveState } from '@/lib/core/archive';
import { loadSettings, updateSettings } from '@/lib/core/settings';
import { db } from '@/lib/store/db';
import { setMeta } from '@/lib/store/meta-table';

const RUNNING: ArchiveState = {
  status: 'running',
  cursor: { month: '2025-02', page: 0 },
  stopAt: '2023-05',
  monthsTotal: 43,
  monthsDone: 21,
  papers: 9_876,
  pages: 100,
  dropped: 0,
  startedAt: Date.now() - 120_000,
  lastPageAt: Date.now(),
  failures: 0,
};

/** The background's answers to the archive's messages, recorded. */
function background() {
  const sent: unknown[] = [];
  fakeBrowser.runtime.sendMessage = vi.fn(async (m: unknown) => {
    sent.push(m);
    return { ok: true, message: 'Archive off; the papers it fetched stay.' };
  }) as unknown as typeof fakeBrowser.runtime.sendMessage;
  return sent;
}

beforeEach(async () => {
  localStorage.clear();
  await Promise.all(db().tables.map((t) => t.clear()));
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('options: the offline archive', () => {
  it('is off by default and says how big the archive is before it starts', async () => {
    render(<OptionsApp />);
    const box = await screen.findByRole('checkbox', { name: 'Keep the whole Daily Papers archive offline' });
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/The whole archive: about [\d,]+ papers, about [\d.]+ MB on this device/)).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    fireEvent.click(box);
    await waitFor(async () => expect((await loadSettings()).archiveEnabled).toBe(true));
  });

  it('shows progress (bar, months, papers, time left) with Pause and Cancel while it runs', async () => {
    const sent = background();
    await updateSettings({ archiveEnabled: true });
    await setMeta(db(), 'archive', RUNNING);
    render(<OptionsApp />);
    const bar = await screen.findByRole('progressbar', { name: 'Archive progress' });
    expect(bar.getAttribute('value')).toBe('21');
    expect(bar.getAttribute('max')).toBe('43');
    expect(screen.getByText(/21 of 43 months, 9,876 papers · about \d+ min left/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(sent).toEqual([{ type: 'archive', action: 'pause' }]));
  });

  it('turning it off asks whether to keep or drop what it fetched, and tells the background', async () => {
    const sent = background();
    await updateSettings({ archiveEnabled: true });
    await setMeta(db(), 'archive', RUNNING);
    render(<OptionsApp />);
    await screen.findByRole('progressbar', { name: 'Archive progress' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(async () => expect((await loadSettings()).archiveEnabled).toBe(false));
    expect((await screen.findByRole('alert')).textContent).toMatch(/keep the papers it fetched, or drop them/);
    fireEvent.click(screen.getByRole('button', { name: 'Drop them' }));
    await waitFor(() => expect(sent).toEqual([{ type: 'archive', action: 'stop', drop: true }]));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
