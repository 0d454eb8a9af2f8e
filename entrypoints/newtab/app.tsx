import { render } from 'preact';
import { NewTabPage } from '@/components/newtab/NewTabApp';
import { localizePage } from '@/lib/core/i18n';

/** Replaces the first paint (if any) with the live app, in one task: no empty frame between them. */
export function mount(root: HTMLElement): void {
  // The title and lang here, not in main.tsx: the first paint must not wait for the i18n code.
  localizePage('pageTitleNewTab');
  root.textContent = '';
  render(<NewTabPage />, root);
}
