import type { SaveSettings } from '@/lib/hooks/use-settings-form';
import { t } from '@/lib/core/i18n';
import type { Settings } from '@/lib/core/settings-schema';
import { WatchListEditor } from './WatchListEditor';

/** Settings, "Watch list": the keywords whose papers stand out (authors and organizations are followed: FollowingSection). */
export function WatchListSection({ settings, save }: { settings: Settings; save: SaveSettings }) {
  return (
    <section aria-labelledby="opt-watch">
      <h2 id="opt-watch">{t('optWatch')}</h2>
      <p class="hint">{t('optWatchHint')}</p>
      <WatchListEditor
        label={t('watchedKeywords')}
        value={settings.watchKeywords}
        onSave={(watchKeywords) => void save({ watchKeywords })}
      />
    </section>
  );
}
