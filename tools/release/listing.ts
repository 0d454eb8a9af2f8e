/**
 * The store listing kit: store/listing.json (the texts, written by hand) checked against the built
 * manifests, and store/LISTING.md (generated from both: what to paste into each store's form).
 * `npm run release:check` writes LISTING.md; tests/release/listing.test.ts fails when it is stale or
 * when a permission, host or data category of the build has no answer in the kit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Listing {
  name: string;
  shortDescription: string;
  detailedDescription: string[];
  notAffiliated: string;
  categories: { chrome: string; firefox: string };
  singlePurpose: string;
  justifications: Record<string, string>;
  remoteCode: string;
  privacyPolicy: string;
  chromeDataUse: Record<string, { collected: boolean; what?: string } | string[]> & { certifications: string[] };
  amoDataCollection: { required: string[]; optional: string[]; why: Record<string, string> };
  images: { icon: string; promoTile: string; screenshots: string[] };
}

/** What the manifest part of the kit needs: the fields of a built manifest.json it reads. */
export interface ManifestView {
  version: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  chrome_url_overrides?: Record<string, string>;
  browser_specific_settings?: {
    gecko?: { data_collection_permissions?: { required?: string[]; optional?: string[] } };
  };
}

export const CHROME_DATA_CATEGORIES = [
  'Personally identifiable information',
  'Health information',
  'Financial and payment information',
  'Authentication information',
  'Personal communications',
  'Location',
  'Web history',
  'User activity',
  'Website content',
] as const;

export function readListing(root: string): Listing {
  return JSON.parse(readFileSync(join(root, 'store', 'listing.json'), 'utf8')) as Listing;
}

/** Every entry a store asks to justify, in the order of the manifests (both browsers together). */
export function justifiable(manifests: ManifestView[]): string[] {
  const all = (pick: (m: ManifestView) => string[]) => manifests.flatMap(pick);
  return [
    ...new Set([
      ...all((m) => [...(m.permissions ?? []), ...(m.optional_permissions ?? [])]),
      ...all((m) => m.host_permissions ?? []),
      ...all((m) => m.optional_host_permissions ?? []),
      ...all((m) => Object.keys(m.chrome_url_overrides ?? {}).map((key) => `chrome_url_overrides.${key}`)),
    ]),
  ];
}

const optional = (manifests: ManifestView[], entry: string) =>
  manifests.some((m) => [...(m.optional_permissions ?? []), ...(m.optional_host_permissions ?? [])].includes(entry));

/** What is wrong with the kit for these builds (empty when it is ready). */
export function listingProblems(listing: Listing, manifests: ManifestView[]): string[] {
  const problems: string[] = [];
  if ([...listing.shortDescription].length > 132)
    problems.push(`short description is ${[...listing.shortDescription].length} characters (at most 132)`);
  const needed = justifiable(manifests);
  for (const e of needed) if (!listing.justifications[e]?.trim()) problems.push(`no justification for ${e}`);
  for (const e of Object.keys(listing.justifications))
    if (!needed.includes(e)) problems.push(`justification for ${e}, which the build does not ask for`);
  const patterns = needed.filter((e) => e.includes('://'));
  for (const m of manifests)
    for (const match of (m.content_scripts ?? []).flatMap((c) => c.matches))
      if (!patterns.some((p) => covers(p, match)))
        problems.push(`content script on ${match} is under no justified host`);
  for (const c of CHROME_DATA_CATEGORIES) {
    const a = listing.chromeDataUse[c] as { collected?: boolean; what?: string } | undefined;
    if (typeof a?.collected !== 'boolean') problems.push(`no Chrome data-use answer for ${c}`);
    else if (a.collected && !a.what?.trim()) problems.push(`Chrome data use "${c}" is collected but says not what`);
  }
  if (listing.chromeDataUse.certifications.length !== 3) problems.push('the three Chrome Web Store certifications');
  const gecko = manifests.find((m) => m.browser_specific_settings?.gecko)?.browser_specific_settings?.gecko;
  const declared = gecko?.data_collection_permissions;
  if (!declared) problems.push('the Firefox manifest has no data_collection_permissions');
  else {
    const same = (a: string[] = [], b: string[] = []) => [...a].sort().join() === [...b].sort().join();
    if (
      !same(declared.required, listing.amoDataCollection.required) ||
      !same(declared.optional, listing.amoDataCollection.optional)
    )
      problems.push('the AMO data categories in store/listing.json differ from the Firefox manifest');
    for (const c of [...(declared.required ?? []), ...(declared.optional ?? [])])
      if (c !== 'none' && !listing.amoDataCollection.why[c]?.trim())
        problems.push(`no reason written for the AMO category ${c}`);
  }
  const text = [listing.shortDescription, ...listing.detailedDescription].join('\n');
  if (!/not affiliated with[^.]*Hugging Face/i.test(text))
    problems.push('the listing does not say it is not affiliated with Hugging Face');
  if (/🤗/u.test(text)) problems.push("the listing uses Hugging Face's emoji logo");
  return problems;
}

/** Whether a host permission pattern covers a content script's match pattern. */
function covers(permission: string, match: string): boolean {
  const [ps, ph, pp] = split(permission);
  const [ms, mh, mp] = split(match);
  const scheme = ps === '*' ? ms === 'http' || ms === 'https' : ps === ms;
  const host = ph === mh || (ph.startsWith('*.') && mh.endsWith(ph.slice(1))) || ph === '*';
  const path = pp === '/*' || mp.startsWith(pp.replace(/\*$/, ''));
  return scheme && host && path;
}
function split(pattern: string): [string, string, string] {
  const m = /^([^:]+):\/\/([^/]+)(\/.*)$/.exec(pattern);
  return m ? [m[1]!, m[2]!.replace(/:\d+$/, ''), m[3]!] : ['', '', ''];
}

const row = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;

/** store/LISTING.md: everything to paste into the three stores' forms, for this build. */
export function renderListing(listing: Listing, manifests: ManifestView[]): string {
  const version = manifests[0]?.version ?? '?';
  const lines = [
    `# ${listing.name} ${version}: the store listing kit`,
    '',
    '<!-- Generated by `npm run release:check` from store/listing.json and the built manifests; edit those. -->',
    '',
    `${listing.notAffiliated} The listing uses no Hugging Face logo: the icon and pictures are Papertab's own.`,
    '',
    '## Short description (Chrome Web Store, Edge, AMO summary)',
    '',
    listing.shortDescription,
    '',
    `(${[...listing.shortDescription].length} of 132 characters)`,
    '',
    '## Detailed description',
    '',
    '```text',
    ...listing.detailedDescription,
    '```',
    '',
    `Category: Chrome Web Store and Edge "${listing.categories.chrome}"; addons.mozilla.org "${listing.categories.firefox}".`,
    '',
    '## Single purpose (Chrome Web Store, Privacy practices)',
    '',
    listing.singlePurpose,
    '',
    '## Permission justifications (from the built manifests)',
    '',
    row(['permission or host', 'why']),
    row(['---', '---']),
    ...justifiable(manifests).map((e) =>
      row([`\`${e}\`${optional(manifests, e) ? ' (optional)' : ''}`, listing.justifications[e] ?? '**MISSING**']),
    ),
    '',
    `Remote code: ${listing.remoteCode}`,
    '',
    '## Data use (Chrome Web Store, Privacy practices)',
    '',
    row(['category', 'collected', 'what and why']),
    row(['---', '---', '---']),
    ...CHROME_DATA_CATEGORIES.map((c) => {
      const a = listing.chromeDataUse[c] as { collected: boolean; what?: string } | undefined;
      return row([c, a?.collected ? 'yes' : 'no', a?.what ?? '']);
    }),
    '',
    'Certify:',
    '',
    ...listing.chromeDataUse.certifications.map((c) => `- ${c}`),
    '',
    '## Data collection (addons.mozilla.org; the Firefox manifest declares it)',
    '',
    `Required: ${listing.amoDataCollection.required.map((c) => `\`${c}\``).join(', ') || 'none'}. Optional: ${
      listing.amoDataCollection.optional.map((c) => `\`${c}\``).join(', ') || 'none'
    }.`,
    '',
    ...Object.entries(listing.amoDataCollection.why).map(([k, v]) => `- **${k}**: ${v}`),
    '',
    '## Privacy policy',
    '',
    listing.privacyPolicy,
    '',
    '## Images',
    '',
    `- Icon, 128×128 (96×96 art, transparent padding): \`${listing.images.icon}\``,
    `- Small promotional tile, 440×280: \`${listing.images.promoTile}\``,
    ...listing.images.screenshots.map((s) => `- Screenshot, 1280×800: \`${s}\``),
    '',
  ];
  return lines.join('\n');
}
