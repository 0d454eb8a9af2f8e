import { useEffect, useState } from 'preact/hooks';
import { t, tn } from '@/lib/core/i18n';
import { send } from '@/lib/core/send';
import type { Paper } from '@/lib/core/paper';
import { PaperList, type PaperListProps } from '../shared/PaperList';

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
  // A new query forgets the last answer; while there is none, a keystroke renders nothing here.
  useEffect(() => setState((s) => (s.kind === 'idle' ? s : { kind: 'idle' })), [query]);
  async function run() {
    setState({ kind: 'loading' });
    try {
      // The background asks Hugging Face (and validates the answer): the page carries no API client.
      const reply = await send({ type: 'searchHf', q: query });
      if (!reply) throw new Error(t('backgroundUnreachable'));
      setState(reply.ok ? { kind: 'done', papers: reply.papers } : { kind: 'error', message: reply.message });
    } catch (err) {
      setState({ kind: 'error', message: (err as Error).message });
    }
  }
  return (
    <section class="hf-search" aria-label={t('hfResultsRegion')}>
      {state.kind === 'idle' || state.kind === 'loading' ? (
        <button
          type="button"
          onClick={run}
          disabled={!online || state.kind === 'loading'}
          title={online ? undefined : t('youAreOffline')}
        >
          {state.kind === 'loading' ? t('hfSearching') : t('hfSearchFor', query)}
        </button>
      ) : state.kind === 'error' ? (
        <p class="error" role="alert">
          {t('errorSentence', state.message)}{' '}
          <button type="button" onClick={run}>
            {t('tryAgain')}
          </button>
        </p>
      ) : (
        <>
          <h2 class="section-title">{tn(state.papers.length, 'hfResultsOne', 'hfResultsOther')}</h2>
          <PaperList papers={state.papers} label={t('hfResultsList')} {...list} />
        </>
      )}
    </section>
  );
}
