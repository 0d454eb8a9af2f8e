import { useState } from 'preact/hooks';
import type { Paper } from '@/lib/paper';
import type { CompiledWatch } from '@/lib/watch';
import { PaperCard } from './PaperCard';

const PAGE = 100;

export interface PaperListProps {
  papers: Paper[];
  label: string;
  saved: Set<string>;
  onToggleSave: (p: Paper) => void;
  expanded: Set<string>;
  onToggleAbstract: (id: string) => void;
  terms?: string[];
  watch?: CompiledWatch;
}

/** Renders the first hundred papers and more on request, so a month or a broad search stays fast. */
export function PaperList({
  papers,
  label,
  saved,
  onToggleSave,
  expanded,
  onToggleAbstract,
  terms,
  watch,
}: PaperListProps) {
  const [shown, setShown] = useState(PAGE);
  return (
    <section class="papers" aria-label={label}>
      {papers.slice(0, shown).map((p) => (
        <PaperCard
          key={p.id}
          paper={p}
          saved={saved.has(p.id)}
          onToggleSave={onToggleSave}
          expanded={expanded.has(p.id)}
          onToggleAbstract={onToggleAbstract}
          terms={terms}
          watchTerms={watch?.match(p)?.terms}
        />
      ))}
      {papers.length > shown && (
        <button type="button" class="more" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, papers.length - shown)} more of {papers.length}
        </button>
      )}
    </section>
  );
}
