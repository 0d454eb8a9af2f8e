import { useEffect } from 'preact/hooks';
import type { CodeRelease, PaperArtifacts } from '@/lib/core/extras';
import { send } from '@/lib/core/send';
import { db } from '@/lib/store/db';
import { readCodeReleased } from '@/lib/store/code-released';
import { useLiveQuery } from './use-live-query';

export interface SavedExtras {
  released: Record<string, CodeRelease>;
  artifacts: Map<string, PaperArtifacts>;
}

const PREFIX = 'artifacts:';

/**
 * What the background found about saved papers: code released since they were saved, and the
 * Hub artifacts citing them. Opening the reading list asks the background to look up the papers
 * that are due (each at most once a day); the answers arrive through the database.
 */
export function useSavedExtras(): SavedExtras {
  useEffect(() => {
    void send({ type: 'checkArtifacts' }).catch(() => undefined);
  }, []);
  return useLiveQuery<SavedExtras>(
    async () => {
      const [released, recs] = await Promise.all([
        readCodeReleased(db()),
        db().meta.where('key').startsWith(PREFIX).toArray(),
      ]);
      return {
        released,
        artifacts: new Map(recs.map((r) => [r.key.slice(PREFIX.length), r.value as PaperArtifacts])),
      };
    },
    [],
    { released: {}, artifacts: new Map() },
  );
}
