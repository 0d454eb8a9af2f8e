import { t } from '@/lib/core/i18n';

/** "Not interested": hides the paper and teaches "For you"; pressed (and undone by it) when marked. */
export function NotInterestedButton({
  marked,
  title,
  onToggle,
}: {
  marked: boolean;
  title: string;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      class="link-button not-interested"
      aria-pressed={marked}
      title={t('notInterestedTitle', title)}
      onClick={onToggle}
    >
      {t('notInterested')}
    </button>
  );
}
