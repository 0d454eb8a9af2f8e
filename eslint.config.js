import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Which lib/ folder may import which: arrows point one way, records and ids at the bottom, the
// background's wiring and the views at the top (README, "How it is built").
const FOLDERS = [
  'core',
  'store',
  'feed',
  'sync',
  'reading-list',
  'save',
  'zotero',
  'paper-page',
  'views',
  'hooks',
  'background',
];
const MAY_IMPORT = {
  core: ['core'],
  store: ['core', 'store'],
  feed: ['core', 'store', 'feed'],
  sync: ['core', 'store', 'sync'],
  'reading-list': ['core', 'store', 'feed', 'sync', 'reading-list'],
  save: ['core', 'store', 'feed', 'reading-list', 'save'],
  zotero: ['core', 'store', 'reading-list', 'zotero'],
  'paper-page': ['core', 'paper-page'],
  views: ['core', 'store', 'views'],
  hooks: ['core', 'store', 'reading-list', 'views', 'hooks'],
  background: FOLDERS,
};
/** A specifier naming one of these lib/ folders, in relative or alias form. */
const folderRegex = (names) => `^(?:@/lib/|(?:\\.\\./)+)(?:${names.join('|')})(?:/|$)`;
/** The modules that reach Hugging Face: only the background may import them. */
const NETWORK = `^(?:@/lib/|(?:\\.\\./)+)(?:feed/(?:hf-api|gate|refresh|range-fetch|hf-search|rate-limit|backoff)|save/|zotero/)`;
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const STORAGE = [
  {
    group: ['dexie', 'dexie/*', 'fake-indexeddb', 'fake-indexeddb/*'],
    message: 'Content scripts never open IndexedDB.',
  },
  { regex: folderRegex(['store']), message: 'Content scripts never open IndexedDB: ask the background.' },
];

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
      ],
    },
  },
  ...Object.entries(MAY_IMPORT).map(([folder, allowed]) => ({
    files: [`lib/${folder}/**/*.{ts,tsx}`],
    rules: restrict(
      {
        regex: folderRegex(FOLDERS.filter((f) => !allowed.includes(f))),
        message: `lib/${folder} may import only from ${allowed.join(', ')} (README, "How it is built").`,
      },
      {
        regex: '^(?:@/|(?:\\.\\./)+)(?:components|entrypoints)(?:/|$)',
        message: 'lib/ never imports components or entrypoints.',
      },
      ...(folder === 'background' || folder === 'save' || folder === 'feed'
        ? []
        : [{ regex: NETWORK, message: 'Only the background reaches the network: send it a message.' }]),
      ...(folder === 'paper-page' || folder === 'core' ? STORAGE : []),
    ),
  })),
  {
    // Pages ask the background for anything from the network (lib/core/messages.ts).
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    ignores: ['entrypoints/background.ts'],
    rules: restrict(
      { regex: NETWORK, message: 'Only the background reaches the network: send it a message.' },
      { regex: folderRegex(['background']), message: 'Pages do not import the worker: send it a message.' },
    ),
  },
  {
    files: ['entrypoints/*.content.ts', 'entrypoints/*.content/**'],
    rules: restrict(
      {
        regex: folderRegex(FOLDERS.filter((f) => f !== 'core' && f !== 'paper-page')),
        message: 'A content script carries only core and paper-page.',
      },
      ...STORAGE,
    ),
  },
);
