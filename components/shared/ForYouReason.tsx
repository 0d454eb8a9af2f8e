import { t, tn } from '@/lib/core/i18n';
import type { Reason } from '@/lib/views/rank/rank';

/** Under a card in the "For you" order: why it ranks high, in words a researcher can check. */
export function ForYouReason({ reason }: { reason: Reason }) {
  const parts: string[] = [];
  if (reason.authors.length) parts.push(t('forYouAuthors', reason.authors.slice(0, 3).join(', ')));
  if (reason.like) {
    const { count, titles } = reason.like;
    const shown = titles.join(', ') + (count > titles.length ? ', …' : '');
    parts.push(tn(count, 'forYouLikeOne', 'forYouLikeOther', shown));
  }
  if (reason.terms.length && parts.length < 2) parts.push(t('forYouTerms', reason.terms.join(', ')));
  if (reason.org && parts.length < 2) parts.push(t('forYouOrg', reason.org));
  if (!parts.length) return null;
  return <p class="for-you-reason">{parts.join(' · ')}</p>;
}
