import { t } from '@/lib/core/i18n';
import { useAutosavedText } from '@/lib/hooks/use-autosave';
import { STATUSES } from '@/lib/reading-list/list';
import { NOTE_MAX_CHARS, type ReadingStatus, type SavedPaper } from '@/lib/core/saved';
import type { PaperArtifacts } from '@/lib/core/extras';
import { TagEditor } from './TagEditor';
import { SavedPaperExtras } from './SavedPaperExtras';

export interface SavedDetailsProps {
  id: string;
  item: SavedPaper;
  /** Closed, it stays in the page (hidden): a draft over the note's cap, not saved, is still there when it opens again. */
  open: boolean;
  onStatus: (id: string, status: ReadingStatus) => void;
  onTags: (id: string, tags: string[]) => void;
  onNote: (id: string, note: string) => void;
  artifacts?: PaperArtifacts;
}

/** What opens in place under a saved paper: its whole note to edit, its status and tags, the Hub artifacts citing it. */
export function SavedDetails({ id, item, open, onStatus, onTags, onNote, artifacts }: SavedDetailsProps) {
  // Saved as you type; an edit from elsewhere (another tab, sync) replaces it.
  // Over the one cap, nothing is saved (so nothing is cut) until the note is shortened: it says so.
  const note = useAutosavedText(item.note, (text) => text.length <= NOTE_MAX_CHARS && onNote(item.id, text));
  const over = note.value.length > NOTE_MAX_CHARS;
  return (
    <section class="saved-details" id={id} aria-label={t('savedDetails')} hidden={!open}>
      <label class="note">
        <span>{t('note')}</span>
        <textarea rows={Math.min(8, Math.max(3, note.value.split('\n').length))} aria-invalid={over} {...note} />
      </label>
      {over && (
        <p class="note-too-long" role="alert">
          {t('noteTooLong', NOTE_MAX_CHARS.toLocaleString(), note.value.length.toLocaleString())}
        </p>
      )}
      <div class="saved-controls">
        <label>
          {t('status')}{' '}
          <select
            value={item.status}
            onChange={(e) => onStatus(item.id, (e.target as HTMLSelectElement).value as ReadingStatus)}
          >
            {STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <TagEditor
          tags={item.tags}
          label={t('addTagTo', item.paper.title)}
          onChange={(tags) => onTags(item.id, tags)}
        />
      </div>
      <SavedPaperExtras artifacts={artifacts} />
    </section>
  );
}
