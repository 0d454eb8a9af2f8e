import type { Paper } from '@/lib/paper';
import { safeHttpUrl } from '@/lib/safe-url';
import { shortDate } from '@/lib/format';

const MAX_AUTHORS = 3;

export function paperUrl(id: string): string {
  return `https://huggingface.co/papers/${encodeURIComponent(id)}`;
}

function Authors({ paper }: { paper: Paper }) {
  const shown = paper.authors.slice(0, MAX_AUTHORS).join(', ');
  const more = paper.authors.length - MAX_AUTHORS;
  return (
    <span class="authors">
      {shown}
      {more > 0 ? ` +${more}` : ''}
    </span>
  );
}

export function PaperCard({ paper, compact = false }: { paper: Paper; compact?: boolean }) {
  const headingId = `paper-${paper.id.replace(/[^\w-]/g, '_')}`;
  return (
    <article class="paper" aria-labelledby={headingId} data-paper-id={paper.id}>
      <h2 class="paper-title" id={headingId}>
        <a href={paperUrl(paper.id)} target={compact ? '_blank' : undefined} rel="noopener noreferrer">
          {paper.title}
        </a>
      </h2>
      <p class="paper-meta">
        <span class="upvotes" aria-label={`${paper.upvotes} upvotes`}>
          ▲ {paper.upvotes}
        </span>
        {!compact && (
          <>
            {' · '}
            <span aria-label={`${paper.numComments} comments`}>💬 {paper.numComments}</span>
            {paper.authors.length > 0 && (
              <>
                {' · '}
                <Authors paper={paper} />
              </>
            )}
            {paper.publishedAt && (
              <>
                {' '}
                · <time dateTime={paper.publishedAt}>{shortDate(paper.publishedAt)}</time>
              </>
            )}
          </>
        )}
      </p>
      {!compact && paper.aiSummary && <p class="ai-summary">{paper.aiSummary}</p>}
      {!compact && safeHttpUrl(paper.githubRepo) && (
        <p class="links">
          <a href={safeHttpUrl(paper.githubRepo)} rel="noopener noreferrer">
            GitHub{paper.githubStars !== undefined ? ` ★ ${paper.githubStars}` : ''}
          </a>
        </p>
      )}
    </article>
  );
}
