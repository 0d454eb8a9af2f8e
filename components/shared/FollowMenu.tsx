import { useState } from 'preact/hooks';
import { t } from '@/lib/core/i18n';
import type { Paper } from '@/lib/core/paper';
import type { Follows } from '@/lib/hooks/use-follows';
import { lazyComponent } from '@/lib/hooks/lazy';

// The people to follow load when the menu first opens (or is about to), not with every card.
const FollowList = lazyComponent(() => import('./FollowList').then((m) => m.FollowList));

/** "Follow…" on a paper card: opens the paper's organization and authors, each a toggle (FollowList). */
export function FollowMenu({ paper, follows, idPrefix }: { paper: Paper; follows: Follows; idPrefix: string }) {
  const [open, setOpen] = useState(false);
  const listId = `${idPrefix}-follow`;
  return (
    <div class="follow-menu">
      <button
        type="button"
        class="link-button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        onPointerEnter={() => void FollowList.preload()}
        onFocus={() => void FollowList.preload()}
      >
        {t('followMenu')}
      </button>
      {open && <FollowList paper={paper} follows={follows} listId={listId} />}
    </div>
  );
}
