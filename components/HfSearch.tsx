import { useEffect, useState } from 'preact/hooks';
import { searchPapers } from '@/lib/hf-api';
import type { Paper } from '@/lib/paper';
import { PaperList, type PaperListProps } from './PaperList';

type State =
  { kind: 'idle' } | { kind: 'loading' } | { kind: 'done'; papers: Paper[] } | { kind: 'error'; message: string };

/** "Search Hugging Face": asks /api/papers/search, below the local results, when the user wants it. */
export function HfSearch({
  query,
  online,
  list,
}: {
  query: string;
  online: boolean;
  list: Omit<PaperListProps, 'papers' | 'label'>;
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  useEffect(() => setState({ kind: 'idle' }), [query]);
  async function run() {
    setState({ kind: 'loading' });
    try {
      const { papers } = await searchPapers(query);
      setState({ kind: 'done', papers });
    } catch (err) {
      setState({ kind: 'error', message: (err as Error).message });
    }
  }
  return (
    <section class="hf-search" aria-label="Results from Hugging Face">
      {state.kind === 'idle' || state.kind === 'loading' ? (
        <button
          type="button"
          onClick={run}
          disabled={!online || state.kind === 'loading'}
          title={online ? undefined : 'You are offline'}
        >
          {state.kind === 'loading' ? 'Searching Hugging Face…' : `Search Hugging Face for “${query}”`}
        </button>
      ) : state.kind === 'error' ? (
        <p class="error" role="alert">
          {state.message}.{' '}
          <button type="button" onClick={run}>
            Try again
          </button>
        </p>
      ) : (
        <>
          <h2 class="section-title">
            From Hugging Face: {state.papers.length} {state.papers.length === 1 ? 'paper' : 'papers'}
          </h2>
          <PaperList papers={state.papers} label="Hugging Face results" {...list} />
        </>
      )}
    </section>
  );
}
