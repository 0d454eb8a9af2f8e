import type { Settings } from '../core/settings-schema';
import { compileHider } from '../views/rank/mute';
import { shownPapers, type ViewData } from '../views/view';
import { useForYou, type ForYou, type Ranker } from './use-for-you';

/**
 * The popup's top papers: the new tab's rule (lib/views/view.ts `shownPapers`), in the upvotes order
 * unless the new tab's order is "For you"; muted and not-interested papers are left out.
 */
export function usePopupPapers(
  data: ViewData | undefined,
  settings: Settings,
  top: number,
  loadRanker: () => Promise<Ranker>,
): { papers: ViewData['papers']; forYou?: ForYou } {
  const forYou = useForYou(settings.sort === 'foryou', data?.papers, settings.notInterested, loadRanker);
  const hider = compileHider(
    { keywords: settings.muteKeywords, authors: settings.muteAuthors, orgs: settings.muteOrgs },
    settings.notInterested,
  );
  const papers = data
    ? shownPapers(data.papers, {
        sort: forYou ? 'foryou' : 'upvotes',
        forYou: forYou?.papers,
        minUpvotes: settings.minUpvotes,
        hider,
      }).papers.slice(0, top)
    : [];
  return { papers, forYou };
}
