import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Settings } from '../core/settings-schema';
import { hfPaperUrl } from '../core/paper-links';
import { safeHfImageUrl } from '../core/safe-url';
import { writeSnapshot } from '../views/snapshot';
import { compileHider } from '../views/rank/mute';
import { shownPapers, type Sort, type ViewData, type View } from '../views/view';
import type { Paper } from '../core/paper';

/**
 * The new tab's papers for the view shown (lib/views/view.ts `shownPapers`, the one rule), the
 * "Show all" choices under its notices, and the first-paint snapshot written from them.
 */
export function useGlancePapers(a: {
  settings: Settings;
  view: View;
  current?: ViewData;
  /** The first paint's snapshot: until "For you" is ranked, its order is the last one shown. */
  snapshot?: ViewData;
  sort: Sort;
  forYou?: Paper[];
  trendingIds?: readonly string[];
  withCode: boolean;
  snapshotKey: string;
}) {
  const { settings, current, sort } = a;
  const [showBelowMin, setShowBelowMin] = useState(false);
  const [showHidden, setShowHidden] = useState(false);
  const hider = useMemo(
    () =>
      compileHider(
        { keywords: settings.muteKeywords, authors: settings.muteAuthors, orgs: settings.muteOrgs },
        settings.notInterested,
      ),
    [settings.muteKeywords, settings.muteAuthors, settings.muteOrgs, settings.notInterested],
  );
  const forYou = a.forYou ?? (current && current === a.snapshot ? current.papers : undefined);
  const shown = useMemo(
    () =>
      shownPapers(current?.papers ?? [], {
        sort,
        forYou,
        trendingIds: a.trendingIds,
        minUpvotes: settings.minUpvotes,
        showBelowMin,
        hider,
        showHidden,
        withCode: a.withCode,
      }),
    [current, sort, forYou, a.trendingIds, settings.minUpvotes, showBelowMin, hider, showHidden, a.withCode],
  );

  useEffect(() => {
    // Each paper carries its link and checked thumbnail, so the first paint needs no builder
    // (lib/views/first-paint.ts). The first paint does not rank: in "For you" and "Trending" the
    // snapshot keeps the order shown. Muted and not-interested papers stay out of it.
    if (!current || a.view.kind !== 'latest') return;
    const ranked = sort === 'foryou' || sort === 'trending' ? shown.ordered : current.papers;
    writeSnapshot(a.snapshotKey, {
      ...current,
      papers: ranked
        .filter((p) => hider.empty || !hider.hides(p))
        .map((p) => ({ ...p, href: hfPaperUrl(p.id), thumb: safeHfImageUrl(p.thumbnail) })),
    });
  }, [current, shown, hider]);

  return {
    ...shown,
    hider,
    showHidden,
    showAllBelowMin: () => setShowBelowMin(true),
    showAllHidden: () => setShowHidden(true),
  };
}
