/**
 * TeX to MathML with temml (small, maintained, MathML only), loaded by pages only when a title holds
 * TeX. It builds DOM nodes (never an HTML string); `\href` and other trusted commands stay off.
 */
import temml from 'temml';

/** Renders `tex` as inline MathML into the empty element `into`; false (and `into` left empty) on an error. */
export function renderTex(tex: string, into: HTMLElement): boolean {
  try {
    temml.render(tex, into, { throwOnError: true, annotate: true, trust: false, maxExpand: 200 });
    const math = into.querySelector('math');
    math?.setAttribute('alttext', tex);
    return !!math;
  } catch {
    into.replaceChildren();
    return false;
  }
}
