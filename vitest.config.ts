import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';
import { STATE_LIMIT_MS } from './tests/support/until';
import { firstPaintDefines } from './lib/core/page-keys';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  // As in the build (wxt.config.ts): the first paint's names.
  define: firstPaintDefines(),
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/support/unit-setup.ts'],
          // A limit, not a pace: a test ends as soon as its state is reached (loaded 2-core machines).
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // vitest's own default gives expect.poll 1 s, which a loaded machine overruns.
          expect: { poll: { timeout: 10_000, interval: 50 } },
        },
      },
      {
        // The built extension in Chromium: one file at a time (2 cores), generous timeouts.
        resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
        test: {
          name: 'e2e',
          // tests/scenarios/ are written once for both browsers (tests/support/driver.ts).
          include: ['tests/e2e/**/*.test.ts', 'tests/scenarios/**/*.test.ts'],
          env: { PAPERTAB_BROWSER: 'chromium' },
          environment: 'node',
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // A limit, not a pace: vitest's default (1 s) failed `expect.poll`s on a loaded machine, and
          // 20 s failed at load 20 (tests/support/until.ts STATE_LIMIT_MS says why).
          expect: { poll: { timeout: STATE_LIMIT_MS, interval: 100 } },
        },
      },
      {
        // Release checks over the built archives (`npm run zip && npm run zip:firefox` first): the
        // reproducible Firefox build, the listing kit, the privacy policy's hosts, one version.
        test: {
          name: 'release',
          include: ['tests/release/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          // The reproducible build runs `npm ci` and a build in an empty folder (1–3 minutes here).
          testTimeout: 600_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The Firefox build (.output/firefox-mv3) in Firefox ESR over WebDriver BiDi: the shared
        // scenarios, then what only Firefox has (tests/e2e-firefox/).
        resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
        test: {
          name: 'e2e-firefox',
          include: ['tests/scenarios/**/*.test.ts', 'tests/e2e-firefox/**/*.test.ts'],
          env: { PAPERTAB_BROWSER: 'firefox' },
          environment: 'node',
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // A limit, not a pace: vitest's default (1 s) failed `expect.poll`s on a loaded machine, and
          // 20 s failed at load 20 (tests/support/until.ts STATE_LIMIT_MS says why).
          expect: { poll: { timeout: STATE_LIMIT_MS, interval: 100 } },
        },
      },
    ],
  },
});
