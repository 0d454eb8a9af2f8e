import { useEffect, useState } from 'preact/hooks';
import { clearPaperCache, formatBytes, storageFigures, type StorageFigures } from '@/lib/store/cache-admin';
import { db } from '@/lib/store/db';
import { t, tn } from '@/lib/core/i18n';
import { send } from '@/lib/core/send';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import { ExportImport } from '../shared/ExportImport';

/** Settings, "Data": what is stored, export and import, and clearing the paper cache (after a confirmation). */
export function DataSection() {
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
