import { useEffect, useState } from 'preact/hooks';

/** One watch-list field: a labelled textarea, one entry per line (commas work too), saved on blur. */
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
  useEffect(() => setText(value.join('\n')), [value.join('\n')]);
  const parse = (t: string) =>
    t
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean);
  return (
    <label class="field watch">
      <span>{label}</span>
      <textarea
        rows={3}
        value={text}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        onBlur={() => {
          const next = parse(text);
          if (next.join('\n') !== value.join('\n')) onSave(next);
        }}
      />
    </label>
  );
}
