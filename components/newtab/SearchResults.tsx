import { t, tn } from '@/lib/core/i18n';
import { SEARCH_PAGE, type SearchState } from '@/lib/hooks/use-search';
import { HfSearch } from './HfSearch';
import { PaperList, type PaperListProps } from '../shared/PaperList';
import { Marks } from '../shared/Highlight';
import { Marked } from '../shared/Marked';

// Results mark the words found: the marking code is in this chunk, so marks show with the first results.
Marks.provide(Marked);

/**
 * While the search box has text: how many cached papers match, the first of them (most relevant
 * first, or newest first), "Show more", and "Search Hugging Face".
 */
export function SearchResults({
  query,
  search: { results, indexing, newest, setNewest, showMore },
  online,
  list,
}: {
  query: string;
  search: SearchState;
  online: boolean;
  list: Omit<PaperListProps, 'papers' | 'label'>;
}) {
  const left = results ? results.total - results.papers.length : 0;
  return (
    <>
      <p class="match-count" role="status">
        {results ? tn(results.total, 'papersMatchOne', 'papersMatchOther') : t('searching')}
        {indexing && ` ${t('indexingProgress', indexing.done, indexing.total)}`}
      </p>
      {results && results.total > 1 && (
        <button type="button" class="link-button" aria-pressed={newest} onClick={() => setNewest(!newest)}>
          {t('searchNewestFirst')}
        </button>
      )}
      {results && (
        <PaperList
          resetKey={query}
          keyByPosition
          pageSize={Number.MAX_SAFE_INTEGER}
          papers={results.papers}
          label={t('searchResults')}
          terms={results.terms}
          {...list}
        />
      )}
      {left > 0 && (
        <button type="button" class="more" onClick={showMore}>
          {t('showMore', Math.min(SEARCH_PAGE, left), results!.total)}
        </button>
      )}
      <HfSearch query={query} online={online} list={list} />
    </>
  );
}
