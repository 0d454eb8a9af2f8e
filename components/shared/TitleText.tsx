import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { hasTex, titleParts } from '@/lib/core/tex';
import { Highlight } from './Highlight';

let tex: Promise<typeof import('@/lib/views/tex-render')> | undefined;
/** The TeX renderer's chunk: fetched the first time a shown title holds TeX, never otherwise. */
const loadTex = () => (tex ??= import('@/lib/views/tex-render'));

/** A paper title with search matches marked and its TeX shown as math (the TeX source kept for screen readers). */
export function TitleText({ title, terms = [] }: { title: string; terms?: readonly string[] }) {
  const parts = useMemo(() => (hasTex(title) ? titleParts(title) : undefined), [title]);
  if (!parts) return <Highlight text={title} terms={terms} />;
  return (
    <>
      {parts.map((p, i) =>
        'tex' in p ? (
          <TexMath key={`${i}-${p.source}`} tex={p.tex} source={p.source} />
        ) : (
          <Highlight key={i} text={p.text} terms={terms} />
        ),
      )}
    </>
  );
}

/** Shows the source until the math is drawn; then the math is for the eyes and the source for screen readers. */
function TexMath({ tex, source }: { tex: string; source: string }) {
  const into = useRef<HTMLSpanElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    let live = true;
    void loadTex().then((m) => {
      if (live && into.current) setDrawn(m.renderTex(tex, into.current));
    });
    return () => {
      live = false;
    };
  }, [tex]);
  return (
    <span class="tex">
      <span class={drawn ? 'sr-only' : undefined}>{source}</span>
      {/* Filled by temml, outside Preact's diff: Preact gives it no children. */}
      <span ref={into} class="tex-math" aria-hidden="true" />
    </span>
  );
}
