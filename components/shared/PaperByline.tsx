import { t } from '@/lib/core/i18n';
import type { Paper } from '@/lib/core/paper';
import { safeHfImageUrl } from '@/lib/core/safe-url';
import { Highlight } from './Highlight';

const MAX_AUTHORS = 3;

/** The first few authors then "+N", and the organization with its avatar when there is one. */
export function PaperByline({ paper, terms = [] }: { paper: Paper; terms?: string[] }) {
  const more = paper.authors.length - MAX_AUTHORS;
  const org = paper.organization;
  const avatar = safeHfImageUrl(org?.avatar);
  return (
    <p class="byline">
      {org && (
        <span class="org">
          {avatar && (
            <img
              src={avatar}
              alt=""
              width={16}
              height={16}
              loading="lazy"
              decoding="async"
              // Offline or gone: no broken-image box (Firefox draws one), just the name.
              onError={(e) => ((e.target as HTMLImageElement).hidden = true)}
            />
          )}
          <Highlight text={org.fullname ?? org.name} terms={terms} />
        </span>
      )}
      {paper.authors.length > 0 && (
        <span class="authors" title={paper.authors.join(', ')}>
          <Highlight text={paper.authors.slice(0, MAX_AUTHORS).join(', ')} terms={terms} />
          {more > 0 && (
            <>
              <span aria-hidden="true"> +{more}</span>
              <span class="sr-only"> {t('moreAuthors', more)}</span>
            </>
          )}
        </span>
      )}
    </p>
  );
}
