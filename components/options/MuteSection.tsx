import type { SaveSettings } from '@/lib/hooks/use-settings-form';
import { t, tn } from '@/lib/core/i18n';
import type { Settings } from '@/lib/core/settings-schema';
import { WatchListEditor } from './WatchListEditor';

/** Settings, "Muted": keywords, authors and organizations whose papers are hidden, and the "Not interested" marks. */
export function MuteSection({ settings, save }: { settings: Settings; save: SaveSettings }) {
  const marked = settings.notInterested.length;
  return (
    <section aria-labelledby="opt-mute">
      <h2 id="opt-mute">{t('optMute')}</h2>
      <p class="hint">{t('optMuteHint')}</p>
      <WatchListEditor
        label={t('mutedKeywords')}
        value={settings.muteKeywords}
        onSave={(muteKeywords) => void save({ muteKeywords })}
      />
      <WatchListEditor
        label={t('mutedAuthors')}
        value={settings.muteAuthors}
        onSave={(muteAuthors) => void save({ muteAuthors })}
      />
      <WatchListEditor
        label={t('mutedOrgs')}
        value={settings.muteOrgs}
        onSave={(muteOrgs) => void save({ muteOrgs })}
      />
      {marked > 0 && (
        <p>
          {tn(marked, 'notInterestedCountOne', 'notInterestedCountOther')}{' '}
          <button type="button" onClick={() => void save({ notInterested: [] })}>
            {t('notInterestedClear')}
          </button>
        </p>
      )}
    </section>
  );
}
