import { memo } from '@/lib/hooks/memo';
import type { Paper } from '@/lib/core/paper';
import { formatCount, shortDate } from '@/lib/core/format';
import { t, tParts } from '@/lib/core/i18n';
import { hfPaperUrl } from '@/lib/core/paper-links';
import { safeHfImageUrl } from '@/lib/core/safe-url';
import type { Reason } from '@/lib/views/rank/rank';
import { lazyComponent } from '@/lib/hooks/lazy';
import { Highlight } from './Highlight';
import { TitleText } from './TitleText';
import { PaperByline } from './PaperByline';
import { SaveButton } from './SaveButton';
import type { Follows } from '@/lib/hooks/use-follows';
import { MoreActions } from './MoreActions';
import { safeHttpUrl } from '@/lib/core/safe-url';
import { InZoteroMark } from './InZoteroMark';

// Only the "For you" order shows a reason; its code comes with the ranker's, when chosen.
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

/** The card's picture; offline or gone, no broken-image box, just no picture. */
function CardThumbnail({ src }: { src: string }) {
  return (
    <img
      // A card reused for another paper (search results) gets a new image, never the old one.
      key={src}
      class="thumb"
      src={src}
      alt=""
      loading="lazy"
      decoding="async"
      width={160}
      height={90}
      onError={(e) => ((e.target as HTMLImageElement).hidden = true)}
    />
  );
}

/**
 * One paper as the new tab shows it: at rest the paper (title, who, one line of facts, the summary,
 * the keywords, the thumbnail), Save and one "More actions" menu for everything else.
 * Memoised: a save, an expanded abstract or a keystroke elsewhere re-renders only the cards whose props changed. */
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
      {thumbnail && <CardThumbnail src={thumbnail} />}
      <div class="paper-body">
        {watchTerms && <span class="watch-label">{t('watchList', watchTerms)}</span>}
        <h2 class="paper-title" id={`${id}-title`}>
          <a href={hfPaperUrl(paper.id)}>
            <TitleText title={paper.title} terms={terms} />
          </a>
        </h2>
        {reason && <ForYouReason reason={reason} />}
        <PaperByline paper={paper} terms={terms} />
        <PaperFacts paper={paper} inZotero={inZotero} />
        {paper.aiSummary && (
          <p class="ai-summary">
            <Highlight text={paper.aiSummary} terms={terms} />
          </p>
        )}
        {expanded && (
          <div id={`${id}-abstract`} class="abstract">
            <p>
              <Highlight text={paper.summary} terms={terms} />
            </p>
          </div>
        )}
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
          <MoreActions
            paper={paper}
            idPrefix={id}
            abstractShown={expanded}
            onToggleAbstract={onToggleAbstract && (() => onToggleAbstract(paper.id))}
            notInterested={notInterested}
            onNotInterested={onNotInterested && (() => onNotInterested(paper))}
            follows={follows}
            onSendToZotero={onSendToZotero && (() => onSendToZotero(paper))}
            showKeys
          />
        </div>
      </div>
    </article>
  );
});

/**
 * Upvotes, comments, date and whether there is code (with its stars): facts, not controls.
 * Memoised: a search result that stays while the words typed change is not formatted again.
 */
const PaperFacts = memo(function PaperFacts({ paper, inZotero }: { paper: Paper; inZotero: boolean }) {
  const code = safeHttpUrl(paper.githubRepo);
  return (
    <p class="paper-meta">
      <span class="upvotes" title={t('upvotesTitle')}>
        <span aria-hidden="true">▲ </span>
        {paper.upvotes} <span class="sr-only">{t('upvotesHidden')}</span>
      </span>
      <span class="comments" title={t('commentsTitle')}>
        <CommentIcon />
        {formatCount(paper.numComments)} <span class="sr-only">{t('commentsHidden')}</span>
      </span>
      {paper.publishedAt && (
        <span class="published">
          {tParts('publishedOn', <time dateTime={paper.publishedAt}>{shortDate(paper.publishedAt)}</time>)}
        </span>
      )}
      {code && (
        <span class="code-mark">
          <span aria-hidden="true">
            {'</>'}
            {paper.githubStars !== undefined && ` ★ ${formatCount(paper.githubStars)}`}
          </span>
          <span class="sr-only">
            {paper.githubStars !== undefined ? t('codeStars', formatCount(paper.githubStars)) : t('hasCode')}
          </span>
        </span>
      )}
      {inZotero && <InZoteroMark />}
    </p>
  );
});

function CommentIcon() {
  return (
    <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" class="icon">
      <path d="M2 3h12v8H6l-3 3v-3H2z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
    </svg>
  );
}
