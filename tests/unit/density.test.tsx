import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  forgetKnownSettings,
  loadSettings,
  readSettingsMirror,
  SETTINGS_KEY,
  updateSettings,
} from '@/lib/core/settings';
import { parseStored } from '@/lib/core/settings-schema';
import { paintFirst } from '@/lib/views/first-paint';
import { NEWTAB_SNAPSHOT_KEY } from '@/lib/core/page-keys';
import { SETTINGS_MIRROR_KEY } from '@/lib/core/settings';
import { LayoutToggle } from '@/components/newtab/LayoutToggle';

beforeEach(() => {
  localStorage.clear();
  forgetKnownSettings();
  history.replaceState(null, '', '/newtab.html');
});

describe('the density setting', () => {
  it('is Comfortable on a fresh install (today’s cards)', async () => {
    expect((await loadSettings()).density).toBe('comfortable');
  });

  it('settings stored before it existed load with Comfortable and keep every other value', async () => {
    // A version-1 record as shipped before the density: no `density` key.
    const old = { version: 1, values: { theme: 'dark', sort: 'newest' }, edited: { theme: 5, sort: 6 } };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: old });
    const s = await loadSettings();
    expect(s).toMatchObject({ density: 'comfortable', theme: 'dark', sort: 'newest' });
    // Nothing is invented for it: it has no edit time, so it cannot overwrite another device's choice.
    expect(parseStored(old).stored.edited).toEqual({ theme: 5, sort: 6 });
  });

  it('a chosen Compact is stored with an edit time (so it syncs) and mirrored for the first paint', async () => {
    await updateSettings({ density: 'compact' }, 1_000);
    const stored = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as {
      values: { density?: string };
      edited: { density?: number };
    };
    expect(stored.values.density).toBe('compact');
    expect(stored.edited.density).toBeGreaterThan(0);
    expect(readSettingsMirror().density).toBe('compact');
  });

  it('refuses an unknown density', async () => {
    await expect(updateSettings({ density: 'tiny' as never })).rejects.toThrow(RangeError);
  });
});

function snapshot(n: number) {
  const papers = Array.from({ length: n }, (_, i) => ({
    id: `2511.${String(i).padStart(5, '0')}`,
    href: `https://huggingface.co/papers/2511.${String(i).padStart(5, '0')}`,
    title: `Paper ${i}`,
    upvotes: 100 - i,
    authors: ['Ada Lovelace'],
  }));
  localStorage.setItem(NEWTAB_SNAPSHOT_KEY, JSON.stringify({ papers, latest: { date: '2026-11-26' } }));
}

describe('the first paint and the density', () => {
  function paint() {
    const root = document.createElement('div');
    expect(paintFirst(root)).toBe(true);
    return root;
  }

  it('paints Comfortable cards (12) when nothing is chosen', () => {
    snapshot(30);
    const root = paint();
    expect(root.querySelector('main')!.className).toBe('glance');
    expect(root.querySelectorAll('article')).toHaveLength(12);
  });

  it('paints the Compact layout, and a screenful of it, when Compact is chosen', () => {
    snapshot(30);
    localStorage.setItem(SETTINGS_MIRROR_KEY, JSON.stringify({ density: 'compact' }));
    const root = paint();
    expect(root.querySelector('main')!.classList.contains('compact')).toBe(true);
    expect(root.querySelectorAll('article').length).toBeGreaterThanOrEqual(20);
  });

  it("paints the Grid layout, with the snapshot's checked thumbnails, when Grid is chosen", () => {
    snapshot(30);
    const snap = JSON.parse(localStorage.getItem(NEWTAB_SNAPSHOT_KEY)!) as { papers: { thumb?: string }[] };
    snap.papers[0]!.thumb = 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2511.00000.png';
    snap.papers[1]!.thumb = 'https://evil.example/x.png';
    localStorage.setItem(NEWTAB_SNAPSHOT_KEY, JSON.stringify(snap));
    localStorage.setItem(SETTINGS_MIRROR_KEY, JSON.stringify({ density: 'grid' }));
    const root = paint();
    expect(root.querySelector('main')!.className).toBe('glance grid');
    const imgs = [...root.querySelectorAll('img.thumb')] as HTMLImageElement[];
    expect(imgs.map((i) => i.src)).toEqual([snap.papers[0]!.thumb]);
  });

  it('a malformed density in the mirror paints Comfortable', () => {
    snapshot(30);
    localStorage.setItem(SETTINGS_MIRROR_KEY, JSON.stringify({ density: { compact: true } }));
    expect(paint().querySelector('main')!.classList.contains('compact')).toBe(false);
  });
});

describe('the layout switch', () => {
  it('is three buttons in a named group, the current one pressed, that report a choice', () => {
    const chosen: string[] = [];
    render(<LayoutToggle density="comfortable" onChange={(d) => chosen.push(d)} />);
    expect(screen.getByRole('button', { name: 'Grid' }).getAttribute('aria-pressed')).toBe('false');
    const group = screen.getByRole('group', { name: 'Layout' });
    expect(group).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Comfortable' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Compact' }).getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Compact' }));
    expect(chosen).toEqual(['compact']);
  });
});
