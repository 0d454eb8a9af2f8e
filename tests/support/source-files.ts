import { readdirSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The project's source files (ts/tsx, or what `ext` matches, under `dirs`), relative to the root. */
export function sourceFiles(dirs = ['lib', 'components', 'entrypoints'], ext = /\.tsx?$/): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => ext.test(f))
      .map((f) => path.join(dir, f).split(path.sep).join('/')),
  );
}
