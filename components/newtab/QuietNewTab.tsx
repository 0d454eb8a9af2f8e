import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/core/i18n';
import { FULL_PARAM, QUERY_PARAM } from '@/lib/core/page-keys';

/**
 * Quiet mode: a plain, fast new tab for people who want their old one back. The search box uses
 * the browser's own search engine when the optional `search` permission was granted, and
 * otherwise searches Papertab's cached papers.
 */
export function QuietNewTab() {
  const [canWebSearch, setCanWebSearch] = useState(false);
  const [q, setQ] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    void browser.permissions
      .contains({ permissions: ['search'] })
      .then(setCanWebSearch)
      .catch(() => setCanWebSearch(false));
  }, []);
  async function submit(e: Event) {
    e.preventDefault();
    const text = q.trim();
    if (!text) return;
    if (canWebSearch && browser.search?.query) await browser.search.query({ text, disposition: 'CURRENT_TAB' });
    else location.href = `?${FULL_PARAM}&${QUERY_PARAM}=${encodeURIComponent(text)}`;
  }
  return (
    <main class="quiet">
      <h1 class="sr-only">{t('newTab')}</h1>
      <form role="search" onSubmit={submit}>
        <input
          ref={input}
          type="search"
          aria-label={canWebSearch ? t('searchWeb') : t('searchPapers')}
          placeholder={canWebSearch ? t('searchWeb') : t('searchPapers')}
          value={q}
          onInput={(e) => setQ((e.target as HTMLInputElement).value)}
        />
      </form>
      <a href={`?${FULL_PARAM}`}>{t('dailyPapers')}</a>
    </main>
  );
}
