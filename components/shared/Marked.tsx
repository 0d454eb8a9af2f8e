import { highlightParts } from '@/lib/search/text-match';

/** Text with the words matching a search marked; the text is rendered as text, never as HTML. */
export function Marked({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>{highlightParts(text, terms).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</>
  );
}
