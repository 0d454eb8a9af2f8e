import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See README "Permissions" for why each entry is here.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Papertab',
    description: 'Hugging Face Daily Papers on your new tab and toolbar, offline from a local cache.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'contextMenus'],
    host_permissions: ['https://huggingface.co/*', 'https://arxiv.org/*', 'https://www.arxiv.org/*'],
    action: { default_title: 'Papertab' },
  },
});
