import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { clearPaperCache, formatBytes, storageFigures, type StorageFigures } from '@/lib/store/cache-admin';
import { db } from '@/lib/store/db';
import { t, tn, type PlainKey } from '@/lib/core/i18n';
import { send } from '@/lib/core/messages';
import { updateSettings, type Settings } from '@/lib/core/settings';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import { useDbUnavailable } from '@/lib/hooks/use-db-status';
import { DatabaseUnavailable } from './DatabaseUnavailable';
import { useSettings } from '@/lib/hooks/use-settings';
import { ExportImport } from './ExportImport';
import { ShortcutsSection } from './ShortcutsSection';
import { SyncStatus } from './SyncStatus';
import { WatchListEditor } from './WatchListEditor';

const INTERVALS = [15, 30, 60, 120, 360, 720, 1440];
const BADGE_MODES = [
  ['count', 'badgeCount'],
  ['dot', 'badgeDot'],
  ['off', 'badgeOff'],
] as const satisfies readonly (readonly [Settings['badgeMode'], PlainKey])[];

/** "Every 30 minutes", "Every 1 hour", "Every 6 hours". */
function intervalLabel(min: number): string {
  return min < 60 ? tn(min, 'everyMinutesOne', 'everyMinutesOther') : tn(min / 60, 'everyHoursOne', 'everyHoursOther');
}

/** Every setting, saved as it changes. */
export function OptionsApp() {
  const dbUnavailable = useDbUnavailable();
  const settings = useSettings();
  const [note, setNote] = useState('');
  const set = async (patch: Partial<Settings>) => {
    await updateSettings(patch);
    setNote(t('optSaved'));
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
    setNote(t('optAskingNotifications'));
    const granted = await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false);
    if (!granted) return setNote(t('optNotificationsDenied'));
    await set({ notifyNewDay: true });
  }

  async function toggleQuiet(on: boolean) {
    const asked = on ? browser.permissions.request({ permissions: ['search'] }).catch(() => false) : undefined;
    await set({ quietNewTab: on });
    if (asked && !(await asked)) setNote(t('optSavedNoSearch'));
  }

  return (
    <>
      <header class="top">
        <div class="top-row">
          <h1>{t('settingsTitle')}</h1>
          <a href="/newtab.html">{t('dailyPapers')}</a>
        </div>
        <p class="status" role="status">
          {note}
        </p>
      </header>
      <main class="glance options">
        {dbUnavailable && <DatabaseUnavailable />}
        <section aria-labelledby="opt-feed">
          <h2 id="opt-feed">{t('optFeed')}</h2>
          <label class="field">
            <span>{t('optRefreshInterval')}</span>
            <select
              value={settings.refreshMinutes}
              onChange={(e) => void set({ refreshMinutes: Number((e.target as HTMLSelectElement).value) })}
            >
              {INTERVALS.map((m) => (
                <option key={m} value={m}>
                  {intervalLabel(m)}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t('optBadge')}</legend>
            {BADGE_MODES.map(([value, label]) => (
              <label key={value} class="choice">
                <input
                  type="radio"
                  name="badge"
                  value={value}
                  checked={settings.badgeMode === value}
                  onChange={() => void set({ badgeMode: value })}
                />
                {t(label)}
              </label>
            ))}
          </fieldset>
          <label class="choice">
            <input
              type="checkbox"
              checked={settings.notifyNewDay}
              onChange={(e) => void toggleNotifications(e.target as HTMLInputElement)}
            />
            {t('optNotify')}
          </label>
        </section>

        <section aria-labelledby="opt-watch">
          <h2 id="opt-watch">{t('optWatch')}</h2>
          <p class="hint">{t('optWatchHint')}</p>
          <WatchListEditor
            label={t('watchedKeywords')}
            value={settings.watchKeywords}
            onSave={(watchKeywords) => void set({ watchKeywords })}
          />
          <WatchListEditor
            label={t('watchedAuthors')}
            value={settings.watchAuthors}
            onSave={(watchAuthors) => void set({ watchAuthors })}
          />
          <WatchListEditor
            label={t('watchedOrgs')}
            value={settings.watchOrgs}
            onSave={(watchOrgs) => void set({ watchOrgs })}
          />
        </section>

        <section aria-labelledby="opt-views">
          <h2 id="opt-views">{t('optViews')}</h2>
          <label class="field">
            <span>{t('optMinUpvotes')}</span>
            <input
              type="number"
              min={0}
              max={10000}
              value={settings.minUpvotes}
              // Saved as you type (an emptied box waits for a number).
              onInput={(e) => {
                const raw = (e.target as HTMLInputElement).value;
                const n = Number(raw);
                if (raw.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 10000) void set({ minUpvotes: n });
              }}
            />
          </label>
          <label class="field">
            <span>{t('optDefaultView')}</span>
            <select
              value={settings.defaultView}
              onChange={(e) =>
                void set({ defaultView: (e.target as HTMLSelectElement).value as Settings['defaultView'] })
              }
            >
              <option value="day">{t('periodDay')}</option>
              <option value="week">{t('periodWeek')}</option>
              <option value="month">{t('periodMonth')}</option>
            </select>
          </label>
          <label class="field">
            <span>{t('sort')}</span>
            <select
              value={settings.sort}
              onChange={(e) => void set({ sort: (e.target as HTMLSelectElement).value as Settings['sort'] })}
            >
              <option value="upvotes">{t('sortUpvotes')}</option>
              <option value="newest">{t('sortNewest')}</option>
            </select>
          </label>
          <label class="field">
            <span>{t('optTheme')}</span>
            <select
              value={settings.theme}
              onChange={(e) => void set({ theme: (e.target as HTMLSelectElement).value as Settings['theme'] })}
            >
              <option value="system">{t('themeSystem')}</option>
              <option value="light">{t('themeLight')}</option>
              <option value="dark">{t('themeDark')}</option>
            </select>
          </label>
          <label class="choice">
            <input
              type="checkbox"
              checked={settings.quietNewTab}
              onChange={(e) => void toggleQuiet((e.target as HTMLInputElement).checked)}
            />
            {t('optQuiet')}
          </label>
          <p class="hint">{t('optQuietHint')}</p>
        </section>

        <section aria-labelledby="opt-sync">
          <h2 id="opt-sync">{t('optSync')}</h2>
          <label class="choice">
            <input
              type="checkbox"
              checked={settings.syncEnabled}
              onChange={(e) => void set({ syncEnabled: (e.target as HTMLInputElement).checked })}
            />
            {t('optSyncEnable')}
          </label>
          <SyncStatus enabled={settings.syncEnabled} />
        </section>

        <ShortcutsSection />

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
    setMessage(t('cacheCleared'));
    void send({ type: 'refresh' }).catch(() => undefined);
  }
  const counts = figures
    ? ([
        tn(figures.papers, 'cachedPapersOne', 'cachedPapersOther'),
        tn(figures.days, 'cachedDaysOne', 'cachedDaysOther'),
        tn(figures.saved, 'savedPapersOne', 'savedPapersOther'),
      ] as const)
    : (['', '', ''] as const);
  return (
    <section aria-labelledby="opt-data">
      <h2 id="opt-data">{t('optData')}</h2>
      {figures && (
        <p>
          {figures.usage === undefined
            ? t('storageFigures', ...counts)
            : t('storageFiguresUsage', ...counts, formatBytes(figures.usage))}
        </p>
      )}
      <ExportImport list={saved} />
      <div class="danger">
        {!confirming ? (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('clearCache')}
          </button>
        ) : (
          <p role="alert">
            {t('clearCacheConfirm', papers)}{' '}
            <button type="button" onClick={() => void clear()}>
              {t('clearCacheYes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </p>
        )}
        {message && <p role="status">{message}</p>}
      </div>
    </section>
  );
}
