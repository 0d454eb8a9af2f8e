import { useEffect, useState } from 'preact/hooks';
import { updateSettings } from '@/lib/core/settings';
import { type Settings } from '@/lib/core/settings-schema';

export type Density = Settings['density'];

/**
 * The new tab's layout (Comfortable, Compact or Grid): the click shows at once; the setting follows
 * through storage, with the first-paint mirror, so the next new tab paints in it from the start.
 */
export function useDensityChoice(stored: Density): [Density, (d: Density) => void] {
  const [now, setNow] = useState<Density>();
  useEffect(() => setNow(undefined), [stored]);
  const choose = (d: Density) => {
    setNow(d);
    // Written (with the first-paint mirror) before this returns: closing the tab now keeps it.
    void updateSettings({ density: d });
  };
  return [now ?? stored, choose];
}
