import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/core/i18n';
import { type ReadingStatus, type SavedPaper } from '@/lib/core/saved';
import { hfPaperUrl } from '@/lib/core/paper-links';
import type { CodeRelease, PaperArtifacts } from '@/lib/core/extras';
import { STATUSES } from '@/lib/reading-list/list';
import type { PaperAction } from '@/lib/views/paper-actions';
import { CARD_ACTION_EVENT } from '@/lib/views/keyboard';
import { PaperByline } from '../shared/PaperByline';
import { articleId } from '../shared/PaperCard';
import { MoreActions } from '../shared/MoreActions';
import { SavedFacts } from './SavedFacts';
import { SavedDetails } from './SavedDetails';

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

/**
 * One saved paper at rest: its title, byline, status, tags and the first line of its note. The
 * note opens in place (with status and tags to edit); everything else is in "More actions". The
 * checkbox shows on hover and focus, or while papers are selected.
 */
export function SavedItem(props: SavedItemProps) {
  const { item, selected, onSelect, onStatus, onRemove, onSendToZotero } = props;
  const p = item.paper;
  const id = articleId(item.id);
  const [open, setOpen] = useState(false);
  const article = useRef<HTMLElement>(null);
  useOwnKeys(article, { open: () => setOpen(true), select: () => onSelect(item.id, !selected) }, open);
  const actions = savedItemActions(item, onStatus, onRemove);
  return (
    <article
      ref={article}
      class={open ? 'paper saved-item open' : 'paper saved-item'}
      id={id}
      aria-labelledby={`${id}-title`}
      data-paper-id={item.id}
      tabIndex={-1}
    >
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
        <SavedFacts item={item} release={props.release} inZotero={props.inZotero ?? false} />
        <NoteToggle note={item.note} open={open} controls={`${id}-details`} onToggle={() => setOpen(!open)} />
        <div class="paper-actions">
          <MoreActions
            paper={p}
            idPrefix={id}
            onSendToZotero={onSendToZotero && (() => onSendToZotero(item.id))}
            before={actions.before}
            after={actions.after}
            showKeys
          />
        </div>
        <SavedDetails
          id={`${id}-details`}
          item={item}
          open={open}
          onStatus={onStatus}
          onTags={props.onTags}
          onNote={props.onNote}
          artifacts={props.artifacts}
        />
      </div>
    </article>
  );
}

/**
 * The saved paper's own keys (lib/views/keyboard.ts READING_LIST_SHORTCUTS), arriving on its
 * article: `n` opens the note and puts the caret in it, `x` selects or unselects the paper.
 */
function useOwnKeys(
  article: { current: HTMLElement | null },
  handlers: { open: () => void; select: () => void },
  open: boolean,
) {
  const ref = useRef(handlers);
  ref.current = handlers;
  const [wantsCaret, setWantsCaret] = useState(false);
  // Listening from the moment the paper is drawn: a key pressed as the list appears is not lost.
  useLayoutEffect(() => {
    const el = article.current;
    if (!el) return;
    const onAction = (e: Event) => {
      const id = (e as CustomEvent<string>).detail;
      if (id === 'note') {
        ref.current.open();
        setWantsCaret(true);
      } else if (id === 'select') ref.current.select();
    };
    el.addEventListener(CARD_ACTION_EVENT, onAction);
    return () => el.removeEventListener(CARD_ACTION_EVENT, onAction);
  }, []);
  // Once the note is shown (it is hidden while closed, and a hidden field takes no focus).
  useEffect(() => {
    if (!wantsCaret || !open) return;
    setWantsCaret(false);
    article.current?.querySelector<HTMLTextAreaElement>('.saved-details textarea')?.focus();
  }, [wantsCaret, open]);
}

/** The first line of the note, the button that opens all of it (a disclosure); "Add a note" on hover and focus when there is none. */
function NoteToggle({
  note,
  open,
  controls,
  onToggle,
}: {
  note: string;
  open: boolean;
  controls: string;
  onToggle: () => void;
}) {
  const first =
    note
      .split('\n')
      .find((line) => line.trim())
      ?.trim() ?? '';
  return (
    <p class="note-line">
      <button
        type="button"
        class={first ? 'note-toggle' : 'note-toggle empty'}
        aria-expanded={open}
        aria-controls={controls}
        onClick={onToggle}
      >
        {first ? (
          <>
            <span class="sr-only">{t('notePrefix')} </span>
            {first}
          </>
        ) : (
          t('addNote')
        )}
      </button>
    </p>
  );
}

/** The reading list's own menu items around a card's: the statuses it is not in, and Remove (with Undo). */
function savedItemActions(
  item: SavedPaper,
  onStatus: (id: string, status: ReadingStatus) => void,
  onRemove: (id: string) => void,
): { before: PaperAction[]; after: PaperAction[] } {
  return {
    // The keys are the reading list's (lib/views/keyboard.ts), shown beside the menu items.
    before: STATUSES.flatMap((s, i) =>
      s.value === item.status
        ? []
        : [
            {
              id: `status-${s.value}`,
              label: () => t(s.markKey),
              key: String(i + 1),
              run: () => onStatus(item.id, s.value),
            },
          ],
    ),
    after: [{ id: 'remove', label: () => t('remove'), key: 'Delete', run: () => onRemove(item.id) }],
  };
}
