import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
);
