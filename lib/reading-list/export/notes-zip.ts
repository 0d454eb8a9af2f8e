/** The note files (notes.ts) as one zip, loaded only when the user asks for it. */
import { strToU8, zipSync } from 'fflate';
import type { SavedPaper } from '../../core/saved';
import { noteFiles } from './notes';

export function notesZip(list: readonly SavedPaper[], folder: string, keys?: Map<string, string>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const f of noteFiles(list, keys)) files[`${folder}/${f.name}`] = strToU8(f.text);
  return zipSync(files, { level: 6 });
}
