import type { PaperArtifacts } from '@/lib/core/extras';
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

/** On a saved paper, opened in place: the models, datasets and Spaces citing it. */
export function SavedPaperExtras({ artifacts }: { artifacts?: PaperArtifacts }) {
  const groups = artifacts
    ? ([
        ['artifactsModels', hubLinks(artifacts.models, '/')],
        ['artifactsDatasets', hubLinks(artifacts.datasets, '/datasets/')],
        ['artifactsSpaces', hubLinks(artifacts.spaces, '/spaces/')],
      ] as const)
    : [];
  if (!groups.some(([, links]) => links.length > 0)) return null;
  return (
    <section class="artifacts saved-extras" aria-label={t('artifactsHeading')}>
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
  );
}
