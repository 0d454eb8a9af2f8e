import { t } from '@/lib/core/i18n';
import type { Followed } from '@/lib/core/follows';
import type { Paper } from '@/lib/core/paper';
import type { FollowKind, Follows } from '@/lib/hooks/use-follows';
import { isOrg, isPerson } from '@/lib/views/follow-match';

/**
 * The open "Follow…" menu: the paper's organization and authors, each a toggle ("Follow <name>",
 * pressed when followed). An author is followed by their Hub account when the feed links one,
 * else by name; an organization by its Hub name.
 */
export function FollowList({ paper, follows, listId }: { paper: Paper; follows: Follows; listId: string }) {
  const org = paper.organization;
  return (
    <ul id={listId} class="follow-list">
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
