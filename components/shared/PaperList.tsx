import { useState } from 'preact/hooks';
import { t } from '@/lib/core/i18n';
import type { Paper } from '@/lib/core/paper';
import type { CompiledWatch } from '@/lib/views/watch';
import type { Reason } from '@/lib/views/rank/rank';
import type { Follows } from '@/lib/hooks/use-follows';
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
  follows?: Follows;
  /** How many to render before "Show more" (search results: few, so each keystroke stays fast). */
  pageSize?: number;
  /** A new value starts paging over (a new query), without remounting the list. */
  resetKey?: string;
  /**
   * Search results change with every keystroke: their cards are keyed by position, so a new result
   * reuses the card before it (its text patched) instead of tearing one down and building another.
   */
  keyByPosition?: boolean;
  /** "For you": why each paper ranks high (asked only for the cards rendered). */
  reason?: (p: Paper) => Reason | undefined;
  onNotInterested?: (p: Paper) => void;
  /** Papers marked "Not interested" (shown through "Show all"). */
  notInterested?: Set<string>;
  /** Papers in the Zotero library, and "Send to Zotero" when Zotero is on. */
  inZotero?: Set<string>;
  onSendToZotero?: (p: Paper) => void;
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
  follows,
  pageSize = PAGE,
  resetKey = '',
  keyByPosition = false,
  reason,
  onNotInterested,
  notInterested,
  inZotero,
  onSendToZotero,
}: PaperListProps) {
  const [paging, setPaging] = useState({ key: resetKey, n: pageSize });
  const shown = paging.key === resetKey ? paging.n : pageSize;
  const setShown = (n: number) => setPaging({ key: resetKey, n });
  return (
    <section class="papers" aria-label={label}>
      {papers.slice(0, shown).map((p, i) => (
        <PaperCard
          key={keyByPosition ? i : p.id}
          paper={p}
          saved={saved.has(p.id)}
          onToggleSave={onToggleSave}
          expanded={expanded.has(p.id)}
          onToggleAbstract={onToggleAbstract}
          terms={terms}
          watchTerms={watch?.match(p)?.terms.join(', ')}
          reason={reason?.(p)}
          onNotInterested={onNotInterested}
          notInterested={notInterested?.has(p.id)}
          follows={follows}
          inZotero={inZotero?.has(p.id)}
          onSendToZotero={onSendToZotero}
        />
      ))}
      {papers.length > shown && (
        <button type="button" class="more" onClick={() => setShown(shown + pageSize)}>
          {t('showMore', Math.min(pageSize, papers.length - shown), papers.length)}
        </button>
      )}
    </section>
  );
}
