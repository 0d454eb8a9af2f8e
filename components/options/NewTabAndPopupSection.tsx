import { browser } from 'wxt/browser';
import type { SectionProps } from '@/lib/hooks/use-settings-form';
import { t } from '@/lib/core/i18n';
import type { Settings } from '@/lib/core/settings-schema';

/** Settings, "New tab and popup": minimum upvotes, default view, sort, density, theme and the quiet new tab. */
export function NewTabAndPopupSection({ settings, save, setNote }: SectionProps) {
  /**
   * Quiet mode turns on at once; the optional `search` permission, asked for in the same user
   * gesture, only lets its box use the browser's search engine.
   */
  async function toggleQuiet(on: boolean) {
    const asked = on ? browser.permissions.request({ permissions: ['search'] }).catch(() => false) : undefined;
    await save({ quietNewTab: on });
    if (asked && !(await asked)) setNote(t('optSavedNoSearch'));
  }

  return (
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
            if (raw.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 10000) void save({ minUpvotes: n });
          }}
        />
      </label>
      <label class="field">
        <span>{t('optDefaultView')}</span>
        <select
          value={settings.defaultView}
          onChange={(e) => void save({ defaultView: (e.target as HTMLSelectElement).value as Settings['defaultView'] })}
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
          onChange={(e) => void save({ sort: (e.target as HTMLSelectElement).value as Settings['sort'] })}
        >
          <option value="upvotes">{t('sortUpvotes')}</option>
          <option value="newest">{t('sortNewest')}</option>
          <option value="trending">{t('sortTrending')}</option>
          <option value="foryou">{t('sortForYou')}</option>
        </select>
      </label>
      <label class="field">
        <span>{t('density')}</span>
        <select
          value={settings.density}
          onChange={(e) => void save({ density: (e.target as HTMLSelectElement).value as Settings['density'] })}
        >
          <option value="comfortable">{t('densityComfortable')}</option>
          <option value="compact">{t('densityCompact')}</option>
          <option value="grid">{t('layoutGrid')}</option>
        </select>
      </label>
      <label class="field">
        <span>{t('optTheme')}</span>
        <select
          value={settings.theme}
          onChange={(e) => void save({ theme: (e.target as HTMLSelectElement).value as Settings['theme'] })}
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
  );
}
