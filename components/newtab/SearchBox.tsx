import type { Ref } from 'preact';
import { t } from '@/lib/core/i18n';

/** One box filtering everything cached as you type. */
export function SearchBox({
  value,
  onInput,
  inputRef,
  onFocus,
}: {
  value: string;
  onInput: (q: string) => void;
  inputRef: Ref<HTMLInputElement>;
  onFocus?: () => void;
}) {
  return (
    <div class="search" role="search">
      <input
        ref={inputRef}
        type="search"
        aria-label={t('searchPapers')}
        placeholder={t('searchPlaceholder')}
        value={value}
        aria-keyshortcuts="/"
        onFocus={onFocus}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            onInput('');
            (e.target as HTMLInputElement).blur();
          }
        }}
      />
    </div>
  );
}
