import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/core/i18n';
import type { Paper } from '@/lib/core/paper';
import type { Follows } from '@/lib/hooks/use-follows';
import { CARD_ACTION_EVENT } from '@/lib/views/keyboard';
import { actionsFor, type ActionContext, type CopyFormat, type PaperAction } from '@/lib/views/paper-actions';

type Parts = typeof import('./ActionsMenu');
let parts: Promise<Parts> | undefined;
/** The menu, the follow list and citation formatting: one chunk, fetched when a card first needs it. */
export const loadCardParts = () => (parts ??= import('./ActionsMenu'));

export interface MoreActionsProps {
  paper: Paper;
  /** The card's id: the menu's and the follow list's ids start with it. */
  idPrefix: string;
  abstractShown?: boolean;
  onToggleAbstract?: () => void;
  notInterested?: boolean;
  onNotInterested?: () => void;
  follows?: Follows;
  /** "Send to Zotero", given once Zotero is on. */
  onSendToZotero?: () => void;
  /** The popup opens links in a new tab (it closes otherwise). */
  linkTarget?: '_blank';
  /** The new tab shows each item's key. */
  showKeys?: boolean;
  /** A page's own actions around the card's (the reading list's status and Remove). */
  before?: PaperAction[];
  after?: PaperAction[];
}

/**
 * The one "More actions" button a card shows at rest (the WAI-ARIA menu button pattern), and what
 * it opens: the actions menu, the follow list, the copy status. A card's action keys arrive as
 * CARD_ACTION_EVENT on its article (lib/hooks/use-newtab-keyboard.ts).
 */
export function MoreActions(props: MoreActionsProps) {
  const { paper, idPrefix, follows } = props;
  const [menu, setMenu] = useState<'closed' | 'first' | 'last'>('closed');
  const [follow, setFollow] = useState(false);
  const [status, setStatus] = useCopyStatus();
  const [mod, setMod] = useState<Parts>();
  const button = useRef<HTMLButtonElement>(null);
  const load = () =>
    loadCardParts().then((m) => {
      setMod(m);
      return m;
    });

  const ctx = cardContext(props, load, () => setFollow(true), setStatus);
  // What a key runs: the newest context and the page's own actions, read when the key arrives.
  const keyed = useRef<KeyedActions>({ ctx, before: props.before, after: props.after });
  keyed.current = { ctx, before: props.before, after: props.after };

  useCardActionKeys(button, keyed);

  const open = (from: 'first' | 'last') => {
    setMenu(from);
    void load();
  };
  const close = (refocus: boolean) => {
    setMenu('closed');
    if (refocus) button.current?.focus();
  };
  const menuId = `${idPrefix}-actions`;
  return (
    <>
      <span class="more-actions-wrap">
        <button
          ref={button}
          type="button"
          class="more-actions"
          aria-haspopup="menu"
          aria-expanded={menu !== 'closed'}
          aria-controls={menu !== 'closed' ? menuId : undefined}
          aria-label={t('moreActionsFor', paper.title)}
          aria-keyshortcuts={props.showKeys ? 'm' : undefined}
          title={t('moreActions')}
          // A pointer on its way: the chunk is fetched before the click.
          onPointerEnter={() => void load()}
          onClick={() => (menu === 'closed' ? open('first') : close(false))}
          onKeyDown={(e) => {
            if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && menu === 'closed') {
              e.preventDefault();
              open(e.key === 'ArrowDown' ? 'first' : 'last');
            }
          }}
        >
          <DotsIcon />
        </button>
        {menu !== 'closed' && mod && (
          <mod.ActionsMenu
            id={menuId}
            label={t('actionsMenuFor', paper.title)}
            actions={[...(props.before ?? []), ...actionsFor(ctx), ...(props.after ?? [])]}
            ctx={ctx}
            focus={menu}
            onClose={close}
            linkTarget={props.linkTarget}
            showKeys={props.showKeys}
          />
        )}
      </span>
      {/* Only while there is something to say: a page of cards would otherwise hold dozens of empty live regions. */}
      {status && (
        <span class="copy-status" role="status">
          {status === 'copied' ? t('copied') : t('copyFailed')}
        </span>
      )}
      {follow && mod && follows && (
        <mod.FollowPanel
          paper={paper}
          follows={follows}
          idPrefix={idPrefix}
          onClose={() => {
            setFollow(false);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}

/** "Copied" or "Could not copy", for a moment. */
function useCopyStatus() {
  const [status, setStatus] = useState<'copied' | 'failed'>();
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(undefined), 2500);
    return () => clearTimeout(timer);
  }, [status]);
  return [status, setStatus] as const;
}

/**
 * A page's action keys (the new tab's c, a, f, x, z; the reading list's c, z, statuses, Remove) on
 * this card's article run the action of that id, the page's own included. Listening from the moment
 * the card is drawn: a key pressed as the list appears is not lost.
 */
interface KeyedActions {
  ctx: ActionContext;
  before?: PaperAction[];
  after?: PaperAction[];
}

function useCardActionKeys(button: RefObject<HTMLButtonElement | null>, keyed: RefObject<KeyedActions>) {
  useLayoutEffect(() => {
    const article = button.current?.closest('article');
    if (!article) return;
    const onAction = (e: Event) => {
      const id = (e as CustomEvent<string>).detail;
      if (!keyed.current) return;
      const { ctx, before = [], after = [] } = keyed.current;
      [...before, ...actionsFor(ctx), ...after].find((a) => a.id === id && a.run)?.run?.(ctx);
    };
    article.addEventListener(CARD_ACTION_EVENT, onAction);
    return () => article.removeEventListener(CARD_ACTION_EVENT, onAction);
  }, []);
}

function DotsIcon() {
  return (
    <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" class="icon">
      <circle cx="3" cy="8" r="1.5" fill="currentColor" />
      <circle cx="8" cy="8" r="1.5" fill="currentColor" />
      <circle cx="13" cy="8" r="1.5" fill="currentColor" />
    </svg>
  );
}

/** What this card lets its actions do (lib/views/paper-actions.ts): copying and following load their code first. */
function cardContext(
  props: MoreActionsProps,
  load: () => Promise<Parts>,
  showFollow: () => void,
  setStatus: (s: 'copied' | 'failed') => void,
): ActionContext {
  return {
    paper: props.paper,
    abstractShown: props.abstractShown,
    toggleAbstract: props.onToggleAbstract,
    notInterested: props.notInterested,
    toggleNotInterested: props.onNotInterested,
    sendToZotero: props.onSendToZotero,
    openFollow: props.follows ? () => void load().then(showFollow) : undefined,
    copy: (format: CopyFormat) =>
      void load()
        .then((m) => m.copyCitation(format, props.paper))
        .then((ok) => setStatus(ok ? 'copied' : 'failed')),
  };
}
