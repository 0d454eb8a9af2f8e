import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

// web-ext lint (`npm run lint:firefox`) flags one `innerHTML` write: Preact's own diff, where it
// implements `dangerouslySetInnerHTML` (a prop this project's lint rule forbids, so it never runs
// with our code). A false positive in third-party code, but it lands in a shared chunk with our
// own code, so for Firefox the pages' build puts Preact alone in `chunks/preact-<hash>.js`, which
// that lint skips (`--ignore-files`) while still checking every file of ours. Only the pages'
// (ES module) build splits chunks; background and content script are single-file IIFEs.
const preactChunk: Plugin = {
  name: 'papertab:preact-chunk',
  outputOptions(options) {
    if (options.format !== 'es') return null;
    return {
      ...options,
      codeSplitting: { groups: [{ name: 'preact', test: /[\\/]node_modules[\\/]preact[\\/]/ }] },
    };
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

// See README "Permissions" for why each entry is here.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox too (WXT 0.20 builds Firefox as MV2 unless told): one manifest version everywhere.
  manifestVersion: 3,
  vite: ({ browser }) => ({
    plugins: [preact(), noPluginScriptOnNewTab, ...(browser === 'firefox' ? [preactChunk] : [])],
    // No preload helper chunk: the new tab's entry must import nothing, so its first paint costs one
    // script fetch (every extension resource fetch costs ~15 ms here; see README "Fast").
    // PAPERTAB_NO_MINIFY=1 keeps function names, for `BENCH_PROFILE=1 npm run bench`.
    build: {
      modulePreload: false,
      ...(process.env.PAPERTAB_NO_MINIFY ? { minify: false } : {}),
      ...(process.env.PAPERTAB_SOURCEMAP ? { sourcemap: true } : {}),
    },
  }),
  zip: {
    // The Firefox sources zip (for AMO's reviewers to rebuild) holds the sources, package.json, the
    // lock file and the README. WXT already leaves out node_modules, .output and dotfiles; the
    // rest here is what .gitignore keeps out plus the tests, which the build does not need.
    excludeSources: ['tests/**', '**/*.log', 'stats*.html', 'web-ext-artifacts/**'],
  },
  // Every user-facing string is a message in public/_locales/<lang>/messages.json (lib/i18n.ts).
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'contextMenus'],
    host_permissions: ['https://huggingface.co/*', 'https://arxiv.org/*', 'https://www.arxiv.org/*'],
    optional_permissions: ['notifications', 'search'],
    action: { default_title: 'Papertab' },
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
    // Android. Papertab collects nothing: see README "What leaves your machine".
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'papertab@papertab.dev',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
