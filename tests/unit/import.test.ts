import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { toBackup } from '@/lib/reading-list/backup';
import { importText } from '@/lib/reading-list/import';
import type { Paper } from '@/lib/core/paper';
import type { SavedPaper } from '@/lib/core/saved';
import { SAVED_IDS_KEY } from '@/lib/core/saved-mirror';
import { datedAt, makeSaved } from '../fixtures/saved';

const T0 = Date.parse('2026-11-20T09:00:00Z');
const NOW = Date.parse('2026-11-25T15:00:00Z');
const A = '2404.00001';
const B = '2404.00002';
const C = '2404.00003';

function rec(id: string, over: Partial<SavedPaper> = {}, p: Partial<Paper> = {}): SavedPaper {
  const base = { title: `Paper ${id}`, summary: 'An abstract.', authors: ['Ada Lovelace'], day: '2026-11-19' };
  return makeSaved(
    id,
    { ...base, upvotes: 3, publishedAt: undefined, fetchedAt: T0, ...p },
    { ...datedAt(T0), ...over },
  );
}

// As arxiv.org's "Export BibTeX citation" writes it, plus Google Scholar entries with and without arXiv ids.
const BIBTEX = `@misc{vaswani2023attentionneed,
      title={Attention Is All You Need},
      author={Ashish Vaswani and Noam Shazeer},
      year={2023},
      eprint={1706.03762},
      archivePrefix={arXiv},
      primaryClass={cs.CL},
}

@article{brown2020language,
  title={Language models are few-shot learners},
  author={Brown, Tom and Mann, Benjamin},
  journal={arXiv preprint arXiv:2005.14165},
  year={2020}
}

@inproceedings{he2016deep,
  title={Deep residual learning for image recognition},
  author={He, Kaiming and Zhang, Xiangyu},
  booktitle={CVPR},
  year={2016}
}`;

const NO_ARXIV = `@inproceedings{he2016deep,
  title={Deep residual learning for image recognition},
  author={He, Kaiming and Zhang, Xiangyu},
  year={2016}
}

@book{knuth1997art,
  title={The Art of Computer Programming},
  author={Knuth, Donald E.},
  year={1997}
}`;

let db: PapertabDB;
let n = 0;
const mirror = async () => (await fakeBrowser.storage.local.get(SAVED_IDS_KEY))[SAVED_IDS_KEY];

beforeEach(async () => {
  db = createDb(`import-${n++}`);
  await db.saved.bulkPut([
    rec(A, {
      status: 'reading',
      note: 'My own note, written last.',
      updatedAt: T0 + 30,
      edited: { status: T0 + 10, tags: T0, note: T0 + 30 },
    }),
    rec(B),
  ]);
});
afterEach(() => db.close());

describe('importing a Papertab backup', () => {
  // Exported on another device: A's status changed there later, its note earlier; C is new.
  const backup = () =>
    toBackup(
      [
        rec(A, {
          status: 'read',
          note: 'An older note.',
          tags: ['survey'],
          updatedAt: T0 + 20,
          edited: { status: T0 + 20, tags: T0 + 20, note: T0 + 5 },
        }),
        rec(C, { tags: ['agents'] }),
      ],
      NOW,
    );

  it('merges field by field, the newer edit winning, and says what it did', async () => {
    const r = await importText(db, backup(), NOW);
    expect(r).toEqual({
      ok: true,
      message: 'Imported 2 papers from the backup: 1 new, 1 updated, 0 unchanged.',
    });
    expect(await db.saved.get(A)).toMatchObject({
      status: 'read',
      tags: ['survey'],
      note: 'My own note, written last.',
      edited: { status: T0 + 20, tags: T0 + 20, note: T0 + 30 },
    });
    expect(await db.saved.get(B)).toEqual(rec(B));
    expect(await db.saved.get(C)).toEqual(rec(C, { tags: ['agents'] }));
    expect(await mirror()).toEqual([A, B, C]);
  });

  it('importing the same backup twice adds no duplicates and changes nothing the second time', async () => {
    await importText(db, backup(), NOW);
    const once = await db.saved.toArray();
    const r = await importText(db, backup(), NOW + 1000);
    expect(r).toEqual({
      ok: true,
      message: 'Imported 2 papers from the backup: 0 new, 0 updated, 2 unchanged.',
    });
    expect(await db.saved.toArray()).toEqual(once);
  });

  it('says "paper" for one', async () => {
    const r = await importText(db, toBackup([rec(C)], NOW), NOW);
    expect(r).toEqual({ ok: true, message: 'Imported 1 paper from the backup: 1 new, 0 updated, 0 unchanged.' });
  });
});

describe('importing BibTeX', () => {
  it('adds the entries with arXiv ids as incomplete papers, and reports the entries skipped', async () => {
    const r = await importText(db, BIBTEX, NOW);
    expect(r).toEqual({
      ok: true,
      message:
        'Imported 2 papers from the BibTeX: 2 new, 0 updated, 0 unchanged. 1 entry without an arXiv id was skipped.',
    });
    expect(await db.saved.get('1706.03762')).toMatchObject({
      incomplete: true,
      status: 'to-read',
      savedAt: NOW,
      paper: { title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'] },
    });
    expect(await db.saved.get('2005.14165')).toMatchObject({
      incomplete: true,
      paper: { title: 'Language models are few-shot learners', authors: ['Tom Brown', 'Benjamin Mann'] },
    });
    expect(await mirror()).toEqual(expect.arrayContaining(['1706.03762', '2005.14165', A, B]));
  });

  it('names several skipped entries in the plural', async () => {
    const r = await importText(db, `${BIBTEX}\n\n${NO_ARXIV}`, NOW);
    expect(r.ok && r.message).toMatch(/ 3 entries without an arXiv id were skipped\.$/);
  });

  it('a paper already on the list keeps its status, note and complete record', async () => {
    const { updatedAt: _, ...before } = (await db.saved.get(A))!;
    const r = await importText(db, `@misc{x, title={Another Title}, eprint={${A}}, archivePrefix={arXiv}}`, NOW);
    expect(r.ok).toBe(true);
    expect(await db.saved.count()).toBe(2);
    expect(await db.saved.get(A)).toMatchObject(before);
    expect((await db.saved.get(A))?.incomplete).toBeUndefined();
  });
});

describe('a file that cannot be imported changes nothing', () => {
  it.each([
    ['damaged JSON', '{"format": "papertab-backup", "version": 1, "papers": [', /not valid JSON/],
    [
      'JSON from another program',
      '{"bookmarks": [{"url": "https://arxiv.org/abs/2404.00009"}]}',
      /not a Papertab backup/,
    ],
    ['a JSON list', '[1, 2, 3]', /not a Papertab backup/],
    [
      'a backup from a newer Papertab',
      JSON.stringify({ format: 'papertab-backup', version: 99, papers: [] }),
      /newer version of Papertab/,
    ],
    [
      'a backup with one bad record among good ones',
      JSON.stringify({
        format: 'papertab-backup',
        version: 1,
        papers: [rec(C), { ...rec('2404.00004'), status: 'finished' }],
      }),
      /paper 2 \(2404\.00004\) has an invalid or missing “status”/,
    ],
    ['plain text', 'Attention is all you need, arXiv 1706.03762', /neither a Papertab backup \(JSON\) nor BibTeX/],
    ['an empty file', '', /neither a Papertab backup/],
    ['BibTeX without any arXiv id', NO_ARXIV, /None of the 2 BibTeX entries has an arXiv id/],
    ['BibTeX with unbalanced braces', '@misc{x, title={Open, eprint={2404.00009}', /unbalanced braces/],
  ])('%s', async (_what, text, reason) => {
    const before = await db.saved.toArray();
    const mirrorBefore = await mirror();
    const r = await importText(db, text, NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(reason);
    expect(r.error).toMatch(/ Nothing was changed\.$/);
    expect(await db.saved.toArray()).toEqual(before);
    expect(await mirror()).toEqual(mirrorBefore);
  });

  it('one BibTeX entry without an arXiv id is named in the singular', async () => {
    const r = await importText(db, '@book{k, title={TAOCP}, author={Knuth, Donald}, year={1997}}', NOW);
    expect(r).toEqual({ ok: false, error: 'The BibTeX entry has no arXiv id. Nothing was changed.' });
  });
});

describe('importing a hostile BibTeX file', () => {
  it('a file of self-doubling @string macros changes nothing and says why', async () => {
    const before = await db.saved.toArray();
    const bomb = [
      '@string{m0 = "0123456789012345678901234567890123456789"}',
      ...Array.from({ length: 30 }, (_, i) => `@string{m${i + 1} = m${i} # m${i}}`),
      '@misc{k, eprint = {2404.99999}, title = m30}',
    ].join('\n');
    const r = await importText(db, bomb, NOW);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/@string macros.*Nothing was changed\.$/) });
    expect(await db.saved.toArray()).toEqual(before);
  });
});
