/**
 * The reading list has one owner (issue 18): lint fails on a write of the `saved` table, of the
 * deletion records or of the ids mirror anywhere but lib/store/reading-list.ts. Each case plants
 * the forbidden write in a file that sits where a real one would, and asks ESLint about it.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.map((m) => m.message);
}

const OWNER = 'Only lib/store/reading-list.ts writes the reading list: hand it the change.';
const header = "import type { PapertabDB } from '../store/db';\n";

describe('only the owner writes the reading list (lint)', () => {
  const writes: [string, string][] = [
    ['put', 'export const f = (db: PapertabDB, r: never) => db.saved.put(r);'],
    ['bulkPut', 'export const f = (db: PapertabDB) => db.saved.bulkPut([]);'],
    ['update', "export const f = (db: PapertabDB) => db.saved.update('1', {});"],
    ['delete', "export const f = (db: PapertabDB) => db.saved.delete('1');"],
    ['bulkDelete', 'export const f = (db: PapertabDB) => db.saved.bulkDelete([]);'],
    ['clear', 'export const f = (db: PapertabDB) => db.saved.clear();'],
    ['where().modify()', "export const f = (db: PapertabDB) => db.saved.where('status').equals('read').modify({});"],
    ['filter().delete()', 'export const f = (db: PapertabDB) => db.saved.filter(() => true).delete();'],
    [
      'a deletion record',
      "import { addTombstones } from '../store/tombstones';\nexport const f = () => addTombstones([]);",
    ],
    [
      'the deletion records replaced',
      "import { writeTombstones } from '../store/tombstones';\nexport const f = () => writeTombstones([], 0);",
    ],
  ];
  for (const [name, code] of writes)
    it(`fails on ${name} outside the owner (lib/sync, lib/reading-list, components)`, async () => {
      for (const file of ['lib/sync/planted.ts', 'lib/reading-list/planted.ts', 'components/Planted.tsx'])
        expect(await problems(file, header + code), file).toContain(OWNER);
    });

  it('lets the owner write, and anyone read', async () => {
    expect(await problems('lib/store/reading-list.ts', header + writes[0]![1])).not.toContain(OWNER);
    const read = 'export const f = (db: PapertabDB) => db.saved.toArray();';
    expect(await problems('lib/sync/planted.ts', header + read)).toEqual([]);
  });
});
