import { browser } from 'wxt/browser';
import type { SectionProps } from '@/lib/hooks/use-settings-form';
import { t, tn, type PlainKey } from '@/lib/core/i18n';
import type { Settings } from '@/lib/core/settings-schema';

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

/** Settings, "Feed and badge": how often the feed is refreshed, what the badge shows, a notification per new day. */
export function FeedSection({ settings, save, setNote }: SectionProps) {
  /**
   * Optional permissions are asked for by the switch that needs them, in its user gesture: the
   * notifications switch turns on only once the browser grants the permission.
   */
  async function toggleNotifications(input: HTMLInputElement) {
    const on = input.checked;
    input.checked = settings.notifyNewDay;
    if (!on) return save({ notifyNewDay: false });
    setNote(t('optAskingNotifications'));
    const granted = await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false);
    if (!granted) return setNote(t('optNotificationsDenied'));
    await save({ notifyNewDay: true });
  }

  return (
    <section aria-labelledby="opt-feed">
      <h2 id="opt-feed">{t('optFeed')}</h2>
      <label class="field">
        <span>{t('optRefreshInterval')}</span>
        <select
          value={settings.refreshMinutes}
          onChange={(e) => void save({ refreshMinutes: Number((e.target as HTMLSelectElement).value) })}
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
              onChange={() => void save({ badgeMode: value })}
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
  );
}
