import { useEffect, useState } from 'preact/hooks';
import { updateSettings } from '@/lib/core/settings';
import type { Sort } from '@/lib/views/view';

/**
 * The sort order of the papers: the click shows at once; the setting follows through storage (and
 * then takes over again).
 */
export function useSortChoice(stored: Sort): [Sort, (s: Sort) => void] {
  const [sortNow, setSortNow] = useState<Sort>();
  useEffect(() => setSortNow(undefined), [stored]);
  const choose = (s: Sort) => {
    setSortNow(s);
    // Written (with the first-paint mirror) before this returns: closing the tab now keeps it.
    void updateSettings({ sort: s });
  };
  return [sortNow ?? stored, choose];
}
