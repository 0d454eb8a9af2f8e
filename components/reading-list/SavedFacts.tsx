import { shortDate } from '@/lib/core/format';
import { t } from '@/lib/core/i18n';
import { STATUSES } from '@/lib/reading-list/list';
import type { SavedPaper } from '@/lib/core/saved';
import type { CodeRelease } from '@/lib/core/extras';
import { InZoteroMark } from '../shared/InZoteroMark';

/** A saved paper's one line of facts: status, tags, when it was saved, upvotes, and its marks. */
export function SavedFacts({
  item,
  release,
  inZotero,
}: {
  item: SavedPaper;
  release?: CodeRelease;
  inZotero: boolean;
}) {
  const p = item.paper;
  const status = STATUSES.find((s) => s.value === item.status);
  return (
    <p class="paper-meta saved-facts">
      {status && (
        <span class={`status-mark status-${status.value}`}>
          <span class="sr-only">{t('status')}: </span>
          {status.label}
        </span>
      )}
      {item.tags.length > 0 && (
        <span class="saved-tags">
          <span class="sr-only">{t('tags')}: </span>
          {item.tags.map((tag) => (
            <span key={tag} class="tag">
              {tag}
            </span>
          ))}
        </span>
      )}
      <span>{t('savedOn', shortDate(new Date(item.savedAt).toISOString()))}</span>
      {p.upvotes > 0 && (
        <span class="upvotes">
          <span aria-hidden="true">▲ </span>
          {p.upvotes}
          <span class="sr-only"> {t('upvotesHidden')}</span>
        </span>
      )}
      {item.incomplete && <span title={t('detailsPendingTitle')}>{t('detailsPending')}</span>}
      {inZotero && <InZoteroMark />}
      {release && (
        <span class="code-released" title={t('codeReleasedTitle', shortDate(new Date(release.at).toISOString()))}>
          <span class="code-released-mark">{t('codeReleased')}</span>
        </span>
      )}
    </p>
  );
}
