import { t } from '@/lib/core/i18n';

/** Said instead of a broken page when IndexedDB is unavailable (Firefox private windows, history off). */
export function DatabaseUnavailable() {
  return (
    <p class="notice error" role="alert">
      {t('dbUnavailable')}
    </p>
  );
}
