import type { Ref } from 'preact';
import { t } from '@/lib/core/i18n';
import { useStore, type Store } from '@/lib/hooks/store';

/** One box filtering everything cached as you type (its text is the `query` store's). */
export function SearchBox({
  query,
  onInput,
  inputRef,
  onFocus,
}: {
  query: Store<string>;
  onInput: (q: string) => void;
  inputRef: Ref<HTMLInputElement>;
  onFocus?: () => void;
}) {
  const value = useStore(query);
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
