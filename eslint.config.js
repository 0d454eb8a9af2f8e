import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const ROOT = import.meta.dirname;

/**
 * The house's one table: which lib/ folder may import which (besides itself). Arrows point one
 * way, records and ids at the bottom, the background's wiring at the top. Rows are listed bottom
 * up. The fences below and the README's picture ("How it is built", checked equal by
 * tests/unit/architecture.test.ts) are both drawn from it. A new lib/ folder gets a row here.
 */
export const MAY_IMPORT = {
  core: [],
  /** The search engine: one scoring core, the stored index's format and its reader. */
  search: ['core'],
  store: ['core', 'search'],
  sync: ['core', 'store'],
  'reading-list': ['core', 'store', 'sync'],
  views: ['core', 'store'],
  hooks: ['core', 'search', 'store', 'sync', 'reading-list', 'views'],
  /** Everything that reaches Hugging Face: only the background imports it. */
  hf: ['core', 'store', 'reading-list'],
  /** The content script's side: never the store (a content script's IndexedDB is the page's). */
  'paper-page': ['core'],
  /** Zotero desktop on 127.0.0.1: only the background imports it. */
  zotero: ['core', 'store', 'reading-list'],
  background: ['core', 'search', 'store', 'sync', 'reading-list', 'views', 'hf', 'zotero'],
};

/** Outside lib/: what each kind of entry may import from lib/ (besides components/ for pages). */
export const ENTRIES = [
  {
    name: 'pages',
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    ignores: ['entrypoints/background.ts', 'entrypoints/*.content.ts', 'entrypoints/*.content/**'],
    picture: 'entrypoints/ pages, components/',
    lib: ['core', 'search', 'store', 'sync', 'reading-list', 'views', 'hooks'],
    components: true,
    own: ['components/**', 'entrypoints/*/**'],
  },
  {
    name: 'background',
    files: ['entrypoints/background.ts'],
    picture: 'entrypoints/background.ts',
    lib: ['core', 'store', 'background'],
    own: [],
  },
  {
    name: 'content script',
    files: ['entrypoints/*.content.ts', 'entrypoints/*.content/**/*.{ts,tsx}'],
    picture: 'entrypoints/*.content.ts',
    lib: ['core', 'paper-page'],
    own: ['entrypoints/*.content/**'],
  },
];

/** The README's picture of the table, one row per line, top of the house first. */
export function architecturePicture() {
  const dirs = (names) => (names.length ? names.map((n) => `${n}/`).join(', ') : 'nothing');
  const rows = [
    ...ENTRIES.map((e) => [e.picture, dirs([...(e.components ? ['components'] : []), ...e.lib.toReversed()])]),
    ...Object.entries(MAY_IMPORT)
      .toReversed()
      .map(([folder, allowed]) => [`lib/${folder}/`, dirs(allowed.toReversed())]),
  ];
  const width = Math.max(...rows.map(([from]) => from.length));
  return rows.map(([from, to]) => `${from.padStart(width)} ─> ${to}`).join('\n');
}

const abs = (p) => path.join(ROOT, p);
/** Everything a fenced file might import from the project. */
const PROJECT = ['lib/**', 'components/**', 'entrypoints/**'];
/** What a content script never carries: a content script's IndexedDB is the web page's. */
const INDEXEDDB = ['node_modules/dexie/**', 'node_modules/fake-indexeddb/**'];
const NO_INDEXEDDB = new Set(['core', 'paper-page', 'content script']);
/** A file matched by `files` may import from the project only what `allowed` (globs) names. */
function fence(name, files, ignores, allowed, message) {
  const from = [...PROJECT, ...(NO_INDEXEDDB.has(name) ? INDEXEDDB : [])];
  return {
    files,
    ...(ignores ? { ignores } : {}),
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { zones: [{ target: abs('**/*'), from: from.map(abs), except: allowed.map(abs), message }] },
      ],
    },
  };
}
const libGlobs = (folders) => folders.map((f) => `lib/${f}/**`);
const named = (folders) => (folders.length ? folders.join(', ') : 'nothing else');

// The reading list has one owner (issue 18): only lib/store/reading-list.ts writes the `saved`
// table, and only it (and the deletion records' own module) writes deletions or the ids mirror.
// A rule of its own (not no-restricted-syntax), so no other block's selectors replace it.
const READING_LIST_OWNER = ['lib/store/reading-list.ts', 'lib/store/tombstones.ts'];
const SAVED_WRITE = '/^(put|add|bulkPut|bulkAdd|delete|update|bulkDelete|bulkUpdate|clear|modify|upsert)$/';
const SAVED_WRITES = [
  // db.saved.put(…), db.saved.bulkDelete(…), …
  `CallExpression[callee.object.property.name='saved'][callee.property.name=${SAVED_WRITE}]`,
  // db.saved.where(…).modify(…), db.saved.filter(…).delete(), db.saved.toCollection().delete()
  "CallExpression[callee.property.name=/^(modify|delete)$/][callee.object.type='CallExpression'] MemberExpression[property.name='saved']",
  'CallExpression[callee.name=/^(writeTombstones|addTombstones|clearTombstones|recordTombstones|mirrorSavedIds)$/]',
];
const readingListOwner = {
  plugins: {
    papertab: {
      rules: {
        'reading-list-owner': {
          meta: {
            type: 'problem',
            messages: { owner: 'Only lib/store/reading-list.ts writes the reading list: hand it the change.' },
          },
          create: (context) =>
            Object.fromEntries(
              SAVED_WRITES.map((sel) => [sel, (node) => context.report({ node, messageId: 'owner' })]),
            ),
        },
      },
    },
  },
  files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
  ignores: READING_LIST_OWNER,
  rules: { 'papertab/reading-list-owner': 'error' },
};

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'tests/.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Feed and page text must never reach an HTML sink.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never write HTML: feed and page text is untrusted.' },
        { property: 'outerHTML', message: 'Never write HTML: feed and page text is untrusted.' },
        { property: 'insertAdjacentHTML', message: 'Never write HTML: feed and page text is untrusted.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never write HTML: feed and page text is untrusted.',
        },
        {
          // The fences resolve the path an import names: a computed one would slip past them.
          selector: "ImportExpression[source.type!='Literal']",
          message: 'import() takes a literal path, so the fences can check it.',
        },
      ],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: abs('tsconfig.json') })],
    },
    rules: {
      // An import the resolver cannot follow is one no fence can check.
      'import-x/no-unresolved': 'error',
      // Split by concern (README, "How it is built").
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 85, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  ...Object.entries(MAY_IMPORT).map(([folder, allowed]) =>
    fence(
      folder,
      [`lib/${folder}/**/*.{ts,tsx}`],
      undefined,
      libGlobs([folder, ...allowed]),
      `lib/${folder} may import only from ${named(allowed)} (eslint.config.js MAY_IMPORT; README, "How it is built").`,
    ),
  ),
  ...ENTRIES.map((e) =>
    fence(
      e.name,
      e.files,
      e.ignores,
      [...libGlobs(e.lib), ...e.own],
      `${e.picture} may import only lib/${e.lib.join(', lib/')}${e.components ? ' and components' : ''}: ask the background by message for the rest (eslint.config.js ENTRIES).`,
    ),
  ),
  readingListOwner,
);
