import { memo } from '@/lib/hooks/memo';
import type { Paper } from '@/lib/core/paper';
import { shortDate } from '@/lib/core/format';
import { t, tParts } from '@/lib/core/i18n';
import { hfPaperUrl } from '@/lib/core/paper-links';
import { safeHfImageUrl } from '@/lib/core/safe-url';
import type { Reason } from '@/lib/views/rank/rank';
import { lazyComponent } from '@/lib/hooks/lazy';
import { Highlight } from './Highlight';
import { NotInterestedButton } from './NotInterestedButton';
import { PaperByline } from './PaperByline';
import { PaperLinks, formatCount } from './PaperLinks';
import { SaveButton } from './SaveButton';
import { FollowMenu } from './FollowMenu';
import type { Follows } from '@/lib/hooks/use-follows';
import { CopyCitation } from './CopyCitation';
import { InZoteroMark } from './InZoteroMark';

// Only the "For you" order shows a reason; its code comes with the ranker's, when chosen.
// Shown only while Zotero is on in Papertab.
const SendToZoteroButton = lazyComponent(() => import('./SendToZoteroButton').then((m) => m.SendToZoteroButton));
const ForYouReason = lazyComponent(() => import('./ForYouReason').then((m) => m.ForYouReason));

export function articleId(id: string): string {
  return `paper-${id.replace(/[^\w-]/g, '_')}`;
}

export interface PaperCardProps {
  paper: Paper;
  saved: boolean;
  onToggleSave: (paper: Paper) => void;
  expanded?: boolean;
  onToggleAbstract?: (id: string) => void;
  terms?: string[];
  /** Watch-list entries this paper matches: highlighted. */
  watchTerms?: string;
  /** In the "For you" order: why this paper ranks high. */
  reason?: Reason;
  /** "Not interested" (shown when given), and whether the paper is marked. */
  onNotInterested?: (paper: Paper) => void;
  notInterested?: boolean;
  /** The user's follows: when given, the card offers "Follow…" for its authors and organization. */
  follows?: Follows;
  /** Already in the user's Zotero library. */
  inZotero?: boolean;
  /** "Send to Zotero" (given once Zotero is turned on). */
  onSendToZotero?: (paper: Paper) => void;
}

/** One paper as the new tab shows it: everything the Daily Papers page shows, and more. */
/** Memoised: a save, an expanded abstract or a keystroke elsewhere re-renders only the cards whose props changed. */
export const PaperCard = memo(function PaperCard({
  paper,
  saved,
  onToggleSave,
  expanded = false,
  onToggleAbstract,
  terms = [],
  watchTerms,
  reason,
  onNotInterested,
  notInterested = false,
  follows,
  inZotero = false,
  onSendToZotero,
}: PaperCardProps) {
  const id = articleId(paper.id);
  const thumbnail = safeHfImageUrl(paper.thumbnail);
  return (
    <article
      class={watchTerms ? 'paper watched' : 'paper'}
      id={id}
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      data-paper-id={paper.id}
    >
      {thumbnail && (
        <img
          // A card reused for another paper (search results) gets a new image, never the old one.
          key={thumbnail}
          class="thumb"
          src={thumbnail}
          alt=""
          loading="lazy"
          decoding="async"
          width={160}
          height={90}
          // Offline or gone: no broken-image box, just no picture.
          onError={(e) => ((e.target as HTMLImageElement).hidden = true)}
        />
      )}
      <div class="paper-body">
        {watchTerms && <span class="watch-label">{t('watchList', watchTerms)}</span>}
        <h2 class="paper-title" id={`${id}-title`}>
          <a href={hfPaperUrl(paper.id)}>
            <Highlight text={paper.title} terms={terms} />
          </a>
        </h2>
        {reason && <ForYouReason reason={reason} />}
        <PaperByline paper={paper} terms={terms} />
        <p class="paper-meta">
          <span class="upvotes" title={t('upvotesTitle')}>
            <span aria-hidden="true">▲ </span>
            {paper.upvotes} <span class="sr-only">{t('upvotesHidden')}</span>
          </span>
          <a class="comments" href={`${hfPaperUrl(paper.id)}#community`} title={t('commentsTitle')}>
            <CommentIcon />
            {formatCount(paper.numComments)} <span class="sr-only">{t('commentsHidden')}</span>
          </a>
          {paper.publishedAt && (
            <span>
              {tParts('publishedOn', <time dateTime={paper.publishedAt}>{shortDate(paper.publishedAt)}</time>)}
            </span>
          )}
          {inZotero && <InZoteroMark />}
        </p>
        {paper.aiSummary && (
          <p class="ai-summary">
            <Highlight text={paper.aiSummary} terms={terms} />
          </p>
        )}
        {paper.summary && onToggleAbstract && (
          <button
            type="button"
            class="link-button"
            aria-expanded={expanded}
            aria-controls={`${id}-abstract`}
            onClick={() => onToggleAbstract(paper.id)}
          >
            {expanded ? t('hideAbstract') : t('showAbstract')}
          </button>
        )}
        <div id={`${id}-abstract`} class="abstract" hidden={!expanded}>
          {expanded && (
            <p>
              <Highlight text={paper.summary} terms={terms} />
            </p>
          )}
        </div>
        {paper.aiKeywords.length > 0 && (
          <ul class="keywords" aria-label={t('keywords')}>
            {paper.aiKeywords.map((k) => (
              <li key={k}>
                <Highlight text={k} terms={terms} />
              </li>
            ))}
          </ul>
        )}
        <div class="paper-actions">
          <SaveButton saved={saved} title={paper.title} onToggle={() => onToggleSave(paper)} />
          <CopyCitation paper={paper} />
          {onSendToZotero && <SendToZoteroButton title={paper.title} onSend={() => onSendToZotero(paper)} />}
          <PaperLinks paper={paper} />
          {onNotInterested && (
            <NotInterestedButton marked={notInterested} title={paper.title} onToggle={() => onNotInterested(paper)} />
          )}
          {follows && <FollowMenu paper={paper} follows={follows} idPrefix={id} />}
        </div>
      </div>
    </article>
  );
});

function CommentIcon() {
  return (
    <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" class="icon">
      <path d="M2 3h12v8H6l-3 3v-3H2z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
    </svg>
  );
}
