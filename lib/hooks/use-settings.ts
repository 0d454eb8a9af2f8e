import { useEffect, useState } from 'preact/hooks';
import { applyTheme, loadSettings, readSettingsMirror, watchSettings, writeSettingsMirror } from '../core/settings';
import { type Settings } from '../core/settings-schema';

/**
 * Settings for a page: the synchronous mirror first (so the first paint already has the theme,
 * quiet mode and view), then the stored truth, then every change. Applies the theme too.
 */
export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(() => {
    const s = readSettingsMirror();
    if (typeof document !== 'undefined') applyTheme(s.theme);
    return s;
  });
  useEffect(() => {
    let live = true;
    void loadSettings().then((s) => {
      if (!live) return;
      writeSettingsMirror(s);
      setSettings(s);
    });
    const stop = watchSettings(setSettings);
    return () => {
      live = false;
      stop();
    };
  }, []);
  useEffect(() => applyTheme(settings.theme), [settings.theme]);
  return settings;
}
