import { t } from '@/lib/core/i18n';

/** The Save toggle: its name stays "Save", `aria-pressed` tells whether the paper is saved. */
export function SaveButton({ saved, onToggle, title }: { saved: boolean; onToggle: () => void; title: string }) {
  return (
    <button
      type="button"
      class={saved ? 'save saved' : 'save'}
      aria-pressed={saved}
      title={saved ? t('savedTitle', title) : t('saveTitle', title)}
      onClick={onToggle}
    >
      <span aria-hidden="true">{saved ? '★ ' : '☆ '}</span>
      {t('save')}
    </button>
  );
}
