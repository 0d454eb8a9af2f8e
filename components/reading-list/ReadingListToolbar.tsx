import type { Ref } from 'preact';
import { t } from '@/lib/core/i18n';
import { STATUSES, type SortKey } from '@/lib/reading-list/list';
import { type ReadingStatus } from '@/lib/core/saved';

/** The reading list's filters: by status (with counts), by tag, the sort order, and the search box. */
export function ReadingListToolbar({
  total,
  counts,
  tags,
  status,
  onStatus,
  tag,
  onTag,
  sort,
  onSort,
  query,
  onQuery,
  searchRef,
}: {
  total: number;
  counts: Record<ReadingStatus, number>;
  tags: string[];
  status?: ReadingStatus;
  onStatus: (status: ReadingStatus | undefined) => void;
  tag: string;
  onTag: (tag: string) => void;
  sort: SortKey;
  onSort: (sort: SortKey) => void;
  query: string;
  onQuery: (query: string) => void;
  /** The search box, for the `/` key. */
  searchRef?: Ref<HTMLInputElement>;
}) {
  return (
    <>
      <div class="top-row">
        <div class="segmented" role="group" aria-label={t('filterByStatus')}>
          <button type="button" aria-pressed={!status} onClick={() => onStatus(undefined)}>
            {t('allCount', total)}
          </button>
          {STATUSES.map((s) => (
            <button key={s.value} type="button" aria-pressed={status === s.value} onClick={() => onStatus(s.value)}>
              {t('statusCount', s.label, counts[s.value])}
            </button>
          ))}
        </div>
        <label>
          {t('tag')}{' '}
          <select value={tag} onChange={(e) => onTag((e.target as HTMLSelectElement).value)}>
            <option value="">{t('allTags')}</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sortBy')}{' '}
          <select value={sort} onChange={(e) => onSort((e.target as HTMLSelectElement).value as SortKey)}>
            <option value="saved">{t('sortDateSaved')}</option>
            <option value="published">{t('sortDatePublished')}</option>
            <option value="upvotes">{t('sortUpvotesOption')}</option>
          </select>
        </label>
      </div>
      <div class="search" role="search">
        <input
          ref={searchRef}
          type="search"
          aria-label={t('searchReadingList')}
          placeholder={t('searchReadingListPlaceholder')}
          value={query}
          onInput={(e) => onQuery((e.target as HTMLInputElement).value)}
        />
      </div>
    </>
  );
}
