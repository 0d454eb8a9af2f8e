import type { Ref } from 'preact';
import { t } from '@/lib/core/i18n';

/** One box filtering everything cached as you type. */
export function SearchBox({
  value,
  onInput,
  inputRef,
}: {
  value: string;
  onInput: (q: string) => void;
  inputRef: Ref<HTMLInputElement>;
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
