import { t } from '@/lib/core/i18n';
import { db } from '@/lib/store/db';
import type { Paper } from '@/lib/core/paper';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import { loadFollowing } from '@/lib/views/following';
import type { CompiledInterests } from '@/lib/views/follow-match';
import { PaperList, type PaperListProps } from '../shared/PaperList';

/** The "Following" view: the papers of everyone followed, newest first, or how to follow someone. */
export function FollowingView({
  matcher,
  list,
  hide,
}: {
  matcher: CompiledInterests;
  list: Omit<PaperListProps, 'papers' | 'label'>;
  /** Muted and "Not interested" papers are left out here too. */
  hide?: (paper: Paper) => boolean;
}) {
  const all = useLiveQuery<Paper[] | undefined>(() => loadFollowing(db(), matcher), [matcher], undefined);
  const papers = hide && all ? all.filter((p) => !hide(p)) : all;
  if (matcher.pending) return null;
  if (matcher.empty) return <p class="notice">{t('followingEmpty')}</p>;
  if (!papers) return null;
  if (!papers.length) return <p class="notice">{t('followingNoPapers')}</p>;
  return (
    <>
      <p class="notice subtle">{t('followingCount', papers.length)}</p>
      <PaperList papers={papers} label={t('viewFollowing')} {...list} />
    </>
  );
}
