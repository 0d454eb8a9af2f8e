import type { CodeRelease, PaperArtifacts } from '@/lib/core/extras';
import { shortDate } from '@/lib/core/format';
import { t } from '@/lib/core/i18n';
import { isHubRepoId, safeHttpUrl } from '@/lib/core/safe-url';

const HUB = 'https://huggingface.co';

function hubLinks(ids: string[], path: string): { id: string; href: string }[] {
  return ids.flatMap((id) => {
    // As the background validated them; checked again here before they become links.
    if (!isHubRepoId(id)) return [];
    const href = safeHttpUrl(`${HUB}${path}${id.split('/').map(encodeURIComponent).join('/')}`);
    return href ? [{ id, href }] : [];
  });
}

/** On a saved paper: "Code released" when its code appeared after it was saved, and the models, datasets and Spaces citing it. */
export function SavedPaperExtras({ release, artifacts }: { release?: CodeRelease; artifacts?: PaperArtifacts }) {
  const groups = artifacts
    ? ([
        ['artifactsModels', hubLinks(artifacts.models, '/')],
        ['artifactsDatasets', hubLinks(artifacts.datasets, '/datasets/')],
        ['artifactsSpaces', hubLinks(artifacts.spaces, '/spaces/')],
      ] as const)
    : [];
  const any = groups.some(([, links]) => links.length > 0);
  if (!release && !any) return null;
  return (
    <div class="saved-extras">
      {release && (
        <p class="code-released" title={t('codeReleasedTitle', shortDate(new Date(release.at).toISOString()))}>
          <span class="code-released-mark">{t('codeReleased')}</span>
        </p>
      )}
      {any && (
        <section class="artifacts" aria-label={t('artifactsHeading')}>
          {groups.map(([label, links]) =>
            links.length ? (
              <p key={label}>
                <span>{t(label)}: </span>
                {links.map((l, i) => (
                  <span key={l.id}>
                    {i > 0 && ', '}
                    <a href={l.href} rel="noopener noreferrer">
                      {l.id}
                    </a>
                  </span>
                ))}
              </p>
            ) : null,
          )}
        </section>
      )}
    </div>
  );
}
