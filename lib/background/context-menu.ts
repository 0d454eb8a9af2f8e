/** "Save paper to Papertab" on links to papers and on paper pages (PDFs included). */
import { browser, type Browser } from 'wxt/browser';
import { PAPER_LINK_PATTERNS, paperRefFromUrl } from '../core/arxiv-id';
import { t } from '../core/i18n';

export const MENU_SAVE_LINK = 'papertab-save-link';
export const MENU_SAVE_PAGE = 'papertab-save-page';

/** Menus persist across worker restarts; created at install and update (removeAll makes it idempotent). */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_SAVE_LINK,
    title: t('menuSaveLink'),
    contexts: ['link'],
    targetUrlPatterns: PAPER_LINK_PATTERNS,
  });
  browser.contextMenus.create({
    id: MENU_SAVE_PAGE,
    title: t('menuSavePage'),
    contexts: ['page'],
    documentUrlPatterns: PAPER_LINK_PATTERNS,
  });
}

/** The paper id a menu click names, if any. */
export function menuTarget(info: Browser.contextMenus.OnClickData): string | undefined {
  const url =
    info.menuItemId === MENU_SAVE_LINK ? info.linkUrl : info.menuItemId === MENU_SAVE_PAGE ? info.pageUrl : undefined;
  return url ? paperRefFromUrl(url)?.id : undefined;
}
