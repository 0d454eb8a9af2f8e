import { fireEvent, waitFor, within } from '@testing-library/preact';

/** Opens a card's "More actions" menu (its code loads lazily) and returns queries within it. */
export async function openMenu(card: HTMLElement) {
  const button = within(card).getByRole('button', { name: /^More actions/ });
  if (button.getAttribute('aria-expanded') !== 'true') fireEvent.click(button);
  const menu = await waitFor(() => within(card).getByRole('menu'));
  return within(menu);
}
