import { t } from '@/lib/core/i18n';

/** "With code": show only papers that link a code repository. */
export function WithCodeToggle({ pressed, onChange }: { pressed: boolean; onChange: (on: boolean) => void }) {
  return (
    <button type="button" class="with-code" aria-pressed={pressed} onClick={() => onChange(!pressed)}>
      {t('withCode')}
    </button>
  );
}
