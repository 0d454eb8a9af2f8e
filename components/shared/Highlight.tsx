import { lazyComponent } from '@/lib/hooks/lazy';

/** The marking code comes with the search results (SearchResults provides it), never at opening. */
export const Marks = lazyComponent(() => import('./Marked').then((m) => m.Marked));

/** Text with the words matching a search marked; the text is rendered as text, never as HTML. */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  return terms.length ? <Marks text={text} terms={terms} /> : <>{text}</>;
}
