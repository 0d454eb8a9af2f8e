import { useEffect } from 'preact/hooks';
import { markSeen } from '@/lib/badge';
import { db } from '@/lib/db';
import { dayLabel } from '@/lib/format';
import { loadGlance, readSnapshot, writeSnapshot, type Glance as GlanceData } from '@/lib/glance';
import { useLiveQuery } from '@/lib/use-live-query';
import { PaperCard } from './PaperCard';
import { RefreshButton } from './RefreshButton';
import { StatusLine } from './StatusLine';

/**
 * The day's papers. Paints first from the localStorage snapshot (no IndexedDB wait), then follows
 * the cache live. Showing the newest day marks it seen, which clears the badge.
 */
export function Glance({ compact = false, limit }: { compact?: boolean; limit?: number }) {
  const glance = useLiveQuery<GlanceData | undefined>(() => loadGlance(db()), [], readSnapshot());

  useEffect(() => {
    if (!glance) return;
    writeSnapshot(glance);
  }, [glance]);

  const shownDay = glance?.day?.date;
  useEffect(() => {
    if (!shownDay) return;
    // A tab left open in the background has not been looked at: mark seen when it is visible.
    const mark = () => {
      if (document.visibilityState === 'visible') void markSeen(db());
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [shownDay]);

  const papers = limit ? glance?.papers.slice(0, limit) : glance?.papers;
  return (
    <main class={compact ? 'glance compact' : 'glance'}>
      <header class="glance-header">
        <h1>
          Daily Papers
          {glance?.day && <span class="day-label"> · {dayLabel(glance.day.date, Date.now())}</span>}
        </h1>
        <div class="toolbar">
          {glance && <StatusLine status={glance.status} />}
          <RefreshButton />
        </div>
      </header>
      {glance?.newestEmpty && glance.day && (
        <p class="notice">
          No papers for {dayLabel(glance.newestEmpty, Date.now())} yet; showing {dayLabel(glance.day.date, Date.now())}.
        </p>
      )}
      {glance && !glance.day && (
        <p class="notice">No papers cached yet. They appear here as soon as Hugging Face answers.</p>
      )}
      <section class="papers" aria-label="Papers">
        {papers?.map((p) => (
          <PaperCard key={p.id} paper={p} compact={compact} />
        ))}
      </section>
    </main>
  );
}
