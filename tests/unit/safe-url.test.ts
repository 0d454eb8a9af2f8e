import { describe, expect, it } from 'vitest';
import { codeRepoLink, isHubRepoId, safeHfImageUrl, safeHttpUrl } from '@/lib/core/safe-url';

describe('safeHttpUrl: which feed links may become clickable', () => {
  it.each([
    ['https://github.com/org/repo', 'https://github.com/org/repo'],
    ['http://example.org/project', 'http://example.org/project'],
    ['HTTPS://GitHub.com/Org/Repo', 'https://github.com/Org/Repo'],
    ['https://example.org', 'https://example.org/'],
    ['  https://example.org/page \n', 'https://example.org/page'],
    ['https://example.org/a b?q=<x>', 'https://example.org/a%20b?q=%3Cx%3E'],
  ])('keeps the http(s) link %j, normalised to %j', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/file',
    'chrome-extension://abc/page.html',
    'blob:https://example.org/uuid',
  ])('drops the non-web link %j', (input) => {
    expect(safeHttpUrl(input)).toBeUndefined();
  });

  it('drops links carrying credentials, which can disguise the real host', () => {
    expect(safeHttpUrl('https://github.com@evil.example/repo')).toBeUndefined();
    expect(safeHttpUrl('https://user:pass@example.org/')).toBeUndefined();
  });

  it.each(['', '   ', '/avatars/x.png', 'github.com/org/repo', 'https://', 'http://[::1'])(
    'drops the unparseable or relative link %j',
    (input) => {
      expect(safeHttpUrl(input)).toBeUndefined();
    },
  );

  it.each([undefined, null, 42, {}, ['https://example.org'], { href: 'https://example.org' }])(
    'drops the non-string value %j',
    (input) => {
      expect(safeHttpUrl(input)).toBeUndefined();
    },
  );

  it('drops absurdly long links', () => {
    const long = `https://example.org/${'a'.repeat(2100)}`;
    expect(safeHttpUrl(long)).toBeUndefined();
    const fine = `https://example.org/${'a'.repeat(2000)}`;
    expect(safeHttpUrl(fine)).toBe(fine);
  });
});

describe('safeHfImageUrl: which images the pages may load by themselves', () => {
  it.each([
    'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2404.12345.png',
    'https://cdn-avatars.huggingface.co/v1/production/uploads/abc/avatar.png',
    'https://huggingface.co/avatars/abc.svg',
  ])('keeps %j (Hugging Face and its CDN, over https)', (input) => {
    expect(safeHfImageUrl(input)).toBe(input);
  });

  it.each([
    'https://evil.example/pixel.png',
    'https://huggingface.co.evil.example/x.png',
    'https://evilhuggingface.co/x.png',
    'http://cdn-thumbnails.huggingface.co/x.png',
    'https://huggingface.co:8443/x.png',
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
  ])('drops %j: nothing is fetched from anywhere else', (input) => {
    expect(safeHfImageUrl(input)).toBeUndefined();
  });
});

describe('code links', () => {
  it('are https://<known code host>/<owner>/<repo>, named by their host', () => {
    expect(codeRepoLink('https://github.com/huggingface/transformers')).toEqual({
      href: 'https://github.com/huggingface/transformers',
      host: 'GitHub',
    });
    expect(codeRepoLink('https://www.github.com/a/b.git/')).toEqual({ href: 'https://github.com/a/b', host: 'GitHub' });
    expect(codeRepoLink('https://gitlab.com/group/sub/repo')?.host).toBe('GitLab');
    expect(codeRepoLink('https://codeberg.org/owner/repo')?.host).toBe('Codeberg');
  });

  it.each([
    ['plain http', 'http://github.com/a/b'],
    ['a host that starts like GitHub', 'https://github.com.evil.example/a/b'],
    ['a host that ends like GitHub', 'https://evilgithub.com/a/b'],
    ['an IDN look-alike (Cyrillic і)', 'https://gіthub.com/a/b'],
    ['any other host', 'https://example.com/a/b'],
    ['a port', 'https://github.com:8443/a/b'],
    ['credentials', 'https://user:pw@github.com/a/b'],
    ['only an owner', 'https://github.com/a'],
    ['a deeper GitHub page', 'https://github.com/a/b/issues/1'],
    ['a GitHub settings page', 'https://github.com/settings'],
    ['dot segments', 'https://github.com/a/..'],
    ['javascript:', 'javascript:alert(1)'],
  ])('refuse %s', (_what, url) => {
    expect(codeRepoLink(url)).toBeUndefined();
  });
});

describe('Hub repository ids', () => {
  it('are owner/name or a bare legacy model name', () => {
    for (const id of ['gpt2', 'meta-llama/Llama-3.1-8B', 'user/data.set_v2']) expect(isHubRepoId(id)).toBe(true);
  });
  it.each(['logout', 'settings', 'settings/tokens', 'api/whoami-v2', 'join', 'Logout', 'models', 'a/..', '../x', ''])(
    'are never a Hub page: %s',
    (id) => expect(isHubRepoId(id)).toBe(false),
  );
});
