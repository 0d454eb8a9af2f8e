import { db } from '@/lib/store/db';
import { t } from '@/lib/core/i18n';
import { setNote, setStatus, setTags } from '@/lib/reading-list/list';
import type { SavedPaper } from '@/lib/core/saved';
import { useSavedExtras } from '@/lib/hooks/use-saved-extras';
import { SavedItem } from './SavedItem';

/** The saved papers the filters show, each with its edits handed to the list's owner. */
export function SavedPapers({
  shown,
  selected,
  onSelect,
  onRemove,
  inZotero,
  onSendToZotero,
}: {
  shown: SavedPaper[];
  selected: ReadonlySet<string>;
  onSelect: (id: string, on: boolean) => void;
  onRemove: (ids: string[]) => void;
  inZotero: ReadonlySet<string>;
  onSendToZotero?: (ids: string[]) => void;
}) {
  const extras = useSavedExtras();
  return (
    <section class={selected.size > 0 ? 'papers selecting' : 'papers'} aria-label={t('savedPapers')}>
      {shown.map((item) => (
        <SavedItem
          key={item.id}
          item={item}
          selected={selected.has(item.id)}
          onSelect={onSelect}
          onStatus={(id, st) => void setStatus(db(), [id], st)}
          onTags={(id, tags) => void setTags(db(), id, tags)}
          onNote={(id, n) => void setNote(db(), id, n)}
          onRemove={(id) => onRemove([id])}
          release={extras.released[item.id]}
          artifacts={extras.artifacts.get(item.id)}
          inZotero={inZotero.has(item.id)}
          onSendToZotero={onSendToZotero && ((id) => onSendToZotero([id]))}
        />
      ))}
    </section>
  );
}
