import { t } from '@/lib/core/i18n';
import type { Paper } from '@/lib/core/paper';
import { isArxivId } from '@/lib/core/arxiv-id';
import { arxivAbsUrl, arxivPdfUrl } from '@/lib/core/paper-links';
import { codeRepoLink, safeHttpUrl } from '@/lib/core/safe-url';

/** arXiv abstract and PDF, the code repository (GitHub, with stars, or another known code host) and project page, each only when known and safe. */
export function PaperLinks({ paper }: { paper: Paper }) {
  const code = codeRepoLink(paper.githubRepo);
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
      {code && (
        <li>
          <a href={code.href} rel="noopener noreferrer">
            {code.host}
            {paper.githubStars !== undefined ? ` ★ ${formatCount(paper.githubStars)}` : ''}
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
