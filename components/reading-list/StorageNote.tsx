import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/core/i18n';
import { requestPersistence } from '@/lib/store/persist';

/** Asks the browser to keep the list's storage, and says whether it will. */
export function StorageNote() {
  const [persisted, setPersisted] = useState<boolean>();
  useEffect(() => {
    void requestPersistence().then(setPersisted);
  }, []);
  return (
    <p class="storage-note">
      {persisted === undefined ? '' : persisted ? t('storagePersistent') : t('storageBestEffort')}
    </p>
  );
}
