import { useMemo } from 'preact/hooks';
import { t, tn } from '@/lib/core/i18n';
import type { Paper } from '@/lib/core/paper';
import { SEARCH_PAGE, useSearch, type SearchEngine } from '@/lib/hooks/use-search';
import { useStore, type Store } from '@/lib/hooks/store';
import { useFirstScreen } from '@/lib/hooks/use-first-screen';
import { HfSearch } from './HfSearch';
import { PaperList, type PaperListProps } from '../shared/PaperList';
import { Marks } from '../shared/Highlight';
import { Marked } from '../shared/Marked';

// Results mark the words found: the marking code is in this chunk, so marks show with the first results.
Marks.provide(Marked);

/**
 * While the search box has text: how many cached papers match, the first of them (most relevant
 * first, or newest first), "Show more", and "Search Hugging Face". It reads the query itself, so
 * a keystroke renders these again, not the page around them.
 */
export function SearchResults({
  query: store,
  engine,
  online,
  list,
}: {
  query: Store<string>;
  engine: SearchEngine;
  online: boolean;
  list: Omit<PaperListProps, 'papers' | 'label'>;
}) {
  const query = useStore(store);
  const { results, indexing, newest, setNewest, showMore, full } = useSearch(query, engine);
  const count = useFirstScreen(results?.papers);
  const partial = !!results && count < results.papers.length;
  const left = results && !partial ? results.total - results.papers.length : 0;
  // A result may still be the index's display copy (no abstract): what is stored is the paper read.
  const { onToggleSave, onNotInterested } = list;
  const actions = useMemo(
    () => ({
      onToggleSave: (p: Paper) => void full(p).then((f) => f && onToggleSave(f)),
      onNotInterested: onNotInterested && ((p: Paper) => void full(p).then((f) => f && onNotInterested(f))),
    }),
    [full, onToggleSave, onNotInterested],
  );
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
          papers={partial ? results.papers.slice(0, count) : results.papers}
          label={t('searchResults')}
          terms={results.terms}
          {...list}
          {...actions}
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
