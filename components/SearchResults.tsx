import { t, tn } from '@/lib/core/i18n';
import type { SearchState } from '@/lib/hooks/use-search';
import { HfSearch } from './HfSearch';
import { PaperList, type PaperListProps } from './PaperList';

/** Search results rendered per keystroke: a screenful or two, the rest one click away. */
const SEARCH_PAGE = 10;

/** While the search box has text: how many cached papers match, the first of them, and "Search Hugging Face". */
export function SearchResults({
  query,
  search: { results, indexing },
  online,
  list,
}: {
  query: string;
  search: SearchState;
  online: boolean;
  list: Omit<PaperListProps, 'papers' | 'label'>;
}) {
  return (
    <>
      <p class="match-count" role="status">
        {results ? tn(results.papers.length, 'papersMatchOne', 'papersMatchOther') : t('searching')}
        {indexing && ` ${t('indexingProgress', indexing.done, indexing.total)}`}
      </p>
      {results && (
        <PaperList
          resetKey={query}
          keyByPosition
          pageSize={SEARCH_PAGE}
          papers={results.papers}
          label={t('searchResults')}
          terms={results.terms}
          {...list}
        />
      )}
      <HfSearch query={query} online={online} list={list} />
    </>
  );
}
