import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { resolve } from 'node:path';
import { canonicalizeZipFile } from './tools/release/zip';
import { firstPaintDefines } from './lib/core/page-keys';

// Preact's diff has one `innerHTML` write: it implements `dangerouslySetInnerHTML`, a prop this
// project never uses (an ESLint rule forbids it). Text from the feed or a page must never reach an
// HTML sink, so the build takes the sink out: the prop's string is set as text instead. It also
// keeps `web-ext lint` clean on every file, with nothing skipped. The build fails if Preact's code
// changes shape, rather than silently keeping the sink.
const INNER_HTML_WRITE = /(\b[\w$]+)\.innerHTML=([\w$]+)\.__html/g;
const noInnerHtml: Plugin = {
  name: 'papertab:no-inner-html',
  transform(code, id) {
    if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id.split('?')[0]!)) return null;
    const writes = code.match(INNER_HTML_WRITE)?.length ?? 0;
    if (writes !== 1) throw new Error(`papertab:no-inner-html: expected 1 innerHTML write in Preact, found ${writes}`);
    return { code: code.replace(INNER_HTML_WRITE, '$1.textContent=$2.__html'), map: null };
  },
};

// WXT adds a module script to every HTML page that runs WXT runtime plugins; Papertab has none,
// and on the new tab it costs a second round trip before the first paint (an empty chunk the
// entry must import first). Dropped there only.
const noPluginScriptOnNewTab: Plugin = {
  name: 'papertab:newtab-no-plugin-script',
  // After WXT's own 'pre' HTML transform (which adds the script), before Vite bundles the page.
  enforce: 'post',
  transformIndexHtml: {
    order: 'pre',
    handler(html, ctx) {
      if (!/newtab[\\/]index\.html$/.test(ctx.filename)) return html;
      return html.replace(/<script[^>]*virtual:wxt-html-plugins[^>]*><\/script>/, '');
    },
  },
};

// Vite wraps every dynamic import() in its preload helper, one module that every page's chunks
// import. With module preload off (below) the helper only ever runs the import, yet once two pages
// load code lazily it becomes a shared chunk that the new tab's entry must fetch before its first
// paint. Here each module that imports lazily gets its own copy of a one-line helper (it lands in
// that module's chunk), and the build fails if Vite ever hands a lazy import dependencies to load
// first (CSS), which the one-line helper would not load.
const PRELOAD_HELPER = '\0vite/preload-helper.js';
const OWN_HELPER = '\0papertab-preload:';
const ownPreloadHelper: Plugin = {
  name: 'papertab:own-preload-helper',
  enforce: 'pre',
  resolveId(id, importer) {
    return id === PRELOAD_HELPER && importer ? OWN_HELPER + importer : null;
  },
  load(id) {
    return id.startsWith(OWN_HELPER) ? 'export const __vitePreload = (load) => load();' : null;
  },
  generateBundle: {
    order: 'post',
    handler(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.code.includes('__vite__mapDeps'))
          throw new Error(`papertab:own-preload-helper: ${chunk.fileName} asks Vite to preload dependencies`);
      }
    },
  },
};

// Pages use the browser's own promise-based API (Chrome's MV3 `chrome`, Firefox's `browser`): the
// webextension-polyfill (3 KB gzipped) stays in the worker and the content script, where its
// promise-returning message listeners are used. Pages only call APIs that return promises in
// MV3; lib/core/send.ts turns the worker's polyfilled rejections back into errors.
const POLYFILL = '@wxt-dev/webextension-polyfill/browser';
const nativeBrowserOnPages: Plugin = {
  name: 'papertab:native-browser-on-pages',
  enforce: 'pre',
  resolveId(id, importer) {
    if (id !== POLYFILL) return null;
    const build = this.environment.config.build;
    const input: unknown = build.rolldownOptions?.input ?? build.rollupOptions?.input;
    const pages = !!input && typeof input === 'object' && Object.values(input).some((f) => /\.html$/.test(String(f)));
    return pages ? this.resolve('@wxt-dev/browser', importer, { skipSelf: true }) : null;
  },
};

// The libraries every page runs at once (Preact, valibot) ship as one chunk: the new tab's app then
// arrives as a few files, not fifteen, which also compress better together (each file is its own
// gzip stream). Dexie is a chunk of its own: the new tab reads its opening without it
// (lib/store/raw-read.ts) and loads it only to write or for rarer reads. Only the pages' builds
// split code; the worker and content scripts are one file each.
const VENDOR = /[\\/]node_modules[\\/](?:preact|valibot)[\\/]/;
// With lib/store/db.ts (the database as Dexie opens it), not the modules it imports: those the
// opening uses too stay where the opening finds them.
const DEXIE = /[\\/]node_modules[\\/]dexie[\\/]|[\\/]lib[\\/]store[\\/]db\.ts$/;
const vendorChunkOnPages: Plugin = {
  name: 'papertab:vendor-chunk-on-pages',
  outputOptions(options) {
    if (options.format && options.format !== 'es') return null;
    return {
      ...options,
      codeSplitting: {
        groups: [
          { name: 'vendor', test: VENDOR },
          { name: 'dexie', test: DEXIE, includeDependenciesRecursively: false },
        ],
      },
    };
  },
};

// See README "Permissions" for why each entry is here.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox too (WXT 0.20 builds Firefox as MV2 unless told): one manifest version everywhere.
  manifestVersion: 3,
  vite: () => ({
    // Dexie's modern ES module build (for the browsers an MV3 extension runs in): 2 KB smaller,
    // gzipped, than the UMD build its package entry wraps. Every page and the worker use this one.
    resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
    // The first paint's names, from their one declaration (lib/core/page-keys.ts, lib/core/settings.ts).
    define: firstPaintDefines(),
    plugins: [
      preact(),
      noInnerHtml,
      noPluginScriptOnNewTab,
      ownPreloadHelper,
      nativeBrowserOnPages,
      vendorChunkOnPages,
    ],
    // No module preloading: a lazy chunk loads its own imports when it runs (extension files come from
    // disk), and with ownPreloadHelper above the new tab's entry imports nothing, so its first paint
    // costs one script fetch (every extension resource fetch costs ~15 ms here; see README "Fast").
    // PAPERTAB_NO_MINIFY=1 keeps function names, for `BENCH_PROFILE=1 npm run bench`.
    build: {
      // Papertab's own modules run nothing when imported (no bare imports; each is functions and
      // constants), so one imported for a single function does not bring its neighbours' code:
      // the new tab reads papers with lib/store/papers.ts without carrying the reading list's writer.
      rollupOptions: {
        treeshake: {
          moduleSideEffects: (id: string) =>
            /[\\/]node_modules[\\/]/.test(id) || !/[\\/](?:lib|components)[\\/].*\.tsx?$/.test(id),
        },
      },
      modulePreload: false,
      ...(process.env.PAPERTAB_NO_MINIFY ? { minify: false } : {}),
      ...(process.env.PAPERTAB_SOURCEMAP ? { sourcemap: true } : {}),
    },
  }),
  zip: {
    // The Firefox sources zip (for AMO's reviewers to rebuild) holds the sources, package.json, the
    // lock file and the README. WXT already leaves out node_modules, .output and dotfiles; the
    // rest here is what .gitignore keeps out plus the tests, which the build does not need.
    // store/ is the listing kit (texts and pictures for the stores' forms), not build input.
    excludeSources: ['tests/**', 'store/**', '**/*.log', 'stats*.html', 'web-ext-artifacts/**'],
  },
  hooks: {
    // Both archives are rewritten canonically (sorted, fixed dates: tools/release/zip.ts), so the
    // same sources always give the same bytes (AMO rebuilds and compares; tests/release/).
    'zip:extension:done': (_wxt, path) => canonicalizeZipFile(path),
    'zip:sources:done': (_wxt, path) => canonicalizeZipFile(path),
    // The privacy policy ships inside the extension (the options page links to it), as plain text:
    // the same words as PRIVACY.md, readable offline and always those of the installed version.
    'build:publicAssets': (wxt, files) => {
      files.push({ absoluteSrc: resolve(wxt.config.root, 'PRIVACY.md'), relativeDest: 'privacy.txt' });
    },
    // WXT takes the toolbar button's tooltip from the popup's <title>; it is a message too.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_extName__';
    },
  },
  // Every user-facing string is a message in public/_locales/<lang>/messages.json (lib/core/i18n.ts).
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'contextMenus'],
    host_permissions: ['https://huggingface.co/*', 'https://arxiv.org/*', 'https://www.arxiv.org/*'],
    optional_permissions: ['notifications', 'search'],
    // Zotero desktop on this computer, asked the first time Zotero is turned on (README "Zotero").
    // Firefox match patterns cannot carry a port: there, all of 127.0.0.1, as the Zotero Connector asks.
    optional_host_permissions: [browser === 'firefox' ? 'http://127.0.0.1/*' : 'http://127.0.0.1:23119/*'],
    // The browser's default for extension pages, plus: images only from here and Hugging Face (the
    // feed's thumbnails and avatars are checked too, in lib/hf/hf-schema.ts; this is the second lock).
    content_security_policy: {
      extension_pages:
        "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; img-src 'self' data: https://huggingface.co https://*.huggingface.co",
    },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandOpenPopup__',
      },
      'save-paper': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSavePaper__',
      },
    },
    // Firefox only (Chrome warns on unknown keys). MV3 needs an add-on id. Firefox reads
    // `data_collection_permissions` (AMO requires it of new add-ons) from 140 on desktop and 142 on
    // Android. What Papertab sends to huggingface.co, in AMO's categories, and why each is declared:
    // PRIVACY.md "For Firefox's data consent" (store/listing.json carries the same answers).
    // Required, not optional: the code sends them when the feature is used without asking Firefox
    // for an optional consent first (a later release may move the last two to `optional`).
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'papertab@papertab.dev',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['browsingActivity', 'searchTerms', 'personallyIdentifyingInfo'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
