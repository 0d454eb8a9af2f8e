import 'fake-indexeddb/auto';
import { options } from 'preact';
import { configure } from '@testing-library/preact';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetKnownSettings } from '@/lib/core/settings';
import { fakeGetMessage } from './fake-i18n';

// WXT's fakeBrowser has no i18n: the English messages, as Chrome would serve them.
function installI18n() {
  fakeBrowser.i18n.getMessage = fakeGetMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
}
installI18n();

// Preact runs effects after paint with requestAnimationFrame plus a 100 ms fallback timer, and that
// timer calls cancelAnimationFrame. When it fires after vitest has torn down jsdom (a slow, loaded
// machine), the global is gone and the run ends with an uncaught ReferenceError although every test
// passed. A plain timer schedules the same effects without touching jsdom's globals.
options.requestAnimationFrame = (callback: () => void) => void setTimeout(callback);

// Waits end when the state is reached; these limits only decide when a wait has failed. On a loaded
// 2-core machine a component's first render can take a few seconds, so the limits are generous.
configure({ asyncUtilTimeout: 10_000 });

beforeEach(() => {
  fakeBrowser.reset();
  forgetKnownSettings();
  installI18n();
});
