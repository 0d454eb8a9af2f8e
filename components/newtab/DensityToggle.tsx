import { t } from '@/lib/core/i18n';
import type { Density } from '@/lib/hooks/use-density-choice';

/** Comfortable (cards) or Compact (a line or two per paper): a two-button switch, like the sort. */
export function DensityToggle({ density, onChange }: { density: Density; onChange: (d: Density) => void }) {
  return (
    <div class="segmented" role="group" aria-label={t('density')}>
      <button type="button" aria-pressed={density === 'comfortable'} onClick={() => onChange('comfortable')}>
        {t('densityComfortable')}
      </button>
      <button type="button" aria-pressed={density === 'compact'} onClick={() => onChange('compact')}>
        {t('densityCompact')}
      </button>
    </div>
  );
}
