import { useRef, useState } from 'preact/hooks';
import { db } from '@/lib/store/db';
import { toBackup } from '@/lib/reading-list/backup';
import { toBibtex } from '@/lib/reading-list/bibtex/export';
import { toCsv } from '@/lib/reading-list/export/csv';
import { toMarkdown } from '@/lib/reading-list/export/markdown';
import { t } from '@/lib/core/i18n';
import { importText } from '@/lib/reading-list/import';
import type { SavedPaper } from '@/lib/core/saved';
import { send } from '@/lib/core/messages';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export in four formats; import a JSON backup or BibTeX. */
export function ExportImport({ list }: { list: SavedPaper[] }) {
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const fileRef = useRef<HTMLInputElement>(null);
  const stamp = new Date().toISOString().slice(0, 10);
  async function onFile(file: File) {
    const outcome = await importText(db(), await file.text());
    setResult(outcome.ok ? { ok: true, text: outcome.message } : { ok: false, text: outcome.error });
    if (fileRef.current) fileRef.current.value = '';
    // Completing asks Hugging Face: the background does it (pages carry no network client).
    if (outcome.ok) void send({ type: 'completeIncomplete' }).catch(() => undefined);
  }
  return (
    <section class="export-import" aria-label={t('exportImport')}>
      <button type="button" onClick={() => download(`papertab-${stamp}.bib`, 'application/x-bibtex', toBibtex(list))}>
        {t('exportBibtex')}
      </button>
      <button type="button" onClick={() => download(`papertab-${stamp}.md`, 'text/markdown', toMarkdown(list))}>
        {t('exportMarkdown')}
      </button>
      <button type="button" onClick={() => download(`papertab-${stamp}.csv`, 'text/csv', toCsv(list))}>
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
          accept=".json,.bib,.bibtex,application/json,text/plain"
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
