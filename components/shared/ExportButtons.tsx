import { toBackup } from '@/lib/reading-list/backup';
import { bibtexKeys, toBibtex } from '@/lib/reading-list/bibtex/export';
import { toCsv } from '@/lib/reading-list/export/csv';
import { toMarkdown } from '@/lib/reading-list/export/markdown';
import { toRis } from '@/lib/reading-list/export/ris';
import { toCslJson } from '@/lib/reading-list/export/csl';
import { t, type PlainKey } from '@/lib/core/i18n';
import type { SavedPaper } from '@/lib/core/saved';

function download(name: string, type: string, data: string | Uint8Array<ArrayBuffer>) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface Made {
  /** The file name after `papertab[-scope]-<date>`. */
  ending: string;
  type: string;
  data: string | Uint8Array<ArrayBuffer>;
}
/** What each button makes from the papers; citation keys come from the whole list. */
type Format = [PlainKey, (papers: SavedPaper[], keys: () => Map<string, string>, base: string) => Made | Promise<Made>];

const FORMATS: Format[] = [
  ['exportBibtex', (p, keys) => ({ ending: '.bib', type: 'application/x-bibtex', data: toBibtex(p, keys()) })],
  ['exportRis', (p) => ({ ending: '.ris', type: 'application/x-research-info-systems', data: toRis(p) })],
  [
    'exportCslJson',
    (p, keys) => ({ ending: '.csl.json', type: 'application/vnd.citationstyles.csl+json', data: toCslJson(p, keys()) }),
  ],
  ['exportMarkdown', (p) => ({ ending: '.md', type: 'text/markdown', data: toMarkdown(p) })],
  [
    'exportNotesZip',
    async (p, keys, base) => {
      // The zip code (fflate) loads only when a zip is asked for.
      const { notesZip } = await import('@/lib/reading-list/export/notes-zip');
      return {
        ending: '-notes.zip',
        type: 'application/zip',
        data: notesZip(p, `${base}-notes`, keys()) as Uint8Array<ArrayBuffer>,
      };
    },
  ],
  ['exportCsv', (p) => ({ ending: '.csv', type: 'text/csv', data: toCsv(p) })],
];

/** One button per export format, for the papers in scope; then the JSON backup, always of the whole list. */
export function ExportButtons({ list, papers, scope }: { list: SavedPaper[]; papers: SavedPaper[]; scope: string }) {
  const stamp = new Date().toISOString().slice(0, 10);
  const base = scope === 'all' ? `papertab-${stamp}` : `papertab-${scope}-${stamp}`;
  // Keys from the whole list: a paper exported alone or in a filter keeps the key it has in full exports.
  const keys = () => bibtexKeys(list);
  return (
    <>
      {FORMATS.map(([label, make]) => (
        <button
          key={label}
          type="button"
          onClick={() =>
            void Promise.resolve(make(papers, keys, base)).then((m) => download(`${base}${m.ending}`, m.type, m.data))
          }
        >
          {t(label)}
        </button>
      ))}
      <button
        type="button"
        onClick={() => download(`papertab-backup-${stamp}.json`, 'application/json', toBackup(list, Date.now()))}
      >
        {t('exportJson')}
      </button>
    </>
  );
}
