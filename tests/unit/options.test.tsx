import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { clearPaperCache, formatBytes } from '@/lib/store/cache-admin';
import { createDb, db, type PapertabDB } from '@/lib/store/db';
import { storeDay } from '@/lib/store/papers';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { getMeta, setMeta } from '@/lib/store/meta-table';
import { savePaper } from '@/lib/reading-list/list';
import { loadSettings, updateSettings } from '@/lib/core/settings';
import { DEFAULTS, type Settings } from '@/lib/core/settings-schema';
import { makeDay } from '../fixtures/papers';

const DAY = '2026-11-24';
const NOW = Date.parse('2026-11-25T15:00:00Z');

/** fakeBrowser has no permissions API: each test says what the browser answers. */
function permissionAnswer(answer: boolean | Promise<boolean>) {
  const request = vi.fn(() => Promise.resolve(answer));
  fakeBrowser.permissions.request = request as unknown as typeof fakeBrowser.permissions.request;
  return request;
}

async function seedCache(target: PapertabDB) {
  const papers = parseDailyItems(makeDay(DAY, 4), DAY, NOW).items;
  await storeDay(target, DAY, papers, 0, NOW);
  await savePaper(target, papers[0]!, NOW);
  await setMeta(target, 'seenDay', DAY);
  await setMeta(target, 'range:week:2026-W48', NOW);
  return papers;
}

/** Waits until the stored settings have `expected`. */
const stored = (expected: Partial<Settings>) =>
  waitFor(async () => expect(await loadSettings()).toMatchObject(expected));

/** The page's status line (a live region) says `text`: what the user is told happened. */
const pageSays = (text: string | RegExp) =>
  waitFor(() => {
    const line = screen.getAllByRole('status')[0]!.textContent ?? '';
    if (typeof text === 'string') expect(line).toBe(text);
    else expect(line).toMatch(text);
  });

beforeEach(async () => {
  localStorage.clear();
  await Promise.all(db().tables.map((t) => t.clear()));
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the options page stores each setting as it changes', () => {
  it('the refresh interval', async () => {
    render(<OptionsApp />);
    fireEvent.change(screen.getByRole('combobox', { name: /Refresh interval/ }), { target: { value: '120' } });
    await stored({ refreshMinutes: 120 });
    await pageSays('Saved.');
  });

  it('the badge mode', async () => {
    render(<OptionsApp />);
    const badge = screen.getByRole('group', { name: 'Badge' });
    expect((within(badge).getByRole('radio', { name: 'Count of new papers' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(badge).getByRole('radio', { name: 'A dot' }));
    await stored({ badgeMode: 'dot' });
    fireEvent.click(within(badge).getByRole('radio', { name: 'Off' }));
    await stored({ badgeMode: 'off' });
  });

  it('the theme, applied to the page at once', async () => {
    render(<OptionsApp />);
    fireEvent.change(screen.getByRole('combobox', { name: /Theme/ }), { target: { value: 'dark' } });
    await stored({ theme: 'dark' });
    await waitFor(() => expect(document.documentElement.getAttribute('data-theme')).toBe('dark'));
  });

  it('the minimum upvotes, ignoring what is not a whole number in range', async () => {
    render(<OptionsApp />);
    const input = screen.getByRole('spinbutton', { name: /Minimum upvotes/ });
    fireEvent.input(input, { target: { value: '25' } });
    await stored({ minUpvotes: 25 });
    // A valid value is written at once (synchronously): nothing written here means nothing will be.
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    fireEvent.input(input, { target: { value: '2.5' } });
    fireEvent.input(input, { target: { value: '-4' } });
    fireEvent.input(input, { target: { value: '' } }); // emptied to type another number: waits
    expect(set).not.toHaveBeenCalled();
    expect((await loadSettings()).minUpvotes).toBe(25);
  });

  it('the watch lists are saved as you type, without leaving the box, and the typing is not disturbed', async () => {
    render(<OptionsApp />);
    const keywords = screen.getByRole('textbox', { name: 'Watched keywords' });
    keywords.focus();
    fireEvent.input(keywords, { target: { value: 'diffusion\n' } });
    await stored({ watchKeywords: ['diffusion'] });
    // Our own save coming back leaves the text as typed (the new line stays for the next entry).
    expect((keywords as HTMLTextAreaElement).value).toBe('diffusion\n');
    fireEvent.input(keywords, { target: { value: 'diffusion\nlora' } });
    await stored({ watchKeywords: ['diffusion', 'lora'] });
    expect(document.activeElement).toBe(keywords);
  });

  it('the watched keywords, one entry per line (or comma), saved when leaving the box', async () => {
    render(<OptionsApp />);
    const keywords = screen.getByRole('textbox', { name: 'Watched keywords' });
    fireEvent.input(keywords, { target: { value: 'diffusion model\n  sparse attention \n\nRLHF, LoRA' } });
    fireEvent.blur(keywords);
    await stored({ watchKeywords: ['diffusion model', 'sparse attention', 'RLHF', 'LoRA'] });
    // Authors and organizations are followed now (FollowingSection): no watch-list box for them.
    expect(screen.queryByRole('textbox', { name: 'Watched authors' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Watched organizations' })).toBeNull();
  });

  it('shows the stored settings when it opens', async () => {
    await updateSettings({ refreshMinutes: 360, badgeMode: 'off', watchAuthors: ['Wei Li'], quietNewTab: true });
    // The old watch list's author shows as followed (folded into the follows when read).
    render(<OptionsApp />);
    await waitFor(() =>
      expect((screen.getByRole('combobox', { name: /Refresh interval/ }) as HTMLSelectElement).value).toBe('360'),
    );
    expect((screen.getByRole('radio', { name: 'Off' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('button', { name: 'Unfollow Wei Li' })).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: /Quiet new tab/ }) as HTMLInputElement).checked).toBe(true);
  });
});

describe('the privacy policy', () => {
  it('is one link away, to the copy shipped in the extension', () => {
    render(<OptionsApp />);
    expect(screen.getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).toBe('/privacy.txt');
  });
});

describe('switches that need a permission', () => {
  const notifications = () => screen.getByRole('checkbox', { name: /Desktop notification/ }) as HTMLInputElement;

  it('notifications ask for the permission and turn on once it is granted', async () => {
    const request = permissionAnswer(true);
    render(<OptionsApp />);
    fireEvent.click(notifications());
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    await stored({ notifyNewDay: true });
    await waitFor(() => expect(notifications().checked).toBe(true));
  });

  it('notifications stay off, and say why, when the permission is denied', async () => {
    permissionAnswer(false);
    render(<OptionsApp />);
    fireEvent.click(notifications());
    await pageSays('Notifications need your permission: they stay off.');
    expect(notifications().checked).toBe(false);
    expect((await loadSettings()).notifyNewDay).toBe(false);
  });

  it('notifications stay off while the browser is still asking', async () => {
    permissionAnswer(new Promise(() => {}));
    render(<OptionsApp />);
    fireEvent.click(notifications());
    expect(notifications().checked).toBe(false);
    await pageSays(/Asking the browser for the “notifications” permission/);
  });

  it('turning notifications off needs no permission', async () => {
    await updateSettings({ notifyNewDay: true });
    const request = permissionAnswer(true);
    render(<OptionsApp />);
    await waitFor(() => expect(notifications().checked).toBe(true));
    fireEvent.click(notifications());
    await stored({ notifyNewDay: false });
    expect(request).not.toHaveBeenCalled();
  });

  it('quiet mode turns on at once, even before the browser answers for the search permission', async () => {
    const request = permissionAnswer(new Promise(() => {}));
    render(<OptionsApp />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Quiet new tab/ }));
    expect(request).toHaveBeenCalledWith({ permissions: ['search'] });
    await stored({ quietNewTab: true });
  });

  it('quiet mode without the search permission stays on and says what that means', async () => {
    permissionAnswer(false);
    render(<OptionsApp />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Quiet new tab/ }));
    await stored({ quietNewTab: true });
    await pageSays(/Without the “search” permission the quiet page searches papers/);
  });
});

describe('clearing the paper cache', () => {
  beforeEach(async () => {
    await seedCache(db());
    // The page asks the background to fetch again; there is no background here.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, message: 'Papers are up to date.' });
  });

  it('needs a confirmation, then empties the cache and keeps the reading list', async () => {
    render(<OptionsApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'Clear paper cache…' }));
    const confirm = screen.getByRole('alert');
    await waitFor(() => expect(confirm.textContent).toMatch(/Delete all 4 cached papers\? The reading list stays\./));
    // Nothing is deleted yet.
    expect(await db().papers.count()).toBe(4);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Clear cache' }));
    const data = screen.getByRole('region', { name: 'Data' });
    await waitFor(() =>
      expect(within(data).getByRole('status').textContent).toMatch(
        /The paper cache is cleared\. Your reading list is untouched/,
      ),
    );
    expect(await db().papers.count()).toBe(0);
    expect(await db().days.count()).toBe(0);
    expect(await db().saved.count()).toBe(1);
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'refresh' });
  });

  it('Cancel keeps everything', async () => {
    render(<OptionsApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'Clear paper cache…' }));
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Clear paper cache…' })).not.toBeNull();
    expect(await db().papers.count()).toBe(4);
  });
});

describe('cache administration', () => {
  let own: PapertabDB;
  let n = 0;
  beforeEach(() => {
    own = createDb(`cache-admin-${n++}`);
  });
  afterEach(() => own.close());

  it('clearing empties papers, days and range listings, and keeps the reading list and the seen day', async () => {
    await seedCache(own);
    await setMeta(own, 'refreshStatus', { failures: 0, lastSuccessAt: NOW });
    localStorage.setItem('papertab:newtab:snapshot', '{}');
    localStorage.setItem('papertab:settings', JSON.stringify({ ...DEFAULTS, theme: 'dark' }));
    await clearPaperCache(own);
    expect(await own.papers.count()).toBe(0);
    expect(await own.days.count()).toBe(0);
    expect(await getMeta(own, 'range:week:2026-W48')).toBeUndefined();
    expect(await own.saved.count()).toBe(1);
    expect(await getMeta(own, 'seenDay')).toBe(DAY);
    expect(await getMeta(own, 'refreshStatus')).toEqual({ failures: 0, lastSuccessAt: NOW });
    // First-paint snapshots of the feed go with it; settings stay.
    expect(localStorage.getItem('papertab:newtab:snapshot')).toBeNull();
    expect(localStorage.getItem('papertab:settings')).not.toBeNull();
  });

  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [1536, '2 KB'],
    [5 * 1024 ** 2, '5.0 MB'],
    [1.5 * 1024 ** 3, '1.5 GB'],
  ])('formats %d bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('the options page: keyboard shortcuts', () => {
  it('lists the shortcuts as the browser has them now, and a removed one as such', async () => {
    vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue([
      { name: '_execute_action', shortcut: 'Ctrl+Shift+Y', description: '' },
      { name: 'save-paper', shortcut: '', description: 'Save the paper in the current tab' },
    ]);
    render(<OptionsApp />);
    const section = await screen.findByRole('region', { name: 'Keyboard shortcuts' });
    await waitFor(() => expect(section.textContent).toContain('Ctrl+Shift+Y Open the Papertab popup'));
    expect(section.textContent).toContain('(no shortcut) Save the paper in the current tab');
    expect(within(section).queryByRole('button', { name: 'Change shortcuts' })).not.toBeNull();
  });

  it('describes the default keys where the browser cannot list them', async () => {
    const getAll = vi.spyOn(fakeBrowser.commands, 'getAll').mockRejectedValue(new Error('not implemented'));
    render(<OptionsApp />);
    // After the browser's refusal has been handled, not only before it.
    await waitFor(() => expect(getAll).toHaveBeenCalled());
    await Promise.resolve();
    const section = screen.getByRole('region', { name: 'Keyboard shortcuts' });
    expect(section.textContent).toContain('Alt+Shift+P opens the popup');
  });
});
