// @vitest-environment node
/**
 * A comment that names a file or folder names one that exists (issue 20): `lib/core/settings.ts`,
 * `components/newtab/`, `@/lib/views/keyboard`, or, inside lib/, a path from a lib folder such as
 * `core/paper-links.ts`. A comment pointing at a file that was moved or deleted sends the reader
 * nowhere, so every such mention in the source's comments is checked against the tree.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from '../support/source-files';

const SCANNED = ['lib', 'components', 'entrypoints', 'tools', 'tests'];
const CONFIGS = ['wxt.config.ts', 'vitest.config.ts', 'eslint.config.js'];
const TOP = ['lib', 'components', 'entrypoints', 'tests', 'tools', 'public', 'docs'];
const LIB = [
  'background',
  'core',
  'hf',
  'hooks',
  'paper-page',
  'reading-list',
  'search',
  'store',
  'sync',
  'views',
  'zotero',
];
/**
 * A path: a top folder (or a lib folder) and `/`, then path characters. Not preceded by anything a
 * path or URL continues with (`huggingface.co/api/...`, `../lib`, `node_modules/wxt/...`); `@/` and
 * `~/` (the project's aliases) are allowed before it.
 */
const PATH = new RegExp(
  `(?<![\\w.:/@~-])(?:[@~]/)?((${TOP.join('|')})/[\\w./-]*|(${LIB.join('|')})/[\\w./-]*\\.tsx?\\b)(?=([<{*$]?))`,
  'g',
);

/** The comments of a file: every line or block comment, never a string. */
function comments(fileName: string, source: string): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const seen = new Set<number>();
  const visit = (node: ts.Node) => {
    const ranges = [
      ...(ts.getLeadingCommentRanges(source, node.getFullStart()) ?? []),
      ...(ts.getTrailingCommentRanges(source, node.getEnd()) ?? []),
    ];
    for (const r of ranges)
      if (!seen.has(r.pos)) {
        seen.add(r.pos);
        found.push({ line: file.getLineAndCharacterOfPosition(r.pos).line + 1, text: source.slice(r.pos, r.end) });
      }
    ts.forEachChild(node, visit);
  };
  visit(file);
  // Comments after the last token (a file's closing lines) hang on the end-of-file token.
  for (const r of ts.getLeadingCommentRanges(source, file.endOfFileToken.getFullStart()) ?? [])
    if (!seen.has(r.pos))
      found.push({ line: file.getLineAndCharacterOfPosition(r.pos).line + 1, text: source.slice(r.pos, r.end) });
  return found;
}

/** The path-like mentions in a comment, as paths from the root. */
export function mentions(comment: string): string[] {
  return [...comment.matchAll(PATH)].map((m) => {
    const whole = m[1]!.replace(/\.+$/, '');
    // A pattern (`releases/papertab-<version>.zip`, `**/*.test.ts`): its folder is what must exist.
    const mention = m[4] ? whole.slice(0, whole.lastIndexOf('/') + 1) : whole;
    return m[3] ? `lib/${mention}` : mention;
  });
}

/** Whether a mention names something there: a file, a folder, or a module named without its extension. */
function exists(mention: string): boolean {
  const at = path.join(ROOT, mention);
  return ['', '.ts', '.tsx', '/index.ts'].some((end) => existsSync(at + end));
}

describe('paths named in comments', () => {
  it('exist', () => {
    const files = [...sourceFiles(SCANNED, /\.(tsx?|mjs|js)$/), ...CONFIGS];
    expect(files.length).toBeGreaterThan(200);
    const missing = files.flatMap((f) =>
      comments(f, readFileSync(path.join(ROOT, f), 'utf8')).flatMap(({ line, text }) =>
        mentions(text)
          .filter((m) => !exists(m))
          .map((m) => `${f}:${line}: ${m}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('are found as written, and only paths are', () => {
    expect(mentions('// The same key as lib/page-keys.ts, kept here.')).toEqual(['lib/page-keys.ts']);
    expect(mentions('/** See `core/paper-links.ts`, the one builder. */')).toEqual(['lib/core/paper-links.ts']);
    expect(mentions('// as in @/lib/views/keyboard and tests/e2e/ (all of them).')).toEqual([
      'lib/views/keyboard',
      'tests/e2e/',
    ]);
    expect(mentions('// in tests/fixtures/releases/papertab-<version>.zip')).toEqual(['tests/fixtures/releases/']);
    expect(mentions('// ends a sentence: components/newtab/NewTabApp.tsx.')).toEqual([
      'components/newtab/NewTabApp.tsx',
    ]);
    // URLs, other packages' paths, relative imports and words are no mentions.
    const none = [
      '// https://huggingface.co/api/papers/search?q=x',
      '// node_modules/wxt/dist/browser.js',
      '// import from ../lib/core/i18n',
      '// the search/ranking core, the hf/zotero sides',
      '// arXiv ids like cs/0112017',
    ];
    for (const c of none) expect(mentions(c), c).toEqual([]);
  });

  it('are read from comments only, never from strings', () => {
    const source = `const p = 'lib/nowhere.ts'; // lib/core/settings.ts\n/* tools/x.ts */ f();\n`;
    expect(comments('x.ts', source).flatMap(({ text }) => mentions(text))).toEqual([
      'lib/core/settings.ts',
      'tools/x.ts',
    ]);
  });
});
