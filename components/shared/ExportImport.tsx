import { useRef, useState } from 'preact/hooks';
import { db } from '@/lib/store/db';
import { toBackup } from '@/lib/reading-list/backup';
import { bibtexKeys, toBibtex } from '@/lib/reading-list/bibtex/export';
import { toCsv } from '@/lib/reading-list/export/csv';
import { toMarkdown } from '@/lib/reading-list/export/markdown';
import { toRis } from '@/lib/reading-list/export/ris';
import { toCslJson } from '@/lib/reading-list/export/csl';
import { t } from '@/lib/core/i18n';
import { importText } from '@/lib/reading-list/import';
import type { SavedPaper } from '@/lib/core/saved';
import { send } from '@/lib/core/send';

function download(name: string, type: string, data: string | Uint8Array<ArrayBuffer>) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

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
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const [choice, setScope] = useState<Scope>('all');
  const fileRef = useRef<HTMLInputElement>(null);
  const stamp = new Date().toISOString().slice(0, 10);
  const scopes: [Scope, SavedPaper[] | undefined][] = [
    ['all', list],
    ['shown', shown && shown.length !== list.length ? shown : undefined],
    ['selected', selected?.length ? selected : undefined],
  ];
  // A scope that went away (the selection cleared) falls back to the whole list.
  const scope = scopes.find(([s, papers]) => s === choice && papers)?.[0] ?? 'all';
  const papers = scopes.find(([s]) => s === scope)![1]!;
  const name = scope === 'all' ? `papertab-${stamp}` : `papertab-${scope}-${stamp}`;
  // Keys from the whole list: a paper exported alone or in a filter keeps the key it has in full exports.
  const keys = () => bibtexKeys(list);
  async function onFile(file: File) {
    const outcome = await importText(db(), await file.text());
    setResult(outcome.ok ? { ok: true, text: outcome.message } : { ok: false, text: outcome.error });
    if (fileRef.current) fileRef.current.value = '';
    // Completing asks Hugging Face: the background does it (pages carry no network client).
    if (outcome.ok) void send({ type: 'completeIncomplete' }).catch(() => undefined);
  }
  async function exportNotes() {
    // The zip code (fflate) loads only when a zip is asked for.
    const { notesZip } = await import('@/lib/reading-list/export/notes-zip');
    download(
      `${name}-notes.zip`,
      'application/zip',
      notesZip(papers, `${name}-notes`, keys()) as Uint8Array<ArrayBuffer>,
    );
  }
  const labels: Record<Scope, string> = {
    all: t('exportScopeAll', list.length),
    shown: t('exportScopeShown', shown?.length ?? 0),
    selected: t('exportScopeSelected', selected?.length ?? 0),
  };
  return (
    <section class="export-import" aria-label={t('exportImport')}>
      {scopes.filter(([, p]) => p).length > 1 && (
        <label class="export-scope">
          {t('exportScope')}{' '}
          <select value={scope} onChange={(e) => setScope((e.target as HTMLSelectElement).value as Scope)}>
            {scopes
              .filter(([, p]) => p)
              .map(([s]) => (
                <option key={s} value={s}>
                  {labels[s]}
                </option>
              ))}
          </select>
        </label>
      )}
      <button type="button" onClick={() => download(`${name}.bib`, 'application/x-bibtex', toBibtex(papers, keys()))}>
        {t('exportBibtex')}
      </button>
      <button
        type="button"
        onClick={() => download(`${name}.ris`, 'application/x-research-info-systems', toRis(papers))}
      >
        {t('exportRis')}
      </button>
      <button
        type="button"
        onClick={() =>
          download(`${name}.csl.json`, 'application/vnd.citationstyles.csl+json', toCslJson(papers, keys()))
        }
      >
        {t('exportCslJson')}
      </button>
      <button type="button" onClick={() => download(`${name}.md`, 'text/markdown', toMarkdown(papers))}>
        {t('exportMarkdown')}
      </button>
      <button type="button" onClick={() => void exportNotes()}>
        {t('exportNotesZip')}
      </button>
      <button type="button" onClick={() => download(`${name}.csv`, 'text/csv', toCsv(papers))}>
        {t('exportCsv')}
      </button>
      <button
        type="button"
        onClick={() => download(`papertab-backup-${stamp}.json`, 'application/json', toBackup(list, Date.now()))}
      >
        {t('exportJson')}
      </button>
      <label class="import">
        <span>{t('importFile')}</span>
        <input
          ref={fileRef}
          type="file"
          accept=".json,.bib,.bibtex,.ris,.txt,application/json,application/x-research-info-systems,text/plain"
          onChange={(e) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            if (f) void onFile(f);
          }}
        />
      </label>
      {result && (
        <p class={result.ok ? 'import-result' : 'import-result error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </p>
      )}
    </section>
  );
}
