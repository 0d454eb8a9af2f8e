import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/core/i18n';

/**
 * Quiet mode: a plain, fast new tab for people who want their old one back. The search box uses
 * the browser's own search engine when the optional `search` permission was granted, and
 * otherwise searches Papertab's cached papers. `fullUrl` comes from the full page: importing
 * lib/core/page-keys.ts here would make that module a chunk of its own on the new tab.
 */
export function QuietNewTab({ fullUrl }: { fullUrl: (query?: string) => string }) {
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
    else location.href = fullUrl(text);
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
      <a href={fullUrl()}>{t('dailyPapers')}</a>
    </main>
  );
}
