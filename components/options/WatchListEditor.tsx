import { useAutosavedText } from '@/lib/hooks/use-autosave';

/** One watch-list field: a labelled textarea, one entry per line (commas work too), saved as you type. */
export function WatchListEditor({
  label,
  value,
  onSave,
}: {
  label: string;
  value: string[];
  onSave: (v: string[]) => void;
}) {
  const field = useAutosavedText(
    value.join('\n'),
    (text) => onSave(text ? text.split('\n') : []),
    (typed) =>
      typed
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean)
        .join('\n'),
  );
  return (
    <label class="field watch">
      <span>{label}</span>
      <textarea rows={3} {...field} />
    </label>
  );
}
