import { useState } from 'preact/hooks';
import { t } from '@/lib/core/i18n';

/** Tags as removable chips plus an input: Enter or comma adds one. */
export function TagEditor({
  tags,
  onChange,
  label,
}: {
  tags: string[];
  onChange: (tags: string[]) => void;
  label: string;
}) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const parts = draft
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (parts.length) onChange([...tags, ...parts]);
    setDraft('');
  };
  return (
    <div class="tags">
      <ul aria-label={t('tags')}>
        {tags.map((tag) => (
          <li key={tag}>
            {tag}
            <button
              type="button"
              class="chip-x"
              aria-label={t('removeTag', tag)}
              onClick={() => onChange(tags.filter((x) => x !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        type="text"
        aria-label={label}
        placeholder={t('addTag')}
        value={draft}
        onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add();
          }
        }}
        onBlur={add}
      />
    </div>
  );
}
