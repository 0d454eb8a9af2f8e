import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/core/i18n';
import type { Followed } from '@/lib/core/follows';
import type { Paper } from '@/lib/core/paper';
import type { FollowKind, Follows } from '@/lib/hooks/use-follows';
import { isOrg, isPerson } from '@/lib/views/follow-match';

/**
 * "Follow…" on a paper card, opened in place from its menu or the `f` key: the paper's
 * organization and authors, each a toggle ("Follow <name>", pressed when followed). An author is
 * followed by their Hub account when the feed links one, else by name; an organization by its Hub
 * name. Escape or Close returns to the card's menu button.
 */
export function FollowPanel({
  paper,
  follows,
  idPrefix,
  onClose,
}: {
  paper: Paper;
  follows: Follows;
  idPrefix: string;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.querySelector<HTMLButtonElement>('button')?.focus(), []);
  const org = paper.organization;
  return (
    <div
      ref={ref}
      id={`${idPrefix}-follow`}
      class="follow-panel"
      role="group"
      aria-label={t('followMenu')}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        e.preventDefault();
        onClose();
      }}
    >
      <ul class="follow-list">
        {org && (
          <FollowToggle
            kind="orgs"
            entry={{ name: org.fullname || org.name, hub: org.name }}
            matches={(f) => isOrg(f, org)}
            follows={follows}
            org
          />
        )}
        {paper.authors.map((name, i) => {
          const user = paper.authorUsers?.[i] || undefined;
          return (
            <FollowToggle
              key={`${i}-${name}`}
              kind="people"
              entry={user ? { name, hub: user } : { name }}
              matches={(f) => isPerson(f, name, user)}
              follows={follows}
            />
          );
        })}
      </ul>
      <button type="button" class="link-button" onClick={onClose}>
        {t('close')}
      </button>
    </div>
  );
}

function FollowToggle({
  kind,
  entry,
  matches,
  follows,
  org = false,
}: {
  kind: FollowKind;
  entry: Followed;
  matches: (f: Followed) => boolean;
  follows: Follows;
  org?: boolean;
}) {
  const byHand = follows[kind].filter(matches);
  const viaHf = follows.viaHf[kind].some(matches);
  const pressed = byHand.length > 0 || viaHf;
  return (
    <li>
      <button
        type="button"
        class="follow-toggle"
        aria-pressed={pressed}
        // Followed only through the Hugging Face account: unfollowed there, not here.
        disabled={viaHf && !byHand.length}
        onClick={() => (byHand.length ? follows.remove(kind, byHand) : follows.add(kind, entry))}
      >
        {t('followName', entry.name)}
      </button>
      {org && <span class="subtle"> {t('followOrgSuffix')}</span>}
      {viaHf && !byHand.length && <span class="subtle"> {t('followViaHf')}</span>}
    </li>
  );
}
