// @vitest-environment node
/**
 * Each storage key and page key is declared once (issue 20): lib/core/storage-keys.ts names them
 * (sync's in lib/core/sync-keys.ts), and no other source file spells one out. A key written twice drifts apart the day one copy is
 * renamed, and the data under the other is silently lost.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as pageKeys from '@/lib/core/storage-keys';
import * as syncKeys from '@/lib/core/sync-keys';
import { ROOT, sourceFiles } from '../support/source-files';

const DECLARING = ['lib/core/storage-keys.ts', 'lib/core/sync-keys.ts'];
const keys = { ...pageKeys, ...syncKeys };
const values: string[] = Object.values(keys as Record<string, unknown>).filter((k) => typeof k === 'string');
/** Names so plain they are words elsewhere too ('settings' is also a button's label): found only as keys. */
const PARAMS: string[] = [keys.FULL_PARAM, keys.QUERY_PARAM];
const EXACT = new Set(values.filter((k) => !PARAMS.includes(k)));
/** Keys that carry a prefix or stem are found by it too (`rl:3`, an older snapshot's `papertab:popup:v0`). */
const PREFIXES = [keys.SYNC_LIST_PREFIX, keys.NEWTAB_SNAPSHOT_STEM, keys.POPUP_SNAPSHOT_STEM, keys.SETTINGS_MIRROR_KEY];
/** A page's query keys, where they show in a link to one of Papertab's pages: `newtab.html?full&q=`. */
const IN_URL = new RegExp(`\\.html\\?(?:[^#]*&)?(${PARAMS.join('|')})(?=[=&#]|$)`);
/** Storage reads and writes by a literal name, and a page's query read by one. */
const AS_KEY_CALL = /^(get|set|remove|getItem|setItem|removeItem|has)$/;

/** Where `source` (a file's text) spells out a storage or page key: `line: literal`. */
export function spelledKeys(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
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
  const visit = (node: ts.Node) => {
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
    const spelled = sourceFiles()
      .filter((f) => !DECLARING.includes(f))
      .flatMap((f) => spelledKeys(f, readFileSync(path.join(ROOT, f), 'utf8')).map((hit) => `${f}:${hit}`));
    expect(spelled).toEqual([]);
  });

  it('each has one name: no two keys of the same storage share a value, and no name is declared twice', () => {
    // 'settings' is one name in two storages (local and sync), declared as two keys on purpose.
    const local = [keys.SETTINGS_KEY, keys.SAVED_IDS_KEY, keys.SAVED_CHANGED_KEY, keys.IN_ZOTERO_KEY];
    const more = [keys.FALLBACK_KEY, keys.TOMBSTONES_KEY, keys.SYNC_STATUS_KEY, keys.SYNCED_DIGEST_KEY];
    const pages = [keys.NEWTAB_SNAPSHOT_KEY, keys.POPUP_SNAPSHOT_KEY, keys.SETTINGS_MIRROR_KEY];
    for (const area of [[...local, ...more], pages]) expect(new Set(area).size).toBe(area.length);
    expect(Object.keys(pageKeys).filter((name) => name in syncKeys)).toEqual([]);
  });

  it('the scan finds each way a key can be spelled out', () => {
    const planted = [
      `browser.storage.local.get('savedIds');`,
      `localStorage.setItem("papertab:newtab:v1", x);`,
      'const k = `rl:${i}`;',
      `if (key.startsWith('papertab:popup:')) drop(key);`,
      `const old = 'papertab:settings:v0';`,
      'location.href = `/newtab.html?full&q=${q}`;',
      `new URLSearchParams(location.search).get('q');`,
      `browser.storage.local.get(['syncStatus', other]);`,
    ];
    for (const line of planted) expect(spelledKeys('planted.ts', line), line).toHaveLength(1);
    // Words that are no keys where they stand: a label, an object's field, a query to Hugging Face.
    const fine = [
      `t('settings');`,
      `const o = { q: cut };`,
      `send({ type: 'full' });`,
      `params.get('p');`,
      'zoteroRequest(`/items/top?q=arxiv`);',
    ];
    for (const line of fine) expect(spelledKeys('fine.ts', line), line).toEqual([]);
  });
});
