/** Shared by the release checks (tests/release/) and `npm run release:check` (tools/release/). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  engines: { node: string; npm: string };
  packageManager: string;
  scripts: Record<string, string>;
};
export const version = pkg.version;

export const archives = {
  chrome: join(root, '.output', `papertab-${version}-chrome.zip`),
  firefox: join(root, '.output', `papertab-${version}-firefox.zip`),
  sources: join(root, '.output', `papertab-${version}-sources.zip`),
};
export const builds = { chrome: join(root, '.output', 'chrome-mv3'), firefox: join(root, '.output', 'firefox-mv3') };

/** A zip's files by path (directories left out). */
export function readZip(path: string): Record<string, Uint8Array> {
  if (!existsSync(path))
    throw new Error(`No ${relative(root, path)}: run \`npm run zip && npm run zip:firefox\` first`);
  const files = unzipSync(readFileSync(path));
  for (const name of Object.keys(files)) if (name.endsWith('/')) delete files[name];
  return files;
}

/** Every file under `dir`, by path relative to it (forward slashes). */
export function readTree(dir: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out[relative(dir, abs).split('\\').join('/')] = readFileSync(abs);
    }
  };
  walk(dir);
  return out;
}

export interface BuiltManifest {
  version: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  content_security_policy?: { extension_pages?: string };
  chrome_url_overrides?: Record<string, string>;
  commands?: Record<string, unknown>;
  browser_specific_settings?: {
    gecko?: {
      id?: string;
      strict_min_version?: string;
      data_collection_permissions?: { required?: string[]; optional?: string[] };
    };
  };
}

/** The manifest inside a built archive. */
export function zipManifest(path: string): BuiltManifest {
  return JSON.parse(new TextDecoder().decode(readZip(path)['manifest.json'])) as BuiltManifest;
}

/** Host names the manifest lets the extension reach or run on (permissions, content scripts, CSP). */
export function manifestHosts(m: BuiltManifest): string[] {
  const patterns = [
    ...(m.host_permissions ?? []),
    ...(m.optional_host_permissions ?? []),
    ...(m.content_scripts ?? []).flatMap((c) => c.matches),
  ];
  const csp = (m.content_security_policy?.extension_pages ?? '').split(/[\s;]+/).filter((t) => /^[a-z]+:\/\/./.test(t));
  return [...new Set([...patterns, ...csp].map(hostOf))].sort();
}

/** `https://*.huggingface.co/*` → `huggingface.co`; `http://127.0.0.1:23119/*` → `127.0.0.1`. */
export function hostOf(pattern: string): string {
  const host = pattern.replace(/^[a-z*]+:\/\//, '').split(/[/:]/)[0]!;
  return host.replace(/^\*\./, '');
}

/** Every permission and host pattern a store asks a justification for, from the built manifest. */
export function permissionEntries(m: BuiltManifest): string[] {
  return [
    ...new Set([
      ...(m.permissions ?? []),
      ...(m.optional_permissions ?? []),
      ...(m.host_permissions ?? []),
      ...(m.optional_host_permissions ?? []),
    ]),
  ];
}
