// @vitest-environment node
/**
 * The Zotero clients against the stand-in of Zotero's server (tests/support/fake-zotero.ts, written
 * from Zotero's source), over real HTTP: what Zotero receives, each failure state, and validation.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { savePaper, setNote, setTags } from '@/lib/reading-list/list';
import { ZOTERO_BASE } from '@/lib/zotero/http';
import { moveInZotero, sendToZotero, type SendDeps } from '@/lib/zotero/send';
import { arxivItems } from '@/lib/zotero/local-api';
import { idsInLibrary } from '@/lib/zotero/match';
import type { Paper } from '@/lib/core/paper';
import { startFakeZotero, type FakeZotero } from '../support/fake-zotero';
import { standInPdf } from '../support/standin';

const PAPER: Paper = {
  id: '2404.12345',
  title: 'Origami Folding with Language Models',
  summary: 'We fold paper.',
  authors: ['Ada Lovelace', 'Alan Mathison Turing', 'Plato'],
  publishedAt: '2024-04-19T17:59:59.000Z',
  primaryClass: 'cs.CL',
  day: '2024-04-22',
  upvotes: 3,
  numComments: 0,
  aiKeywords: [],
  fetchedAt: 1,
};

let zotero: FakeZotero;
let db: PapertabDB;
let n = 0;
let allowed = true;

/** The browser's fetch, as an extension's: a Mozilla user agent, Zotero on the stand-in's port, arXiv's PDF. */
function browserFetch(z: FakeZotero, opts: { strip?: boolean } = {}): typeof fetch {
  return async (input, init) => {
    const url = String(input);
    if (url.startsWith('https://arxiv.org/pdf/')) {
      return new Response(standInPdf(url.slice('https://arxiv.org/pdf/'.length)), {
        headers: { 'Content-Type': 'application/pdf' },
      });
    }
    const headers = new Headers(init?.headers);
    headers.set('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140');
    if (opts.strip) headers.delete('X-Zotero-Connector-API-Version');
    return fetch(url.replace(ZOTERO_BASE, `http://127.0.0.1:${z.port}`), { ...init, headers });
  };
}

const deps = (over: Partial<SendDeps> = {}): SendDeps => ({
  db,
  fetch: browserFetch(zotero),
  hasPermission: async () => allowed,
  ...over,
});

beforeEach(async () => {
  zotero = await startFakeZotero({ port: 0 });
  db = createDb(`zotero-${n++}`);
  allowed = true;
});
afterEach(async () => {
  db.close();
  await zotero.close();
});

describe('sending a paper to Zotero', () => {
  it('saves a preprint with every field of the arXiv translator, uploads the PDF, and names where it went', async () => {
    await db.papers.put(PAPER);
    const reply = await sendToZotero(deps(), [PAPER.id]);
    expect(reply).toMatchObject({ ok: true, message: 'Saved to Zotero: My Library › Reading group' });
    expect(zotero.received.items).toEqual([
      {
        id: expect.stringMatching(/^[23456789A-Z]{8}$/),
        itemType: 'preprint',
        title: PAPER.title,
        creators: [
          { firstName: 'Ada', lastName: 'Lovelace', creatorType: 'author' },
          { firstName: 'Alan Mathison', lastName: 'Turing', creatorType: 'author' },
          { name: 'Plato', creatorType: 'author' },
        ],
        date: '2024-04-19',
        abstractNote: 'We fold paper.',
        url: 'http://arxiv.org/abs/2404.12345',
        DOI: '10.48550/arXiv.2404.12345',
        archiveID: 'arXiv:2404.12345',
        repository: 'arXiv',
        extra: 'arXiv:2404.12345 [cs.CL]',
        libraryCatalog: 'arXiv.org',
        attachments: [],
      },
    ]);
    expect(zotero.received.attachments).toHaveLength(1);
    const [pdf] = zotero.received.attachments;
    expect(pdf!.contentType).toBe('application/pdf');
    expect(pdf!.body).toBe(standInPdf(PAPER.id));
    expect(pdf!.metadata).toMatchObject({
      parentItemID: zotero.received.items[0]!.id,
      url: 'https://arxiv.org/pdf/2404.12345',
      contentType: 'application/pdf',
      title: 'Preprint PDF',
    });
    // Every request carried the Connector's header.
    for (const r of zotero.requests) expect(r.headers['x-zotero-connector-api-version']).toBe('3');
  });

  it('offers every target by its path, and moving keeps the paper’s own tags and note', async () => {
    const rec = await savePaper(db, PAPER);
    await setTags(db, rec.id, ['to cite', 'folding']);
    await setNote(db, rec.id, 'Read <b>this</b>\nfirst');
    const reply = await sendToZotero(deps(), [PAPER.id]);
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.targets.map((t) => t.label)).toEqual([
      'My Library',
      'My Library › Reading group',
      'My Library › Thesis',
      'My Library › Thesis › Chapter 2',
    ]);
    const session = zotero.sessions.get(reply.sent[0]!.sessionID)!;
    expect(session).toMatchObject({
      target: 'C12',
      tags: ['to cite', 'folding'],
      note: 'Read &lt;b&gt;this&lt;/b&gt;<br>first',
    });
    const moved = await moveInZotero(deps(), reply.sent, reply.targets[3]!);
    expect(moved).toEqual({ ok: true, message: 'Moved to My Library › Thesis › Chapter 2 in Zotero.' });
    expect(session.target).toBe('C14');
    expect(zotero.library[0]!.data.collections).toEqual(['CHAPTER5']);
  });

  it('Zotero 7.0.15 gets the PDF listed in the save (it fetches it itself), and the user is told', async () => {
    zotero.state.version = '7.0.15';
    await db.papers.put(PAPER);
    const reply = await sendToZotero(deps(), [PAPER.id]);
    expect(reply).toMatchObject({ ok: true, warning: expect.stringContaining('update to Zotero 7.0.16 or later') });
    expect(zotero.received.items[0]!.attachments).toEqual([
      { title: 'Preprint PDF', url: 'https://arxiv.org/pdf/2404.12345', mimeType: 'application/pdf' },
    ]);
    expect(zotero.requests.some((r) => r.path.startsWith('/connector/saveAttachment'))).toBe(false);
  });

  it('Zotero 9.0.2 drops a browser’s request without the header, as if it were not running', async () => {
    await db.papers.put(PAPER);
    const reply = await sendToZotero(deps({ fetch: browserFetch(zotero, { strip: true }) }), [PAPER.id]);
    expect(reply).toEqual({ ok: false, message: 'Start Zotero to send papers.' });
    expect(zotero.received.items).toEqual([]);
  });

  it('each failure is one sentence with the way out, and Papertab’s data is unchanged', async () => {
    await savePaper(db, PAPER);
    const before = await db.saved.toArray();
    allowed = false;
    expect(await sendToZotero(deps(), [PAPER.id])).toEqual({
      ok: false,
      message: 'Papertab may not reach Zotero yet: turn Zotero on in Papertab’s settings and allow access.',
    });
    allowed = true;
    zotero.state.hang = true;
    expect(await sendToZotero(deps({ timeoutMs: 300 }), [PAPER.id])).toEqual({
      ok: false,
      message: 'Zotero did not answer in time: check that Zotero is open and not busy, then try again.',
    });
    await zotero.stop();
    expect(await sendToZotero(deps(), [PAPER.id])).toEqual({ ok: false, message: 'Start Zotero to send papers.' });
    expect(await db.saved.toArray()).toEqual(before);
  });

  it('an answer that is not Zotero’s shape is refused, not trusted', async () => {
    await db.papers.put(PAPER);
    const inner = browserFetch(zotero);
    const lying: typeof fetch = async (input, init) =>
      String(input).endsWith('/connector/getSelectedCollection')
        ? new Response(JSON.stringify({ libraryID: 'one', targets: 'all' }), {
            headers: { 'Content-Type': 'application/json', 'X-Zotero-Version': '9.0.2' },
          })
        : inner(input, init);
    expect(await sendToZotero(deps({ fetch: lying }), [PAPER.id])).toEqual({
      ok: false,
      message: 'Zotero answered something Papertab does not understand: update Zotero, then try again.',
    });
  });
});

describe('what the library holds (local API)', () => {
  it('one question finds arXiv papers by id (any version, old style), arXiv DOI and URL', async () => {
    zotero.addItem({ itemType: 'preprint', title: 'A', url: 'http://arxiv.org/abs/2401.00001v3' });
    zotero.addItem({ itemType: 'journalArticle', title: 'B', DOI: '10.48550/arXiv.2402.00002' });
    zotero.addItem({ itemType: 'journalArticle', title: 'C', extra: 'Publisher: X\narXiv: hep-th/9901001v2' });
    zotero.addItem({
      itemType: 'preprint',
      title: 'D',
      url: 'https://huggingface.co/papers/2403.00003',
      extra: 'arxiv',
    });
    zotero.addItem({ itemType: 'preprint', title: 'E', archiveID: 'arXiv:2404.00004' });
    zotero.addItem({ itemType: 'book', title: 'Not a paper about arxiv at all' });
    const ids = idsInLibrary(await arxivItems(deps()));
    expect([...ids].sort()).toEqual(['2401.00001', '2402.00002', '2403.00003', '2404.00004', 'hep-th/9901001']);
    expect(zotero.requests.filter((r) => r.path.startsWith('/api/'))).toHaveLength(1);
    expect(zotero.requests[0]!.headers['zotero-allowed-request']).toBe('1');
  });

  it('the local API switched off, and Zotero 6 without one, each say so', async () => {
    zotero.state.localApi = false;
    await expect(arxivItems(deps())).rejects.toMatchObject({ kind: 'local-api-off' });
    zotero.state.version = '6.0.37';
    await expect(arxivItems(deps())).rejects.toMatchObject({ kind: 'no-local-api' });
  });
});
