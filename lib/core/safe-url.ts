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

/** The code hosts a paper's code link may point to, by the name a link shows. */
export const CODE_HOSTS: Readonly<Record<string, string>> = {
  'github.com': 'GitHub',
  'gitlab.com': 'GitLab',
  'codeberg.org': 'Codeberg',
  'bitbucket.org': 'Bitbucket',
};
/** One path segment of an owner, group or repository name. */
const SEGMENT_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * A paper's code link, if it is a repository on a known code host: `https://<host>/<owner>/<repo>`
 * exactly (GitLab: up to two subgroups between), with the host's name for the link's text. Not
 * http, not another host that merely starts or ends like one (`github.com.evil.example`), not an
 * IDN look-alike (its punycode is another host), not a port, credentials, query or fragment; a
 * trailing `.git` or slash is dropped.
 */
export function codeRepoLink(value: unknown): { href: string; host: string } | undefined {
  const href = safeHttpUrl(value);
  if (!href) return undefined;
  const url = new URL(href);
  const hostname = url.hostname.replace(/^www\./, '');
  const host = CODE_HOSTS[hostname];
  if (url.protocol !== 'https:' || url.port || !host || !Object.hasOwn(CODE_HOSTS, hostname)) return undefined;
  const parts = url.pathname
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .split('/')
    .slice(1);
  const max = hostname === 'gitlab.com' ? 4 : 2;
  if (parts.length < 2 || parts.length > max || !parts.every((p) => SEGMENT_RE.test(p) && !/^\.+$/.test(p)))
    return undefined;
  return { href: `https://${hostname}/${parts.join('/')}`, host };
}

/**
 * Hugging Face's own pages, which a Hub repository id must never name (a model "logout" would be
 * https://huggingface.co/logout): the first path segment of a model, dataset or Space link.
 */
const HUB_PAGES = new Set(
  (
    'api,login,logout,join,settings,billing,pricing,docs,blog,learn,models,datasets,spaces,papers,' +
    'organizations,collections,posts,notifications,new,new-dataset,new-space,search,tasks,chat,' +
    'enterprise,huggingchat,inference-endpoints,privacy,terms-of-service,security,oauth,static,assets,' +
    'avatars,front,welcome,changelog,academia,hardware,jobs,careers,brand,code-of-conduct,content-guidelines'
  ).split(','),
);
/** "owner/name", or a bare legacy model name such as "gpt2". */
const HUB_REPO_ID_RE = /^[A-Za-z0-9][\w.-]{0,95}(\/[A-Za-z0-9][\w.-]{0,95})?$/;

/** True for a Hub repository id that is one (not a Hub page such as `logout` or `settings/tokens`). */
export function isHubRepoId(id: string): boolean {
  return HUB_REPO_ID_RE.test(id) && !HUB_PAGES.has(id.split('/')[0]!.toLowerCase()) && !/(^|\/)\.+$/.test(id);
}
