/**
 * TeX in paper titles (`$\nabla^2$DFT`, `$\text{Transformer}^2$`, `\textsc{AIEV-Instruct}`): where
 * it is, so pages can show it as math. The title itself is never changed: search indexes its words
 * (lib/search/text-match.ts reads `\text{Transformer}` as the words "text" and "Transformer") and
 * exports keep the TeX source.
 */
export type TitlePart = { text: string } | { tex: string; source: string };

/** Inline math between single dollars, or a bare text command with its braces (`\textsc{…}`). */
const TEX_RE = /\$([^$\n]{1,200})\$|\\(?:text(?:sc|bf|it|tt|rm|sf)?|mathrm|mathbf|mathcal|emph)\{[^{}$\n]{1,200}\}/g;

export function titleParts(title: string): TitlePart[] {
  const parts: TitlePart[] = [];
  let at = 0;
  for (const m of title.matchAll(TEX_RE)) {
    if (m.index > at) parts.push({ text: title.slice(at, m.index) });
    parts.push({ tex: m[1] ?? m[0], source: m[0] });
    at = m.index + m[0].length;
  }
  if (at < title.length) parts.push({ text: title.slice(at) });
  return parts;
}

export function hasTex(title: string): boolean {
  return title.includes('$') || title.includes('\\') ? titleParts(title).some((p) => 'tex' in p) : false;
}
