import { t, type PlainKey } from '@/lib/core/i18n';
import type { Density } from '@/lib/hooks/use-density-choice';

const LAYOUTS: [Density, PlainKey][] = [
  ['comfortable', 'densityComfortable'],
  ['compact', 'densityCompact'],
  ['grid', 'layoutGrid'],
];

/** Comfortable (cards), Compact (a line or two per paper) or Grid (thumbnail cards): a three-button switch. */
export function LayoutToggle({ density, onChange }: { density: Density; onChange: (d: Density) => void }) {
  return (
    <div class="segmented" role="group" aria-label={t('layout')}>
      {LAYOUTS.map(([d, label]) => (
        <button key={d} type="button" aria-pressed={density === d} onClick={() => onChange(d)}>
          {t(label)}
        </button>
      ))}
    </div>
  );
}
