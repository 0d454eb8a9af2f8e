// (d) JS and CSS bytes (gzip) the new tab loads at every opening (first paint + app), and on first search,
// read from the build's files by following newtab.html's scripts and their imports.

import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kb, log } from './util';

interface FileSize {
  path: string;
  raw: number;
  gzip: number;
}

interface Bytes {
  /** JS the new tab loads up front: its entry and every static import, transitively. */
  js: FileSize[];
  css: FileSize[];
  /**
   * JS the new tab loads right after its first paint, at every opening: what the entry itself
   * imports dynamically (the app), with its static imports, minus the above.
   */
  app: FileSize[];
  /** JS loaded only on use, by later dynamic import() (search), with its own static imports. */
  lazy: FileSize[];
}

/** Static and dynamic import specifiers of a built chunk (quotes or backticks, as Rollup writes them). */
function importsOf(code: string): { statics: string[]; dynamics: string[] } {
  const statics = [...code.matchAll(/\bfrom\s*["'`]([^"'`]+\.js)["'`]|\bimport\s*["'`]([^"'`]+\.js)["'`]/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
  const dynamics = [...code.matchAll(/\bimport\s*\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]!);
  return { statics, dynamics };
}

export async function newtabBytes(dir: string): Promise<Bytes> {
  const html = await readFile(join(dir, 'newtab.html'), 'utf8');
  const attr = (tag: string, name: string): string | undefined =>
    new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
  const rooted = (p: string): string => posix.normalize(`/${p.replace(/^\//, '')}`);
  const entries: string[] = [];
  const css = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    const href = attr(tag, 'href');
    const rel = attr(tag, 'rel') ?? '';
    if (/^<script/i.test(tag) && src) entries.push(rooted(src));
    else if (href && /modulepreload/i.test(rel)) entries.push(rooted(href));
    else if (href && /stylesheet/i.test(rel)) css.add(rooted(href));
  }
  const resolve = (spec: string, from: string): string => posix.normalize(posix.join(posix.dirname(from), spec));

  /** Walks static imports from `roots`; returns the files reached (not in `known`) and the dynamic imports seen. */
  async function walk(roots: string[], known: Set<string>): Promise<{ files: Set<string>; dynamics: Set<string> }> {
    const files = new Set<string>();
    const dynamics = new Set<string>();
    const queue = [...roots];
    while (queue.length) {
      const path = queue.shift()!;
      if (files.has(path) || known.has(path)) continue;
      files.add(path);
      const { statics, dynamics: dyn } = importsOf(await readFile(join(dir, path), 'utf8'));
      for (const spec of statics) queue.push(resolve(spec, path));
      for (const spec of dyn) dynamics.add(resolve(spec, path));
    }
    return { files, dynamics };
  }

  const initial = await walk(entries, new Set());
  const app = await walk([...initial.dynamics], initial.files);
  const lazy = new Set<string>();
  let pending = [...app.dynamics].filter((p) => !initial.files.has(p) && !app.files.has(p));
  while (pending.length) {
    const more = await walk(pending, new Set([...initial.files, ...app.files, ...lazy]));
    for (const f of more.files) lazy.add(f);
    pending = [...more.dynamics].filter((p) => !initial.files.has(p) && !app.files.has(p) && !lazy.has(p));
  }
  const measure = async (path: string): Promise<FileSize> => {
    const buf = await readFile(join(dir, path));
    return { path, raw: buf.length, gzip: gzipSync(buf).length };
  };
  return {
    js: await Promise.all([...initial.files].map(measure)),
    css: await Promise.all([...css].map(measure)),
    app: await Promise.all([...app.files].map(measure)),
    lazy: await Promise.all([...lazy].map(measure)),
  };
}

/**
 * Measures and prints what the new tab in the build `dir` loads, cross-checked against the files the
 * new tab requested while measured (`loadedResources`); returns the table's rows.
 */
export async function benchSizes(dir: string, loadedResources: string[]): Promise<string[][]> {
  const bytes = await newtabBytes(dir);
  const sum = (files: FileSize[], key: 'gzip' | 'raw') => files.reduce((n, f) => n + f[key], 0);
  const firstGzip = sum(bytes.js, 'gzip');
  const jsGzip = firstGzip + sum(bytes.app, 'gzip');
  const jsRaw = sum(bytes.js, 'raw') + sum(bytes.app, 'raw');
  const cssGzip = sum(bytes.css, 'gzip');
  const cssRaw = sum(bytes.css, 'raw');
  log();
  log(`(d) what the new tab loads at every opening, each file gzipped (zlib level 6):`);
  log(`    before the first paint (newtab.html's script and its static imports):`);
  for (const f of [...bytes.js, ...bytes.css]) log(`      ${f.path}: ${kb(f.raw)} raw, ${kb(f.gzip)} gzip`);
  log(`    right after it (the app: the entry's import() and its static imports):`);
  for (const f of bytes.app) log(`      ${f.path}: ${kb(f.raw)} raw, ${kb(f.gzip)} gzip`);
  log(
    `    JS ${kb(jsGzip)} gzip (${kb(jsRaw)} raw; target ≤ 55 KB), of which ${kb(firstGzip)} before the first paint; ` +
      `CSS ${kb(cssGzip)} gzip (${kb(cssRaw)} raw)`,
  );
  const lazyGzip = sum(bytes.lazy, 'gzip');
  if (bytes.lazy.length) {
    log(`    loaded only when used (search when idle, menus, views, the ranker; not counted above):`);
    for (const f of bytes.lazy) log(`      ${f.path}: ${kb(f.raw)} raw, ${kb(f.gzip)} gzip`);
  }
  const staticSet = new Set([...bytes.js, ...bytes.css, ...bytes.app, ...bytes.lazy].map((f) => f.path));
  const runtimeExtra = [...new Set(loadedResources)].filter((p) => /\.(m?js|css)$/.test(p) && !staticSet.has(p));
  if (loadedResources.length) {
    log(
      `    cross-check (files the new tab requested, searching included): ${
        runtimeExtra.length ? `also loaded ${runtimeExtra.join(', ')}` : 'nothing beyond the files above'
      }`,
    );
  }
  return [
    [
      'new tab JS at every opening (first paint + app), gzip',
      kb(jsGzip),
      `≤ 55 KB (${jsGzip / 1024 <= 55 ? 'met' : 'not met'})`,
    ],
    ['of which before the first paper, gzip', kb(firstGzip), ''],
    ...(bytes.lazy.length ? [['JS loaded only when used (all lazy chunks together), gzip', kb(lazyGzip), '']] : []),
    ['new tab CSS, gzip', kb(cssGzip), ''],
  ];
}
