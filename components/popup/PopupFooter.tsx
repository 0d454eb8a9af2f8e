import { browser } from 'wxt/browser';
import { t } from '@/lib/core/i18n';

/** The popup's ways out: each opens its page in a new tab and closes the popup. */
export function PopupFooter() {
  const open = (path: string) => async (e: Event) => {
    e.preventDefault();
    await browser.tabs.create({ url: browser.runtime.getURL(path as '/newtab.html') });
    window.close();
  };
  return (
    <footer>
      <a href="/newtab.html" onClick={open('/newtab.html')}>
        {t('openPapertab')}
      </a>
      <a href="/reading-list.html" onClick={open('/reading-list.html')}>
        {t('readingList')}
      </a>
      <a href="/options.html" onClick={open('/options.html')}>
        {t('settings')}
      </a>
    </footer>
  );
}
