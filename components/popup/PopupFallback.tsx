import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { dayLabel } from '@/lib/core/format';
import { t } from '@/lib/core/i18n';
import { readFallback, type GlanceFallback } from '@/lib/views/glance-fallback';
import { send } from '@/lib/core/send';
import { SAVED_IDS_KEY } from '@/lib/core/saved-mirror';
import { DatabaseUnavailable } from '../shared/DatabaseUnavailable';
import { hfPaperUrl } from '@/lib/core/paper-links';
import { SaveButton } from '../shared/SaveButton';

/** The popup without IndexedDB: the day's top papers from extension storage; saves go through the background. */
export function PopupFallback() {
  const [data, setData] = useState<GlanceFallback>();
  const [saved, setSaved] = useState<Set<string>>(new Set());
  useEffect(() => {
    void readFallback().then(setData);
    const readSaved = () =>
      void browser.storage.local.get(SAVED_IDS_KEY).then((v) => {
        const ids = v[SAVED_IDS_KEY];
        setSaved(new Set(Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : []));
      });
    readSaved();
    browser.storage.onChanged.addListener(readSaved);
    return () => browser.storage.onChanged.removeListener(readSaved);
  }, []);
  return (
    <main class="popup">
      <header>
        <h1>
          {t('dailyPapers')}
          {data?.day && <span class="day-label"> · {dayLabel(data.day, Date.now())}</span>}
        </h1>
      </header>
      <DatabaseUnavailable />
      <ol class="popup-list" aria-label={t('topPapers')}>
        {data?.papers.map((p) => (
          <li key={p.id}>
            <article class="popup-paper" aria-labelledby={`p-${p.id}`}>
              <h2 id={`p-${p.id}`}>
                <a href={hfPaperUrl(p.id)} target="_blank" rel="noopener noreferrer">
                  {p.title}
                </a>
              </h2>
              <span class="upvotes">
                <span aria-hidden="true">▲ </span>
                {p.upvotes}
                <span class="sr-only"> {t('upvotesHidden')}</span>
              </span>
              <SaveButton
                saved={saved.has(p.id)}
                title={p.title}
                onToggle={() =>
                  void send(saved.has(p.id) ? { type: 'unsavePaper', id: p.id } : { type: 'savePaper', id: p.id })
                }
              />
            </article>
          </li>
        ))}
      </ol>
    </main>
  );
}
