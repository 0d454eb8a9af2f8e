import { db } from '@/lib/db';
import { useLiveQuery } from '@/lib/use-live-query';
import { useSaved } from '@/lib/use-saved';
import { PaperCard } from './PaperCard';
import { UndoToast } from './UndoToast';

/** Every saved paper, newest first. */
export function ReadingListApp() {
  const list = useLiveQuery(() => db().saved.orderBy('savedAt').reverse().toArray(), [], undefined);
  const saved = useSaved();
  return (
    <>
      <header class="top">
        <div class="top-row">
          <h1>
            Reading list
            {list && <span class="count"> ({list.length})</span>}
          </h1>
          <a href="/newtab.html">Daily Papers</a>
        </div>
      </header>
      <main class="glance">
        {list && list.length === 0 && <p class="notice">Nothing saved yet. Press Save on any paper.</p>}
        <section class="papers" aria-label="Saved papers">
          {list?.map((s) => (
            <PaperCard key={s.id} paper={s.paper} saved={saved.ids.has(s.id)} onToggleSave={saved.toggle} />
          ))}
        </section>
      </main>
      {saved.removed && <UndoToast title={saved.removed.paper.title} onUndo={saved.undo} onDismiss={saved.dismiss} />}
    </>
  );
}
