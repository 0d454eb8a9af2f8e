import type { ArchiveState } from '@/lib/core/archive';
import { intlLocale, t } from '@/lib/core/i18n';
import { getArchive } from '@/lib/store/archive-store';
import { db } from '@/lib/store/db';
import { useLiveQuery } from '@/lib/hooks/use-live-query';

/** "12 of 43 months, 5,200 papers". */
export function archiveProgressText(state: ArchiveState): string {
  return t(
    'archiveProgress',
    state.monthsDone.toLocaleString(intlLocale()),
    state.monthsTotal.toLocaleString(intlLocale()),
    state.papers.toLocaleString(intlLocale()),
  );
}

/** The new tab's one line while the archive is being fetched (nothing once it is done or off). */
export function ArchiveStatusLine() {
  const state = useLiveQuery(() => getArchive(db()), [], undefined);
  if (!state || state.status === 'done') return null;
  const progress = archiveProgressText(state);
  return (
    <p class="notice subtle" role="status">
      {state.status === 'paused' ? t('archivePausedLine', progress) : t('archiveStatusLine', progress)}
    </p>
  );
}
