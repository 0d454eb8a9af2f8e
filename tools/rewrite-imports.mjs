#!/usr/bin/env node
// Rewrites import specifiers in the given .ts/.tsx/.mts files after the lib/ reorganisation,
// using tools/lib-moves.json (old path -> new path, relative to the repository root), then
// tools/lib-symbol-moves.json (names that left a module since, by the module they left).
//
//   node tools/rewrite-imports.mjs $(git ls-files '*.ts' '*.tsx')
//
// Handles `from '...'`, `import '...'`, `import('...')`, `vi.mock('...')`, `vi.doMock('...')`
// in both the relative form (`../reading-list`) and the alias form (`@/lib/reading-list`).
// A specifier that already resolves to an existing file is left alone, so the script is
// idempotent and safe on files that were written against the new layout. A file that itself
// moved (a branch's edit carried over by git's rename detection) still has specifiers written
// from its old folder: those are resolved from the old folder first.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const moves = JSON.parse(readFileSync(join(root, 'tools/lib-moves.json'), 'utf8'));
const strip = (p) => p.replace(/\.(ts|tsx|mts)$/, '');
const byOld = new Map(Object.entries(moves).map(([o, n]) => [strip(o), strip(n)]));
const oldOf = new Map(Object.entries(moves).map(([o, n]) => [n, o]));
const EXTS = ['.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];

const exists = (abs) => EXTS.some((e) => existsSync(abs + e)) || (/\.\w+$/.test(abs) && existsSync(abs));
const toRepo = (abs) => relative(root, abs).split('\\').join('/');

function rewrite(spec, fileRel) {
  const alias = spec.startsWith('@/');
  if (!alias && !spec.startsWith('.')) return spec;
  const here = dirname(join(root, fileRel));
  const current = alias ? join(root, spec.slice(2)) : resolve(here, spec);
  if (exists(current)) return spec;
  const candidates = [current];
  const movedFrom = oldOf.get(fileRel);
  if (!alias && movedFrom) candidates.unshift(resolve(dirname(join(root, movedFrom)), spec));
  for (const abs of candidates) {
    // An old path that moved maps to its new home; from a moved file, a path that did not move
    // (`./sync/codec`, `../public/...`) keeps its target and only its relative form changes.
    const target = byOld.get(toRepo(abs)) ?? (abs !== current && exists(abs) ? toRepo(abs) : undefined);
    if (!target) continue;
    if (alias) return '@/' + target;
    let rel = posix.relative(toRepo(here) || '.', target);
    if (!rel.startsWith('.')) rel = './' + rel;
    return rel;
  }
  return spec;
}

// Names that left a module (a type moved low in the house, the request gate out of the refresh):
// `import { a, b } from 'x'` becomes one import per module the names now live in.
const symbolMoves = JSON.parse(readFileSync(join(root, 'tools/lib-symbol-moves.json'), 'utf8'));
const resolveSpec = (spec, fileRel) => {
  const abs = spec.startsWith('@/') ? join(root, spec.slice(2)) : resolve(dirname(join(root, fileRel)), spec);
  return ['.ts', '.tsx'].map((e) => toRepo(abs) + e).find((p) => existsSync(join(root, p)));
};
const specFor = (target, fileRel, alias) => {
  const bare = strip(target);
  if (alias) return '@/' + bare;
  const rel = posix.relative(dirname(fileRel), bare);
  return rel.startsWith('.') ? rel : './' + rel;
};
function splitMoved(text, fileRel) {
  return text.replace(/import (type )?\{([^}]*)\} from (['"])([^'"\n]+)\3;/g, (all, typeOnly = '', names, q, spec) => {
    const moved = symbolMoves[resolveSpec(spec, fileRel) ?? ''];
    if (!moved) return all;
    const groups = new Map();
    for (const raw of names
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean)) {
      const name = raw.replace(/^type\s+/, '').split(/\s+as\s+/)[0];
      const to = moved[name] ? specFor(moved[name], fileRel, spec.startsWith('@/')) : spec;
      groups.set(to, [...(groups.get(to) ?? []), raw]);
    }
    if (groups.size === 1 && groups.has(spec)) return all;
    return [...groups].map(([to, list]) => `import ${typeOnly}{ ${list.join(', ')} } from ${q}${to}${q};`).join('\n');
  });
}

const PATTERN = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\bvi\.(?:do)?[mM]ock\(\s*)(['"])([^'"\n]+)\2/g;
let changed = 0;
for (const arg of process.argv.slice(2)) {
  const fileRel = toRepo(resolve(arg));
  const text = readFileSync(join(root, fileRel), 'utf8');
  const next = splitMoved(
    text.replace(PATTERN, (all, lead, q, spec) => {
      const to = rewrite(spec, fileRel);
      return to === spec ? all : `${lead}${q}${to}${q}`;
    }),
    fileRel,
  );
  if (next !== text) {
    writeFileSync(join(root, fileRel), next);
    changed++;
    console.log('rewrote', fileRel);
  }
}
console.log(`${changed} file(s) changed`);
