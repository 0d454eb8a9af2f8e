/** One saved paper drawn alone, as the reading list draws it; handlers not given do nothing. */
import { render } from '@testing-library/preact';
import { SavedItem, type SavedItemProps } from '@/components/reading-list/SavedItem';
import type { SavedPaper } from '@/lib/core/saved';

export function renderSavedItem(item: SavedPaper, props: Partial<Omit<SavedItemProps, 'item'>> = {}) {
  const noop = () => undefined;
  return render(
    <SavedItem
      item={item}
      selected={false}
      onSelect={noop}
      onStatus={noop}
      onTags={noop}
      onNote={noop}
      onRemove={noop}
      {...props}
    />,
  );
}
