import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDb } from '@/lib/store/db';
import { loadSettings, updateSettings } from '@/lib/core/settings';
import { runSync } from '@/lib/background/sync-runner';
import { readSyncStatus } from '@/lib/sync/status';

const fetchNothing = (() => Promise.reject(new Error('offline'))) as typeof fetch;

describe('a sync as the background runs it', () => {
  it('a watch list too large for the sync item stays on this device, and the options page is told which, by name', async () => {
    const db = createDb(`sync-runner-${Math.random()}`);
    const long = Array.from({ length: 200 }, (_, i) => `keyword number ${i} `.padEnd(90, 'x'));
    await updateSettings({ watchKeywords: long, theme: 'dark' });
    await runSync({ db, fetch: fetchNothing });
    const status = await readSyncStatus();
    expect(status?.warning).toBe('Too large to sync, kept on this device only: Watched keywords.');
    // What fits still travels; nothing is lost here.
    const synced = (await fakeBrowser.storage.sync.get('settings')).settings as { values: Record<string, unknown> };
    expect(synced.values).toMatchObject({ theme: 'dark' });
    expect(synced.values.watchKeywords).toBeUndefined();
    expect((await loadSettings()).watchKeywords).toHaveLength(200);
  });

  it('with nothing to report, the status carries no note', async () => {
    const db = createDb(`sync-runner-${Math.random()}`);
    await updateSettings({ theme: 'dark' });
    await runSync({ db, fetch: fetchNothing });
    expect((await readSyncStatus())?.warning).toBeUndefined();
  });
});
