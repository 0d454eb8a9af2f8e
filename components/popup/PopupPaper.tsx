import { t } from '@/lib/core/i18n';
import type { Paper } from '@/lib/core/paper';
import { hfPaperUrl } from '@/lib/core/paper-links';
import type { Follows } from '@/lib/hooks/use-follows';
import type { Reason } from '@/lib/views/rank/rank';
import { ForYouReason } from '../shared/ForYouReason';
import { InZoteroMark } from '../shared/InZoteroMark';
import { MoreActions } from '../shared/MoreActions';
import { SaveButton } from '../shared/SaveButton';
import { TitleText } from '../shared/TitleText';

/**
 * One paper in the popup: its title (two lines at most), the organization or first author and the
 * upvotes, Save, and the same "More actions" menu as the new tab's cards.
 */
export function PopupPaper({
  paper,
  saved,
  onToggleSave,
  onNotInterested,
  follows,
  watchTerms,
  reason,
  inZotero = false,
  onSendToZotero,
}: {
  paper: Paper;
  saved: boolean;
  onToggleSave: () => void;
  onNotInterested: () => void;
  follows: Follows;
  watchTerms?: string;
  reason?: Reason;
  inZotero?: boolean;
  onSendToZotero?: () => void;
}) {
  const id = `p-${paper.id.replace(/[^\w-]/g, '_')}`;
  const who = paper.organization?.fullname || paper.organization?.name || paper.authors[0];
  return (
    <article class={watchTerms ? 'popup-paper watched' : 'popup-paper'} aria-labelledby={id}>
      {watchTerms && <span class="watch-label">{t('watchList', watchTerms)}</span>}
      <h2 id={id}>
        <a href={hfPaperUrl(paper.id)} target="_blank" rel="noopener noreferrer">
          <TitleText title={paper.title} />
        </a>
      </h2>
      <p class="popup-facts">
        <span class="upvotes" title={t('upvotesTitle')}>
          <span aria-hidden="true">▲ </span>
          {paper.upvotes}
          <span class="sr-only"> {t('upvotesHidden')}</span>
        </span>
        {who && <span class="popup-who">{who}</span>}
        {inZotero && <InZoteroMark />}
        {reason && <ForYouReason reason={reason} />}
      </p>
      <div class="popup-actions">
        <SaveButton saved={saved} title={paper.title} onToggle={onToggleSave} />
        <MoreActions
          paper={paper}
          idPrefix={id}
          onNotInterested={onNotInterested}
          onSendToZotero={onSendToZotero}
          follows={follows}
          linkTarget="_blank"
        />
      </div>
    </article>
  );
}
