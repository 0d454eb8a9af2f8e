import { shortDate } from '@/lib/core/format';
import { t } from '@/lib/core/i18n';
import { useAutosavedText } from '@/lib/hooks/use-autosave';
import { STATUSES } from '@/lib/reading-list/list';
import { NOTE_MAX_CHARS, type ReadingStatus, type SavedPaper } from '@/lib/core/saved';
import { PaperByline } from '../shared/PaperByline';
import { PaperLinks } from '../shared/PaperLinks';
import { hfPaperUrl } from '@/lib/core/paper-links';
import { articleId } from '../shared/PaperCard';
import { TagEditor } from './TagEditor';
import { SavedPaperExtras } from './SavedPaperExtras';
import type { CodeRelease, PaperArtifacts } from '@/lib/core/extras';
import { CopyCitation } from '../shared/CopyCitation';
import { InZoteroMark } from '../shared/InZoteroMark';
import { SendToZoteroButton } from '../shared/SendToZoteroButton';

export interface SavedItemProps {
  item: SavedPaper;
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
  onStatus: (id: string, status: ReadingStatus) => void;
  onTags: (id: string, tags: string[]) => void;
  onNote: (id: string, note: string) => void;
  onRemove: (id: string) => void;
  /** Code released since it was saved, and the Hub artifacts citing it (lib/hooks/use-saved-extras.ts). */
  release?: CodeRelease;
  artifacts?: PaperArtifacts;
  inZotero?: boolean;
  /** "Send to Zotero", once Zotero is turned on. */
  onSendToZotero?: (id: string) => void;
}

/** One saved paper: select, status, tags, note, remove. */
export function SavedItem({
  item,
  selected,
  onSelect,
  onStatus,
  onTags,
  onNote,
  onRemove,
  release,
  artifacts,
  inZotero = false,
  onSendToZotero,
}: SavedItemProps) {
  const p = item.paper;
  const id = articleId(item.id);
  // Saved as you type; an edit from elsewhere (another tab, sync) replaces it.
  // Over the one cap, nothing is saved (so nothing is cut) until the note is shortened: it says so.
  const note = useAutosavedText(item.note, (text) => text.length <= NOTE_MAX_CHARS && onNote(item.id, text));
  const over = note.value.length > NOTE_MAX_CHARS;
  return (
    <article class="paper saved-item" id={id} aria-labelledby={`${id}-title`} data-paper-id={item.id}>
      <input
        type="checkbox"
        class="select"
        checked={selected}
        aria-label={t('selectPaper', p.title)}
        onChange={(e) => onSelect(item.id, (e.target as HTMLInputElement).checked)}
      />
      <div class="paper-body">
        <h2 class="paper-title" id={`${id}-title`}>
          <a href={hfPaperUrl(item.id)}>{p.title}</a>
        </h2>
        <PaperByline paper={p} />
        <p class="paper-meta">
          {p.upvotes > 0 && (
            <span class="upvotes">
              <span aria-hidden="true">▲ </span>
              {p.upvotes}
              <span class="sr-only"> {t('upvotesHidden')}</span>
            </span>
          )}
          {p.publishedAt && <span>{t('publishedOn', shortDate(p.publishedAt))}</span>}
          <span>{t('savedOn', shortDate(new Date(item.savedAt).toISOString()))}</span>
          {item.incomplete && <span title={t('detailsPendingTitle')}>{t('detailsPending')}</span>}
          {inZotero && <InZoteroMark />}
        </p>
        <SavedPaperExtras release={release} artifacts={artifacts} />
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
          <TagEditor tags={item.tags} label={t('addTagTo', p.title)} onChange={(tags) => onTags(item.id, tags)} />
        </div>
        <label class="note">
          <span>{t('note')}</span>
          <textarea rows={note.value ? 3 : 1} aria-invalid={over} {...note} />
        </label>
        {over && (
          <p class="note-too-long" role="alert">
            {t('noteTooLong', NOTE_MAX_CHARS.toLocaleString(), note.value.length.toLocaleString())}
          </p>
        )}
        <div class="paper-actions">
          <PaperLinks paper={p} />
          <CopyCitation paper={p} />
          {onSendToZotero && <SendToZoteroButton title={p.title} onSend={() => onSendToZotero(item.id)} />}
          <button type="button" onClick={() => onRemove(item.id)}>
            {t('remove')}
          </button>
        </div>
      </div>
    </article>
  );
}
