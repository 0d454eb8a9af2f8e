import { useEffect, useRef, useState } from 'preact/hooks';
import { useAutosave } from '@/lib/use-autosave';

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
  const [text, setText] = useState(value.join('\n'));
  const parse = (t: string) =>
    t
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean);
  // A change from elsewhere replaces the text; our own saves coming back leave what is being typed alone.
  const mine = useRef(value.join('\n'));
  useEffect(() => {
    if (value.join('\n') !== mine.current) setText((mine.current = value.join('\n')));
  }, [value.join('\n')]);
  const autosave = useAutosave((t: string) => {
    const next = parse(t);
    if (next.join('\n') === mine.current) return;
    mine.current = next.join('\n');
    onSave(next);
  });
  return (
    <label class="field watch">
      <span>{label}</span>
      <textarea
        rows={3}
        value={text}
        onInput={(e) => {
          const t = (e.target as HTMLTextAreaElement).value;
          setText(t);
          autosave.schedule(t);
        }}
        onBlur={() => autosave.flush()}
      />
    </label>
  );
}
