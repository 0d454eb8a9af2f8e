// @vitest-environment node
/**
 * The fences hold: each kind of forbidden import, planted in a throwaway file (linted in memory at
 * a path inside the tree, so the resolver sees exactly what a real file there would import), makes
 * lint fail; a file that keeps to the table passes. And the README's picture is the table's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the lint config is plain JavaScript, with no type declarations.
import { architecturePicture, MAY_IMPORT } from '../../eslint.config.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

const FENCE_RULES = new Set([
  'no-restricted-imports',
  'import-x/no-restricted-paths',
  'import-x/no-unresolved',
  'no-restricted-syntax',
]);
/** The fence errors lint reports for `code` planted at `file`. */
async function fenceErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId && FENCE_RULES.has(m.ruleId)).map((m) => m.message);
}

const COMPONENT = 'components/shared/Planted.tsx';
const PAGE = 'entrypoints/newtab/planted.ts';
const CONTENT = 'entrypoints/planted.content.ts';
const VIEWS = 'lib/views/planted.ts';

/** [kind, where it is planted, what it says]: each must fail lint. */
const FORBIDDEN: [string, string, string][] = [
  // Through the `~/` alias (3).
  ['~/ alias: a component imports the HF client', COMPONENT, `import { fetchPaper } from '~/lib/hf/hf-api';`],
  ['~/ alias: a content script imports the store', CONTENT, `import { db } from '~/lib/store/db';`],
  ['~/ alias: a view imports the worker', VIEWS, `import { createBackground } from '~/lib/background/main';`],
  // Through the other aliases.
  ['@/ alias: a component imports the gate', COMPONENT, `import { askHf } from '@/lib/hf/gate';`],
  ['~~/ alias: a page imports the refresh', PAGE, `import { refreshFeed } from '~~/lib/hf/refresh';`],
  ['@@/ alias: a view imports a hook', VIEWS, `import { useSettings } from '@@/lib/hooks/use-settings';`],
  // `../lib/...` from outside lib/ (4).
  ['../lib: a component imports the HF client', COMPONENT, `import { getJson } from '../../lib/hf/hf-api';`],
  ['../lib: a content script imports the store', CONTENT, `import { db } from '../lib/store/db';`],
  ['../lib: a page imports the range fetch', PAGE, `import { fetchRange } from '../../lib/hf/range-fetch';`],
  ['../lib: a component imports the worker', COMPONENT, `import { SAVE_COMMAND } from '../../lib/background/main';`],
  // Dynamic import() (4), and one whose path is computed.
  ['import(): a component loads the HF search', COMPONENT, `void import('../../lib/hf/hf-search');`],
  ['import(): a content script loads the store', CONTENT, `void import('@/lib/store/papers');`],
  ['import(): a content script loads Dexie', CONTENT, `void import('dexie');`],
  ['import(): a view loads the worker', VIEWS, `void import('../background/alarms');`],
  ['import() of a computed path', COMPONENT, `const where = '../../lib/hf/'; void import(where + 'gate');`],
  // The modules that reach Hugging Face, from pages and from lib/ folders below the background (5+).
  ['network: a view imports the archive fetch', VIEWS, `import { runArchive } from '../hf/archive';`],
  ['network: a component imports artifacts', COMPONENT, `import { checkArtifacts } from '@/lib/hf/artifacts';`],
  ['network: a hook imports the follow list fetch', 'lib/hooks/planted.ts', `import '../hf/hf-following';`],
  ['network: the reading list imports repos', 'lib/reading-list/planted.ts', `import '../hf/hf-repos';`],
  ['network: the store imports trending fetch', 'lib/store/planted.ts', `import '../hf/trending-fetch';`],
  ['network: the HF schema from a page', PAGE, `import { parsePaper } from '@/lib/hf/hf-schema';`],
  // `export … from` (a re-export is an import).
  ['export from: a view re-exports the HF client', VIEWS, `export { fetchPaper } from '../hf/hf-api';`],
  ['export * from: a component re-exports the gate', COMPONENT, `export * from '@/lib/hf/gate';`],
  [
    'export type from: core re-exports a store type',
    'lib/core/planted.ts',
    `export type { PapertabDB } from '../store/db';`,
  ],
  // The other nevers.
  ['a content script imports Dexie', CONTENT, `import Dexie from 'dexie';`],
  ['paper-page imports Dexie', 'lib/paper-page/planted.ts', `import { liveQuery } from 'dexie';`],
  ['paper-page imports the store', 'lib/paper-page/planted.ts', `import { db } from '../store/db';`],
  ['a content script imports a view', CONTENT, `import { viewModel } from '@/lib/views/view';`],
  ['lib/ imports a component', VIEWS, `import { PaperCard } from '../../components/shared/PaperCard';`],
  ['lib/ imports an entrypoint', 'lib/store/planted.ts', `import '../../entrypoints/newtab/app';`],
  [
    'an upward arrow: store imports views',
    'lib/store/planted.ts',
    `import type { Ranker } from '../hooks/use-for-you';`,
  ],
  ['an upward arrow: core imports sync', 'lib/core/planted.ts', `import { merge } from '../sync/merge';`],
  ['an import the resolver cannot follow', VIEWS, `import '../nowhere/planted';`],
];

describe('the fences (eslint.config.js) hold on resolved paths', () => {
  it.each(FORBIDDEN)('%s: lint fails', async (_kind, file, code) => {
    expect(await fenceErrors(file, code)).not.toEqual([]);
  });

  it('a file that keeps to the table passes', async () => {
    const code = [
      `import { t } from '~/lib/core/i18n';`,
      `import { db } from '@/lib/store/db';`,
      `import { useSettings } from '../../lib/hooks/use-settings';`,
      `import { PaperList } from './PaperList';`,
      `export { viewModel } from '@/lib/views/view';`,
      `void import('../../lib/views/rank/index');`,
      `export const used = [t, db, useSettings, PaperList];`,
    ].join('\n');
    expect(await fenceErrors(COMPONENT, code)).toEqual([]);
    expect(await fenceErrors('lib/background/planted.ts', `import '../hf/hf-api';\nimport '../store/db';`)).toEqual([]);
    expect(await fenceErrors(CONTENT, `import { runPaperPage } from '@/lib/paper-page/controller';`)).toEqual([]);
  });
});

describe('the table', () => {
  it('has a row for every lib/ folder, and lib/ has no loose files', () => {
    const entries = readdirSync(path.join(ROOT, 'lib'), { withFileTypes: true });
    expect(entries.filter((e) => !e.isDirectory()).map((e) => e.name)).toEqual([]);
    expect(entries.map((e) => e.name).sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  it('is the picture in the README', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- architecture: drawn from eslint\.config\.js -->\s*```\n([\s\S]*?)\n```/.exec(readme);
    expect(block?.[1], 'README: paste the output of architecturePicture() from eslint.config.js').toBe(
      architecturePicture(),
    );
  });
});
