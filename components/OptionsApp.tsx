import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { clearPaperCache, formatBytes, storageFigures, type StorageFigures } from '@/lib/cache-admin';
import { db } from '@/lib/db';
import { send } from '@/lib/messages';
import { updateSettings, type Settings } from '@/lib/settings';
import { useLiveQuery } from '@/lib/use-live-query';
import { useDbUnavailable } from '@/lib/use-db-status';
import { DatabaseUnavailable } from './DatabaseUnavailable';
import { useSettings } from '@/lib/use-settings';
import { ExportImport } from './ExportImport';
import { SyncStatus } from './SyncStatus';
import { WatchListEditor } from './WatchListEditor';

const INTERVALS = [15, 30, 60, 120, 360, 720, 1440];

function intervalLabel(min: number): string {
  return min < 60 ? `${min} minutes` : min === 60 ? '1 hour' : `${min / 60} hours`;
}

/** Every setting, saved as it changes. */
export function OptionsApp() {
  const dbUnavailable = useDbUnavailable();
  const settings = useSettings();
  const [note, setNote] = useState('');
  const set = async (patch: Partial<Settings>) => {
    await updateSettings(patch);
    setNote('Saved.');
  };

  /**
   * Optional permissions are asked for by the switch that needs them, in its user gesture.
   * Notifications: the switch turns on only once the browser grants the permission. Quiet mode
   * turns on at once; the `search` permission only lets its box use the browser's search engine.
   */
  async function toggleNotifications(input: HTMLInputElement) {
    const on = input.checked;
    input.checked = settings.notifyNewDay;
    if (!on) return set({ notifyNewDay: false });
    setNote('Asking the browser for the “notifications” permission…');
    const granted = await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false);
    if (!granted) return setNote('Notifications need your permission: they stay off.');
    await set({ notifyNewDay: true });
  }

  async function toggleQuiet(on: boolean) {
    const asked = on ? browser.permissions.request({ permissions: ['search'] }).catch(() => false) : undefined;
    await set({ quietNewTab: on });
    if (asked && !(await asked))
      setNote('Saved. Without the “search” permission the quiet page searches papers, not the web.');
  }

  return (
    <>
      <header class="top">
        <div class="top-row">
          <h1>Papertab settings</h1>
          <a href="/newtab.html">Daily Papers</a>
        </div>
        <p class="status" role="status">
          {note}
        </p>
      </header>
      <main class="glance options">
        {dbUnavailable && <DatabaseUnavailable />}
        <section aria-labelledby="opt-feed">
          <h2 id="opt-feed">Feed and badge</h2>
          <label class="field">
            <span>Refresh interval</span>
            <select
              value={settings.refreshMinutes}
              onChange={(e) => void set({ refreshMinutes: Number((e.target as HTMLSelectElement).value) })}
            >
              {INTERVALS.map((m) => (
                <option key={m} value={m}>
                  Every {intervalLabel(m)}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>Badge</legend>
            {(
              [
                ['count', 'Number of new papers'],
                ['dot', 'A dot'],
                ['off', 'Off'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} class="choice">
                <input
                  type="radio"
                  name="badge"
                  value={value}
                  checked={settings.badgeMode === value}
                  onChange={() => void set({ badgeMode: value })}
                />
                {label}
              </label>
            ))}
          </fieldset>
          <label class="choice">
            <input
              type="checkbox"
              checked={settings.notifyNewDay}
              onChange={(e) => void toggleNotifications(e.target as HTMLInputElement)}
            />
            Desktop notification when a new day of papers lands
          </label>
        </section>

        <section aria-labelledby="opt-watch">
          <h2 id="opt-watch">Watch list</h2>
          <p class="hint">
            Papers matching these are highlighted in the new tab and popup, colour the badge, and are named in the
            notification. Matching ignores case and accents and matches whole words. One entry per line.
          </p>
          <WatchListEditor
            label="Watched keywords"
            value={settings.watchKeywords}
            onSave={(watchKeywords) => void set({ watchKeywords })}
          />
          <WatchListEditor
            label="Watched authors"
            value={settings.watchAuthors}
            onSave={(watchAuthors) => void set({ watchAuthors })}
          />
          <WatchListEditor
            label="Watched organizations"
            value={settings.watchOrgs}
            onSave={(watchOrgs) => void set({ watchOrgs })}
          />
        </section>

        <section aria-labelledby="opt-views">
          <h2 id="opt-views">New tab and popup</h2>
          <label class="field">
            <span>Minimum upvotes</span>
            <input
              type="number"
              min={0}
              max={10000}
              value={settings.minUpvotes}
              onChange={(e) => {
                const n = Number((e.target as HTMLInputElement).value);
                if (Number.isInteger(n) && n >= 0 && n <= 10000) void set({ minUpvotes: n });
              }}
            />
          </label>
          <label class="field">
            <span>Default view</span>
            <select
              value={settings.defaultView}
              onChange={(e) =>
                void set({ defaultView: (e.target as HTMLSelectElement).value as Settings['defaultView'] })
              }
            >
              <option value="day">Day</option>
              <option value="week">Week</option>
              <option value="month">Month</option>
            </select>
          </label>
          <label class="field">
            <span>Sort</span>
            <select
              value={settings.sort}
              onChange={(e) => void set({ sort: (e.target as HTMLSelectElement).value as Settings['sort'] })}
            >
              <option value="upvotes">Most upvoted</option>
              <option value="newest">Newest</option>
            </select>
          </label>
          <label class="field">
            <span>Theme</span>
            <select
              value={settings.theme}
              onChange={(e) => void set({ theme: (e.target as HTMLSelectElement).value as Settings['theme'] })}
            >
              <option value="system">System</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <label class="choice">
            <input
              type="checkbox"
              checked={settings.quietNewTab}
              onChange={(e) => void toggleQuiet((e.target as HTMLInputElement).checked)}
            />
            Quiet new tab: a plain page with a search box and a link to the papers
          </label>
          <p class="hint">
            Browsers let an extension replace the new tab only in its manifest, so the replacement itself cannot be
            switched off while Papertab is installed; quiet mode is the closest thing. The popup keeps working either
            way.
          </p>
        </section>

        <section aria-labelledby="opt-sync">
          <h2 id="opt-sync">Sync</h2>
          <label class="choice">
            <input
              type="checkbox"
              checked={settings.syncEnabled}
              onChange={(e) => void set({ syncEnabled: (e.target as HTMLInputElement).checked })}
            />
            Sync the reading list and settings through your browser account
          </label>
          <SyncStatus enabled={settings.syncEnabled} />
        </section>

        <section aria-labelledby="opt-keys">
          <h2 id="opt-keys">Keyboard shortcuts</h2>
          <p>
            Alt+Shift+P opens the popup; Alt+Shift+S saves the paper in the current tab.{' '}
            <button
              type="button"
              class="link-button"
              onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}
            >
              Change shortcuts
            </button>
          </p>
        </section>

        <DataSection />
      </main>
    </>
  );
}

function DataSection() {
  const [figures, setFigures] = useState<StorageFigures>();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const saved = useLiveQuery(() => db().saved.toArray(), [], []);
  const papers = useLiveQuery(() => db().papers.count(), [], 0);
  useEffect(() => {
    void storageFigures(db()).then(setFigures);
  }, [papers, saved.length]);
  async function clear() {
    await clearPaperCache(db());
    setConfirming(false);
    setMessage('The paper cache is cleared. Your reading list is untouched; recent days are being fetched again.');
    void send({ type: 'refresh' }).catch(() => undefined);
  }
  return (
    <section aria-labelledby="opt-data">
      <h2 id="opt-data">Data</h2>
      {figures && (
        <p>
          {figures.papers} cached papers over {figures.days} days; {figures.saved} papers in the reading list
          {figures.usage !== undefined && `; ${formatBytes(figures.usage)} used`}.
        </p>
      )}
      <ExportImport list={saved} />
      <div class="danger">
        {!confirming ? (
          <button type="button" onClick={() => setConfirming(true)}>
            Clear paper cache…
          </button>
        ) : (
          <p role="alert">
            Delete all {papers} cached papers? The reading list stays.{' '}
            <button type="button" onClick={() => void clear()}>
              Clear cache
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </p>
        )}
        {message && <p role="status">{message}</p>}
      </div>
    </section>
  );
}
