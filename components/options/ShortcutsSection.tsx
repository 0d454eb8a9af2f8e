import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/core/i18n';

interface Shortcut {
  name: string;
  shortcut: string;
}

const DESCRIPTIONS: Record<string, () => string> = {
  _execute_action: () => t('commandOpenPopup'),
  'save-paper': () => t('commandSavePaper'),
};

/** The browser-wide shortcuts as they are now set (the user may have changed them), and where to change them. */
export function ShortcutsSection() {
  const [shortcuts, setShortcuts] = useState<Shortcut[]>();
  useEffect(() => {
    // Where the API is missing or throws, the default keys are described instead.
    void Promise.resolve()
      .then(() => browser.commands.getAll())
      .then((all) =>
        setShortcuts(
          all.filter((c) => c.name && DESCRIPTIONS[c.name]).map((c) => ({ name: c.name!, shortcut: c.shortcut ?? '' })),
        ),
      )
      .catch(() => setShortcuts(undefined));
  }, []);
  const open = () => {
    // Firefox has its own page (and an API to open it); Chromium browsers have chrome://extensions/shortcuts.
    const commands = browser.commands as { openShortcutSettings?: () => Promise<void> } | undefined;
    if (commands?.openShortcutSettings) void commands.openShortcutSettings();
    else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  };
  return (
    <section aria-labelledby="opt-keys">
      <h2 id="opt-keys">{t('keyboardShortcuts')}</h2>
      {shortcuts?.length ? (
        <ul class="shortcuts">
          {shortcuts.map((s) => (
            <li key={s.name}>
              {s.shortcut ? <kbd>{s.shortcut}</kbd> : t('shortcutNotSet')} {DESCRIPTIONS[s.name]!()}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('optShortcutsText')}</p>
      )}
      <p>
        <button type="button" class="link-button" onClick={open}>
          {t('changeShortcuts')}
        </button>
      </p>
    </section>
  );
}
