import type { SaveSettings } from '@/lib/hooks/use-settings-form';
import { t } from '@/lib/core/i18n';
import type { Settings } from '@/lib/core/settings-schema';
import { SyncStatus } from './SyncStatus';

/** Settings, "Sync": the switch (per device) and what sync last did. */
export function SyncSection({ settings, save }: { settings: Settings; save: SaveSettings }) {
  return (
    <section aria-labelledby="opt-sync">
      <h2 id="opt-sync">{t('optSync')}</h2>
      <label class="choice">
        <input
          type="checkbox"
          checked={settings.syncEnabled}
          onChange={(e) => void save({ syncEnabled: (e.target as HTMLInputElement).checked })}
        />
        {t('optSyncEnable')}
      </label>
      <SyncStatus enabled={settings.syncEnabled} />
    </section>
  );
}
