/**
 * PRIVACY.md names every host Papertab can reach: the hosts of the built manifests (host
 * permissions, optional ones, content scripts, the pages' content security policy) and every host
 * written in the built code that sends requests. A host new to the build fails here until the policy
 * names it, or it is listed below as one the code never requests (with the reason).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archives, manifestHosts, readZip, root, zipManifest } from '../support/release';

const policy = readFileSync(join(root, 'PRIVACY.md'), 'utf8');
const names = (host: string) => new RegExp(`(^|[^\\w.-])${host.replace(/\./g, '\\.')}($|[^\\w-])`).test(policy);

/** Hosts written in the code that nothing requests: what they are. */
const NEVER_REQUESTED: Record<string, string> = {
  'export.arxiv.org': 'recognized in links and pasted URLs as an arXiv address; never fetched',
  'doi.org': 'the DOI link in exported citations',
  'www.w3.org': 'XML namespaces (SVG, MathML) in Preact',
  'bit.ly': "a link inside Dexie's error message",
  'tinyurl.com': "a link inside Dexie's error message",
};

/**
 * The built code that reaches the network: files calling the global fetch, or using XHR, WebSocket,
 * EventSource or beacons. A method of the same name (`parser.fetch()`, `fetch(){…}` in the TeX
 * renderer) is not a request.
 */
const NETWORK =
  /(?<![\w$.])fetch\s*\((?![^()]*\)\s*\{)|\b(?:globalThis|self|window)\.fetch\b|XMLHttpRequest|WebSocket|EventSource|sendBeacon/;

function builtCode(zip: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(readZip(zip)))
    if (/\.(m?js|html)$/.test(name)) out[name] = new TextDecoder().decode(bytes);
  return out;
}

const urlHosts = (code: string) =>
  [...code.matchAll(/\b(?:https?|wss?):\/\/([a-z0-9.-]+\.[a-z]{2,}|\d+\.\d+\.\d+\.\d+|localhost)/gi)].map((m) =>
    m[1]!.toLowerCase(),
  );

describe('PRIVACY.md', () => {
  for (const [browser, zip] of [
    ['Chrome', archives.chrome],
    ['Firefox', archives.firefox],
  ] as const) {
    it(`names every host of the ${browser} manifest`, () => {
      const hosts = manifestHosts(zipManifest(zip));
      expect(hosts).toContain('huggingface.co');
      expect(hosts.filter((h) => !names(h))).toEqual([]);
    });

    it(`names every host the ${browser} build's code may request`, () => {
      const code = builtCode(zip);
      const requesting = Object.keys(code).filter((f) => NETWORK.test(code[f]!));
      // Only the background reaches the network (README "How it is built").
      expect(requesting).toEqual(['background.js']);
      const hosts = [...new Set(requesting.flatMap((f) => urlHosts(code[f]!)))].sort();
      expect(hosts).toContain('huggingface.co');
      expect(hosts.filter((h) => !names(h) && !(h in NEVER_REQUESTED))).toEqual([]);
      // Every host written anywhere in the build is accounted for, so a page that starts requesting
      // one is caught too.
      const everywhere = [...new Set(Object.values(code).flatMap(urlHosts))];
      expect(everywhere.filter((h) => !names(h) && !(h in NEVER_REQUESTED))).toEqual([]);
    });
  }

  it('says what the browser sync carries, the paper id, the username, and that nothing goes elsewhere', () => {
    expect(policy).toMatch(/storage\.sync/);
    expect(policy).toMatch(/paper\s+id\s+goes\s+to\s+Hugging\s+Face/);
    expect(policy).toMatch(/username/);
    expect(policy).toMatch(/Nothing\s+else\s+goes\s+anywhere/);
    expect(policy).toMatch(/not affiliated with Hugging\s+Face/);
  });

  it('ships in the extension, and the Firefox manifest declares the categories it explains', () => {
    for (const zip of [archives.chrome, archives.firefox])
      expect(new TextDecoder().decode(readZip(zip)['privacy.txt'])).toBe(policy);
    const declared = zipManifest(archives.firefox).browser_specific_settings?.gecko?.data_collection_permissions;
    for (const c of [...(declared?.required ?? []), ...(declared?.optional ?? [])])
      expect(policy).toContain(`\`${c}\``);
  });
});
