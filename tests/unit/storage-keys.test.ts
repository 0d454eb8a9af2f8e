// @vitest-environment node
/**
 * Each storage key and page key is declared once (issue 20), exported by the module that owns it
 * (DECLARING), and no other source file spells one out. A key written twice drifts apart the day
 * one copy is renamed, and the data under the other is silently lost.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from '../support/source-files';

/** The modules that declare keys: `export const NAME_KEY = '…'` (or _PARAM, _EVENT, _PREFIX). */
const DECLARING = [
  'lib/core/page-keys.ts',
  'lib/core/settings.ts',
  'lib/core/saved-mirror.ts',
  'lib/core/zotero-mirror.ts',
  'lib/views/glance-fallback.ts',
  'lib/views/keyboard.ts',
  'lib/store/tombstones.ts',
  'lib/sync/codec.ts',
  'lib/sync/settings.ts',
  'lib/sync/status.ts',
  'components/popup/PopupApp.tsx',
];
const KEY_NAME = /^[A-Z][A-Z_]*_(KEY|PARAM|EVENT|PREFIX)$/;

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const parse = (fileName: string, source: string) => ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);

/** A declaring module's keys, by name: string constants, templates over its earlier ones included. */
function declaredKeys(file: string): Map<string, string> {
  const keys = new Map<string, string>();
  const valueOf = (e: ts.Expression): string | undefined => {
    if (ts.isStringLiteralLike(e)) return e.text;
    if (!ts.isTemplateExpression(e)) return undefined;
    let text = e.head.text;
    for (const span of e.templateSpans) {
      const part = ts.isIdentifier(span.expression) ? keys.get(span.expression.text) : undefined;
      if (part === undefined) return undefined;
      text += part + span.literal.text;
    }
    return text;
  };
  for (const statement of parse(file, readFileSync(path.join(ROOT, file), 'utf8')).statements) {
    if (!isExported(statement) || !ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      const value = d.initializer && valueOf(d.initializer);
      if (ts.isIdentifier(d.name) && KEY_NAME.test(d.name.text) && value !== undefined) keys.set(d.name.text, value);
    }
  }
  return keys;
}

const declared = DECLARING.map((file) => ({ file, keys: declaredKeys(file) }));
const all = new Map(declared.flatMap(({ keys }) => [...keys]));
/** Names so plain they are words elsewhere too (`q`, `full`): found only where a query is read or built. */
const PARAMS = [...all].filter(([name]) => name.endsWith('_PARAM')).map(([, value]) => value);
const EXACT = new Set([...all.values()].filter((k) => !PARAMS.includes(k)));
/** Found by their start too: a list chunk's `rl:3`, an older snapshot's `papertab:popup:v0`. */
const PREFIXES = [...all]
  .filter(([name]) => name.endsWith('_PREFIX') || name.endsWith('_SNAPSHOT_KEY') || name === 'SETTINGS_MIRROR_KEY')
  .map(([, value]) => value.replace(/v\d+$/, ''));
/** A page's query keys, where they show in a link to one of Papertab's pages: `newtab.html?full&q=`. */
const IN_URL = new RegExp(`\\.html\\?(?:[^#]*&)?(${PARAMS.join('|')})(?=[=&#]|$)`);
/** Storage reads and writes by a literal name, and a page's query read by one. */
const AS_KEY_CALL = /^(get|set|remove|getItem|setItem|removeItem|has)$/;

/** Where `source` (a file's text) spells out a storage or page key: `line: literal`. */
export function spelledKeys(fileName: string, source: string): string[] {
  const file = parse(fileName, source);
  const found: string[] = [];
  const isLabel = (node: ts.Node) =>
    ts.isCallExpression(node.parent) &&
    ts.isIdentifier(node.parent.expression) &&
    /^tn?$/.test(node.parent.expression.text);
  const isKeyCall = (node: ts.Node) => {
    const call = ts.isArrayLiteralExpression(node.parent) ? node.parent.parent : node.parent;
    return (
      ts.isCallExpression(call) &&
      ts.isPropertyAccessExpression(call.expression) &&
      AS_KEY_CALL.test(call.expression.name.text)
    );
  };
  /** The literal is a key's own declaration: `export const NAME_KEY = '…'` (or a template's part). */
  const declares = (node: ts.Node) => {
    for (let n: ts.Node | undefined = node.parent, up = 0; n && up < 3; n = n.parent, up++)
      if (ts.isVariableDeclaration(n))
        return ts.isIdentifier(n.name) && KEY_NAME.test(n.name.text) && isExported(n.parent.parent);
    return false;
  };
  const visit = (node: ts.Node) => {
    if (declares(node)) return;
    if (
      ts.isStringLiteralLike(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const text = node.text;
      const key =
        (EXACT.has(text) && !isLabel(node)) ||
        PREFIXES.some((p) => text.startsWith(p)) ||
        IN_URL.test(text) ||
        (PARAMS.includes(text) && isKeyCall(node));
      if (key) found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('storage and page keys', () => {
  it('are spelled out only where they are declared', () => {
    const spelled = sourceFiles().flatMap((f) =>
      spelledKeys(f, readFileSync(path.join(ROOT, f), 'utf8')).map((hit) => `${f}:${hit}`),
    );
    expect(spelled).toEqual([]);
  });

  it('each is declared once, by one module, and no two keys share a value', () => {
    for (const { file, keys } of declared) expect(keys.size, file).toBeGreaterThan(0);
    const names = declared.flatMap(({ keys }) => [...keys.keys()]);
    expect(names.length).toBe(all.size);
    // 'settings' names an item in two storages (local and sync): two keys on purpose.
    const values = [...all].filter(([name]) => name !== 'SYNC_SETTINGS_KEY').map(([, value]) => value);
    expect(values.length - new Set(values).size).toBe(0);
    // A key declared outside the list would escape the scan: every declaration is in a listed module.
    const elsewhere = sourceFiles().filter((f) => !DECLARING.includes(f) && declaredKeys(f).size > 0);
    expect(elsewhere).toEqual([]);
  });

  it('the scan finds each way a key can be spelled out', () => {
    const planted = [
      `browser.storage.local.get('savedIds');`,
      `localStorage.setItem("papertab:newtab:v1", x);`,
      'const k = `rl:${i}`;',
      `if (key.startsWith('papertab:popup:')) drop(key);`,
      `const old = 'papertab:settings:v0';`,
      `document.dispatchEvent(new Event('papertab:ready'));`,
      'location.href = `/newtab.html?full&q=${q}`;',
      `new URLSearchParams(location.search).get('q');`,
      `browser.storage.local.get(['syncStatus', other]);`,
    ];
    for (const line of planted) expect(spelledKeys('planted.ts', line), line).toHaveLength(1);
    // A second declaration under another name is found too; the key's own is not.
    expect(spelledKeys('planted.ts', `const MIRROR_KEY = 'papertab:settings';`)).toHaveLength(1);
    expect(spelledKeys('planted.ts', `export const SETTINGS_MIRROR_KEY = 'papertab:settings';`)).toEqual([]);
    // Words that are no keys where they stand: a label, an object's field, a query to Zotero.
    const fine = [
      `t('settings');`,
      `const o = { q: cut };`,
      `send({ type: 'full' });`,
      `params.get('p');`,
      'zoteroRequest(`/items/top?q=arxiv`);',
      `performance.mark('papertab:first-paint-start');`,
    ];
    for (const line of fine) expect(spelledKeys('fine.ts', line), line).toEqual([]);
  });
});
