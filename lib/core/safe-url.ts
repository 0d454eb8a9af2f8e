/** Returns the URL normalised when it is http(s), otherwise undefined: feed links must never be javascript:, data:, … */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password) return undefined;
  return url.href;
}

/**
 * An image the pages load by themselves (thumbnail, avatar): https from huggingface.co or its CDN
 * (cdn-thumbnails., cdn-avatars.) only, so showing the feed makes no request anywhere else.
 */
export function safeHfImageUrl(value: unknown): string | undefined {
  const href = safeHttpUrl(value);
  if (!href) return undefined;
  const url = new URL(href);
  const host = url.hostname;
  return url.protocol === 'https:' && !url.port && (host === 'huggingface.co' || host.endsWith('.huggingface.co'))
    ? href
    : undefined;
}
