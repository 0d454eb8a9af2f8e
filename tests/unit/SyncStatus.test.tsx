import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncStatus } from '@/components/options/SyncStatus';
import { syncNow } from '@/lib/sync/sync';
import { SYNC_STATUS_KEY } from '@/lib/sync/status';
import { createDb, db } from '@/lib/store/db';
import { savePaper } from '@/lib/reading-list/list';
import { makeSaved } from '../fixtures/saved';

afterEach(cleanup);

/** A sync area whose every write fails with the browser's message. */
const failingArea = (message: string) => ({
  get: () => Promise.resolve({}),
  set: () => Promise.reject(new Error(message)),
  remove: () => Promise.resolve(),
  getBytesInUse: () => Promise.resolve(0),
});

/** Waits until one of the lines the status shows (its paragraphs) reads `text`. */
const says = (text: RegExp | string) =>
  waitFor(() =>
    expect([...document.body.querySelectorAll('p')].map((p) => p.textContent)).toContainEqual(
      typeof text === 'string' ? text : expect.stringMatching(text),
    ),
  );

describe('the sync status on the options page', () => {
  it('says when sync is off', () => {
    const { container } = render(<SyncStatus enabled={false} />);
    // That sentence and nothing else: no "Sync now" while it is off.
    expect(container.textContent).toBe('Sync is off: the reading list and settings stay on this device.');
  });

  it('says which part of a list too large to sync is synced', async () => {
    await fakeBrowser.storage.local.set({
      [SYNC_STATUS_KEY]: { ok: true, enabled: true, syncedCount: 300, total: 420, complete: false, lastSyncAt: 1 },
    });
    render(<SyncStatus enabled />);
    await says(/the 300 most recently saved or edited of 420 papers are synced\. The rest stay on this device\./);
  });

  it('shows the note a sync left (a damaged synced copy was replaced), in words', async () => {
    const db = createDb(`sync-status-${Math.random()}`);
    await fakeBrowser.storage.sync.set({ 'rl:meta': { version: 1, chunks: 2, hash: 'x', enc: 'json' } });
    await syncNow(db, fakeBrowser.storage.sync, fakeBrowser.storage.local, Date.now());
    render(<SyncStatus enabled />);
    await says(/^The synced copy could not be read \(.+\) and was replaced with this device's list\.$/);
  });

  it('a failed write says why, in words', async () => {
    const db = createDb(`sync-status-${Math.random()}`);
    await db.saved.put(makeSaved('2404.12345'));
    await syncNow(
      db,
      failingArea('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'),
      fakeBrowser.storage.local,
      Date.now(),
    );
    render(<SyncStatus enabled />);
    expect(
      (
        await screen.findByText(
          'Sync failed: could not write the synced copy: too many changes in a short time; sync resumes within the hour.',
        )
      ).className,
    ).toBe('error');
  });

  it('says how many changes wait to sync until they are synced', async () => {
    await db().saved.clear();
    await syncNow(db(), fakeBrowser.storage.sync, fakeBrowser.storage.local, Date.now());
    render(<SyncStatus enabled />);
    await says(/^All 0 papers in the reading list are synced\./);

    await savePaper(db(), makeSaved('2404.12345').paper);
    await says(/^1 change waiting to sync\./);
    expect(screen.queryByText(/are synced/)).toBeNull();

    await savePaper(db(), makeSaved('2404.12346').paper);
    await says(/^2 changes waiting to sync\./);

    await syncNow(db(), fakeBrowser.storage.sync, fakeBrowser.storage.local, Date.now());
    await says(/^All 2 papers in the reading list are synced\./);
    expect(screen.queryByText(/waiting to sync/)).toBeNull();
  });
});
