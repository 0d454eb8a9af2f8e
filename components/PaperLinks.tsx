import { t } from '@/lib/core/i18n';
import type { Paper } from '@/lib/core/paper';
import { safeHttpUrl } from '@/lib/core/safe-url';

const NEW_STYLE_ID = /^\d{4}\.\d{4,5}$/;

/** arXiv abstract and PDF, GitHub (with stars) and project page, each only when known and http(s). */
export function PaperLinks({ paper }: { paper: Paper }) {
  const github = safeHttpUrl(paper.githubRepo);
  const project = safeHttpUrl(paper.projectPage);
  const arxiv = NEW_STYLE_ID.test(paper.id) || paper.id.includes('/');
  return (
    <ul class="links" aria-label={t('links')}>
      {arxiv && (
        <>
          <li>
            <a href={`https://arxiv.org/abs/${paper.id}`} rel="noopener noreferrer">
              arXiv
            </a>
          </li>
          <li>
            <a href={`https://arxiv.org/pdf/${paper.id}`} rel="noopener noreferrer">
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
