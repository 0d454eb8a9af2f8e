import { t } from '@/lib/core/i18n';
import type { Paper } from '@/lib/core/paper';
import { isArxivId } from '@/lib/core/arxiv-id';
import { arxivAbsUrl, arxivPdfUrl } from '@/lib/core/paper-links';
import { safeHttpUrl } from '@/lib/core/safe-url';

/** arXiv abstract and PDF, GitHub (with stars) and project page, each only when known and http(s). */
export function PaperLinks({ paper }: { paper: Paper }) {
  const github = safeHttpUrl(paper.githubRepo);
  const project = safeHttpUrl(paper.projectPage);
  const arxiv = isArxivId(paper.id);
  return (
    <ul class="links" aria-label={t('links')}>
      {arxiv && (
        <>
          <li>
            <a href={arxivAbsUrl(paper.id)} rel="noopener noreferrer">
              arXiv
            </a>
          </li>
          <li>
            <a href={arxivPdfUrl(paper.id)} rel="noopener noreferrer">
              PDF
            </a>
          </li>
        </>
      )}
      {github && (
        <li>
          <a href={github} rel="noopener noreferrer">
            GitHub{paper.githubStars !== undefined ? ` ★ ${formatCount(paper.githubStars)}` : ''}
          </a>
        </li>
      )}
      {project && (
        <li>
          <a href={project} rel="noopener noreferrer">
            {t('projectPage')}
          </a>
        </li>
      )}
    </ul>
  );
}

export function formatCount(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(n >= 10_000 ? 0 : 1)}k` : String(n);
}
