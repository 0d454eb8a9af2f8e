import { t } from '@/lib/core/i18n';
import type { Sort } from '@/lib/views/view';

export function SortToggle({ sort, onChange }: { sort: Sort; onChange: (s: Sort) => void }) {
  return (
    <div class="segmented" role="group" aria-label={t('sort')}>
      <button type="button" aria-pressed={sort === 'upvotes'} onClick={() => onChange('upvotes')}>
        {t('sortUpvotes')}
      </button>
      <button type="button" aria-pressed={sort === 'newest'} onClick={() => onChange('newest')}>
        {t('sortNewest')}
      </button>
      <button type="button" aria-pressed={sort === 'trending'} onClick={() => onChange('trending')}>
        {t('sortTrending')}
      </button>
      <button type="button" aria-pressed={sort === 'foryou'} onClick={() => onChange('foryou')}>
        {t('sortForYou')}
      </button>
    </div>
  );
}
