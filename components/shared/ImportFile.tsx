import { useRef, useState } from 'preact/hooks';
import { db } from '@/lib/store/db';
import { t } from '@/lib/core/i18n';
import { importText } from '@/lib/reading-list/import';
import { send } from '@/lib/core/send';

/** Import a backup, BibTeX, RIS or CSL-JSON file, and say what came of it. */
export function ImportFile() {
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const fileRef = useRef<HTMLInputElement>(null);
  async function onFile(file: File) {
    const outcome = await importText(db(), await file.text());
    setResult(outcome.ok ? { ok: true, text: outcome.message } : { ok: false, text: outcome.error });
    if (fileRef.current) fileRef.current.value = '';
    // Completing asks Hugging Face: the background does it (pages carry no network client).
    if (outcome.ok) void send({ type: 'completeIncomplete' }).catch(() => undefined);
  }
  return (
    <>
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
    </>
  );
}
