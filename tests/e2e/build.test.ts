/**
 * What ships: the built extension itself (.output/chrome-mv3), read as files.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionPath } from '../support/extension';

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the built extension', () => {
  it('ships no HTML sink: no script writes innerHTML or outerHTML, inserts HTML, or calls document.write', async () => {
    const scripts = (await files(extensionPath)).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(5);
    const sinks = /\.(?:inner|outer)HTML\s*=(?!=)|insertAdjacentHTML|document\.write(?:ln)?\(|createContextualFragment/;
    const found: string[] = [];
    for (const f of scripts) {
      const m = sinks.exec(await readFile(f, 'utf8'));
      if (m) found.push(`${f.slice(extensionPath.length + 1)}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });

  it('ships no preact/compat: its global hooks would turn onChange into oninput on every input', async () => {
    const scripts = (await files(extensionPath)).filter((f) => f.endsWith('.js'));
    const withCompat: string[] = [];
    // compat's vnode hook maps React's onDoubleClick; nothing else in the bundle names it.
    for (const f of scripts) if ((await readFile(f, 'utf8')).includes('ondoubleclick')) withCompat.push(f);
    expect(withCompat).toEqual([]);
  });

  it('asks only for the permissions the README lists, and host access only to huggingface.co and arxiv.org', async () => {
    const manifest = JSON.parse(await readFile(join(extensionPath, 'manifest.json'), 'utf8')) as {
      permissions: string[];
      optional_permissions?: string[];
      host_permissions: string[];
      action: { default_title: string };
      content_security_policy: { extension_pages: string };
    };
    expect(manifest.permissions.sort()).toEqual(['alarms', 'contextMenus', 'storage', 'unlimitedStorage']);
    expect(manifest.optional_permissions?.sort()).toEqual(['notifications', 'search']);
    for (const host of manifest.host_permissions) {
      expect(new URL(host.replace('*', 'x')).hostname).toMatch(/^(?:huggingface\.co|(?:www\.)?arxiv\.org)$/);
    }
    expect(manifest.action.default_title).toBe('__MSG_extName__');
    // Pages load images only from themselves and Hugging Face.
    expect(manifest.content_security_policy.extension_pages).toContain(
      "img-src 'self' data: https://huggingface.co https://*.huggingface.co",
    );
  });
});
