import { useState } from 'preact/hooks';
import { t } from '@/lib/core/i18n';
import type { SavedPaper } from '@/lib/core/saved';
import { ExportButtons } from './ExportButtons';
import { ImportFile } from './ImportFile';

type Scope = 'all' | 'shown' | 'selected';

export interface ExportImportProps {
  /** The whole reading list: what the JSON backup holds, and what citation keys are made from. */
  list: SavedPaper[];
  /** The papers the current filter shows, when there is one to choose. */
  shown?: SavedPaper[];
  /** The selected papers, when any. */
  selected?: SavedPaper[];
}

/** Export in seven formats (the whole list, the shown papers or the selection); import a backup, BibTeX, RIS or CSL-JSON. */
export function ExportImport({ list, shown, selected }: ExportImportProps) {
  const [choice, setScope] = useState<Scope>('all');
  const scopes: [Scope, SavedPaper[] | undefined][] = [
    ['all', list],
    ['shown', shown && shown.length !== list.length ? shown : undefined],
    ['selected', selected?.length ? selected : undefined],
  ];
  const offered = scopes.filter(([, p]) => p);
  // A scope that went away (the selection cleared) falls back to the whole list.
  const scope = offered.find(([s]) => s === choice)?.[0] ?? 'all';
  const papers = offered.find(([s]) => s === scope)![1]!;
  const labels: Record<Scope, string> = {
    all: t('exportScopeAll', list.length),
    shown: t('exportScopeShown', shown?.length ?? 0),
    selected: t('exportScopeSelected', selected?.length ?? 0),
  };
  return (
    <section class="export-import" aria-label={t('exportImport')}>
      {offered.length > 1 && (
        <label class="export-scope">
          {t('exportScope')}{' '}
          <select value={scope} onChange={(e) => setScope((e.target as HTMLSelectElement).value as Scope)}>
            {offered.map(([s]) => (
              <option key={s} value={s}>
                {labels[s]}
              </option>
            ))}
          </select>
        </label>
      )}
      <ExportButtons list={list} papers={papers} scope={scope} />
      <ImportFile />
    </section>
  );
}
