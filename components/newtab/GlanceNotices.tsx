import { t, tn } from '@/lib/core/i18n';

/** What the view leaves out and why, each with "Show all": under the minimum, muted, or without code. */
export function GlanceNotices({
  withCodeNone,
  belowMin,
  minUpvotes,
  onShowBelowMin,
  hiddenByYou,
  onShowHidden,
  forYouEmpty,
}: {
  withCodeNone: boolean;
  belowMin: number;
  minUpvotes: number;
  onShowBelowMin: () => void;
  hiddenByYou: number;
  onShowHidden: () => void;
  forYouEmpty: boolean;
}) {
  return (
    <>
      {withCodeNone && <p class="notice subtle">{t('withCodeNone')}</p>}
      {belowMin > 0 && (
        <p class="notice subtle">
          {tn(belowMin, 'hiddenBelowMinOne', 'hiddenBelowMinOther', minUpvotes)}{' '}
          <button type="button" class="link-button" onClick={onShowBelowMin}>
            {t('showAll')}
          </button>
        </p>
      )}
      {hiddenByYou > 0 && (
        <p class="notice subtle">
          {tn(hiddenByYou, 'hiddenByYouOne', 'hiddenByYouOther')}{' '}
          <button type="button" class="link-button" onClick={onShowHidden}>
            {t('showAll')}
          </button>
        </p>
      )}
      {forYouEmpty && <p class="notice subtle">{t('forYouEmpty')}</p>}
    </>
  );
}
