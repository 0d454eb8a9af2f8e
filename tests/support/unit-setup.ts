import 'fake-indexeddb/auto';
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

beforeEach(() => {
  fakeBrowser.reset();
  forgetKnownSettings();
  installI18n();
});
