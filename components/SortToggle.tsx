import type { Sort } from '@/lib/views';

export function SortToggle({ sort, onChange }: { sort: Sort; onChange: (s: Sort) => void }) {
  return (
    <div class="segmented" role="group" aria-label="Sort">
      <button type="button" aria-pressed={sort === 'upvotes'} onClick={() => onChange('upvotes')}>
        Most upvoted
      </button>
      <button type="button" aria-pressed={sort === 'newest'} onClick={() => onChange('newest')}>
        Newest
      </button>
    </div>
  );
}
