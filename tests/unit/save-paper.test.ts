import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { storeDay } from '@/lib/store/papers';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { setMeta } from '@/lib/store/meta-table';
import { setNote, setStatus } from '@/lib/reading-list/list';
import type { PageMeta } from '@/lib/core/save-request';
import { completeIncomplete, saveById, unsaveById } from '@/lib/hf/save-paper';
import { makeDailyItem, makeDay } from '../fixtures/papers';
import { FakeHf } from '../support/fake-hf';

const NOW = Date.parse('2026-11-25T15:00:00Z');
const DAY = '2026-11-24';
const ID = '2404.12345';
const OLD_ID = 'hep-th/9901001';

/** What arXiv's abstract page says about itself (citation_* tags, read by the content script). */
const PAGE: PageMeta = {
  title: '  Origami Folding\n with Language Models ',
  authors: ['Ada Lovelace', ' Alan   Turing '],
  publishedAt: '2024/04/19',
  abstract: 'We fold paper.',
};

let db: PapertabDB;
let hf: FakeHf;
let clock: number;
let n = 0;

beforeEach(() => {
  db = createDb(`save-${n++}`);
  hf = new FakeHf();
  clock = NOW;
});
afterEach(() => db.close());

const deps = () => ({ db, fetch: hf.fetch, now: () => clock });
const paperRequests = () => hf.requests.filter((r) => new URL(r).pathname.startsWith('/api/papers/'));

describe('saving a paper by id', () => {
  it('saves a paper the feed cache has from the cache, with no request', async () => {
    const [cached] = parseDailyItems(makeDay(DAY, 2), DAY, NOW).items;
    await storeDay(db, DAY, [cached!], 0, NOW);
    const reply = await saveById(deps(), `arXiv:${cached!.id}v2`);
    expect(reply).toEqual({ ok: true, saved: true, message: `Saved “${cached!.title}”.` });
    expect(hf.requests).toEqual([]);
    const rec = await db.saved.get(cached!.id);
    expect(rec?.paper).toEqual({ ...cached, day: DAY });
    expect(rec?.incomplete).toBeUndefined();
  });

  it('fetches a paper the cache lacks from /api/papers/<id>', async () => {
    hf.papers.set(ID, makeDailyItem(ID, DAY, { title: 'Known to Hugging Face' }).paper);
    const reply = await saveById(deps(), ID, PAGE);
    expect(reply.ok).toBe(true);
    expect(paperRequests().map((r) => new URL(r).pathname)).toEqual([`/api/papers/${ID}`]);
    const rec = await db.saved.get(ID);
    // Hugging Face's record wins over what the page said.
    expect(rec?.paper.title).toBe('Known to Hugging Face');
    expect(rec?.incomplete).toBeUndefined();
    expect(rec).toMatchObject({ status: 'to-read', savedAt: NOW });
  });

  it.each<[string, () => void]>([
    ['Hugging Face does not know it yet (404)', () => undefined],
    ['the network is down', () => (hf.fault = { fault: { kind: 'network' } })],
    ['Hugging Face fails (500)', () => (hf.fault = { fault: { kind: 'status', status: 500 } })],
  ])('saves what the page said, marked incomplete, when %s', async (_when, setup) => {
    setup();
    const reply = await saveById(deps(), ID, PAGE);
    expect(reply).toEqual({ ok: true, saved: true, message: 'Saved “Origami Folding with Language Models”.' });
    const rec = await db.saved.get(ID);
    expect(rec?.incomplete).toBe(true);
    expect(rec?.paper).toMatchObject({
      id: ID,
      title: 'Origami Folding with Language Models',
      authors: ['Ada Lovelace', 'Alan Turing'],
      // arXiv's citation_date is YYYY/MM/DD.
      publishedAt: '2024-04-19T00:00:00.000Z',
      summary: 'We fold paper.',
      day: '',
      upvotes: 0,
    });
  });

  it('an old-style id is saved from the page without asking Hugging Face (it only knows new-style ids)', async () => {
    await saveById(deps(), OLD_ID, { title: 'Strings' });
    expect(hf.requests).toEqual([]);
    expect(await db.saved.get(OLD_ID)).toMatchObject({ incomplete: true, paper: { title: 'Strings' } });
  });

  it('with no page to read (a context menu), an unknown paper is saved under its arXiv id', async () => {
    await saveById(deps(), ID);
    const rec = await db.saved.get(ID);
    expect(rec?.paper.title).toBe(`arXiv:${ID}`);
    expect(rec?.paper.publishedAt).toBeUndefined();
    expect(rec?.incomplete).toBe(true);
  });

  it('a date the page garbled is left out rather than invented', async () => {
    await saveById(deps(), ID, { ...PAGE, publishedAt: 'sometime in spring' });
    expect(await db.saved.get(ID)).not.toHaveProperty('paper.publishedAt');
  });

  it('makes no request while Hugging Face has asked us to slow down, and saves from the page', async () => {
    hf.papers.set(ID, makeDailyItem(ID, DAY).paper);
    await setMeta(db, 'refreshStatus', { failures: 1, rateLimitedUntil: NOW + 60_000 });
    await saveById(deps(), ID, PAGE);
    expect(hf.requests).toEqual([]);
    expect((await db.saved.get(ID))?.incomplete).toBe(true);
    // Once the wait is over, asking is allowed again.
    clock = NOW + 61_000;
    await saveById(deps(), '2404.12346', PAGE);
    expect(paperRequests()).toHaveLength(1);
  });

  it('never lets what a page said overwrite a complete saved record', async () => {
    hf.papers.set(ID, makeDailyItem(ID, DAY, { title: 'Known to Hugging Face' }).paper);
    await saveById(deps(), ID);
    const before = await db.saved.get(ID);
    hf.fault = { fault: { kind: 'network' } };
    await saveById(deps(), ID, { title: 'Something Else Entirely', authors: ['Mallory'] });
    expect(await db.saved.get(ID)).toEqual(before);
  });

  it('refuses what is not an arXiv id, saving nothing', async () => {
    for (const bad of ['', 'not-a-paper', '2404.1234', '2413.12345', '../../etc/passwd']) {
      expect(await saveById(deps(), bad)).toEqual({ ok: false, saved: false, message: 'Not an arXiv paper id.' });
    }
    expect(await db.saved.count()).toBe(0);
    expect(hf.requests).toEqual([]);
  });

  it('unsaving removes the paper, whatever version the id names', async () => {
    await saveById(deps(), ID, PAGE);
    expect(await unsaveById(deps(), `${ID}v3`)).toEqual({
      ok: true,
      saved: false,
      message: 'Removed from the reading list.',
    });
    expect(await db.saved.count()).toBe(0);
    expect((await unsaveById(deps(), 'junk')).ok).toBe(false);
  });
});

describe('the arXiv category a page names', () => {
  it('is kept with the paper, whether Hugging Face or the page gave the rest, and through later refreshes', async () => {
    hf.papers.set(ID, makeDailyItem(ID, DAY, { title: 'Known to Hugging Face' }).paper);
    await saveById(deps(), ID, { ...PAGE, primaryClass: 'cs.LG' });
    expect((await db.saved.get(ID))?.paper).toMatchObject({ title: 'Known to Hugging Face', primaryClass: 'cs.LG' });
    // A feed refresh brings the paper again (Hugging Face has no category): the category stays.
    await storeDay(
      db,
      DAY,
      parseDailyItems([makeDailyItem(ID, DAY, { paper: { upvotes: 99 } })], DAY, NOW).items,
      0,
      NOW,
    );
    expect((await db.saved.get(ID))?.paper).toMatchObject({ upvotes: 99, primaryClass: 'cs.LG' });

    await saveById(deps(), '2404.12346', { title: 'Unknown yet', primaryClass: 'cs.CL' }); // 404: from the page
    expect((await db.saved.get('2404.12346'))?.paper).toMatchObject({ title: 'Unknown yet', primaryClass: 'cs.CL' });
  });
});

describe('when /api/papers/<id> answers with another paper', () => {
  const OTHER = '2404.99999';
  const answerOther = (id: string) => hf.papers.set(id, makeDailyItem(OTHER, DAY, { title: 'Some Other Paper' }).paper);

  it('saves the paper asked for, from the page, and nothing under the other id', async () => {
    answerOther(ID);
    const reply = await saveById(deps(), ID, PAGE);
    expect(reply).toMatchObject({ ok: true, saved: true });
    expect(await db.saved.get(OTHER)).toBeUndefined();
    expect(await db.papers.get(OTHER)).toBeUndefined();
    const rec = await db.saved.get(ID);
    expect(rec?.paper).toMatchObject({ id: ID, title: 'Origami Folding with Language Models' });
    expect(rec?.incomplete).toBe(true);
    expect(await db.saved.count()).toBe(1);
  });

  it('never counts as completing it, and does not hold up the other papers', async () => {
    const fine = '2404.00002';
    await saveById(deps(), ID, PAGE); // 404 at first: incomplete
    await saveById(deps(), fine, { title: 'Fine later' });
    answerOther(ID);
    hf.papers.set(fine, makeDailyItem(fine, DAY, { title: 'Fine now' }).paper);
    expect(await completeIncomplete(deps())).toBe(1);
    expect(await db.saved.get(ID)).toMatchObject({
      incomplete: true,
      paper: { id: ID, title: PAGE.title!.trim().replace(/\s+/g, ' ') },
    });
    expect(await db.saved.get(OTHER)).toBeUndefined();
    expect(await db.saved.get(fine)).toMatchObject({ paper: { title: 'Fine now' } });
    expect((await db.saved.get(fine))?.incomplete).toBeUndefined();
  });
});

describe('completing papers saved from a page', () => {
  it('completes them once Hugging Face knows them, keeping status and note', async () => {
    await saveById(deps(), ID, PAGE);
    await setStatus(db, [ID], 'reading', NOW + 1);
    await setNote(db, ID, 'Fold along the diagonal.', NOW + 2);
    expect(await completeIncomplete(deps())).toBe(0);
    expect((await db.saved.get(ID))?.incomplete).toBe(true);

    hf.papers.set(
      ID,
      makeDailyItem(ID, DAY, { title: 'Origami Folding with LMs (final)', paper: { upvotes: 42 } }).paper,
    );
    // Hugging Face said 404 a moment ago: it is asked again only hours later, not on every run.
    expect(await completeIncomplete(deps())).toBe(0);
    const later = { ...deps(), now: () => NOW + 6 * 60 * 60_000 };
    expect(await completeIncomplete(later)).toBe(1);
    const rec = await db.saved.get(ID);
    expect(rec?.incomplete).toBeUndefined();
    expect(rec).toMatchObject({
      status: 'reading',
      note: 'Fold along the diagonal.',
      paper: { title: 'Origami Folding with LMs (final)', upvotes: 42 },
    });
    // Nothing left to do: no more requests.
    const requests = hf.requests.length;
    expect(await completeIncomplete(later)).toBe(0);
    expect(hf.requests.length).toBe(requests);
  });

  it('a paper Hugging Face does not know never starves the others', async () => {
    const known = '2511.00042';
    await saveById(deps(), ID, PAGE); // 404: stays incomplete
    await saveById(deps(), known, { title: 'Known later' }); // 404 too, at first
    hf.papers.set(known, makeDailyItem(known, DAY, { title: 'Known now' }).paper);
    const later = { ...deps(), now: () => NOW + 6 * 60 * 60_000 };
    // One per run: the first run asks about one of them; the next asks about the other, not the same again.
    await completeIncomplete(later, 1);
    await completeIncomplete({ ...later, now: () => NOW + 6 * 60 * 60_000 + 1 }, 1);
    expect((await db.saved.get(known))?.paper.title).toBe('Known now');
    expect((await db.saved.get(ID))?.incomplete).toBe(true);
  });

  it('skips old-style ids, which Hugging Face never has', async () => {
    await saveById(deps(), OLD_ID, { title: 'Strings' });
    expect(await completeIncomplete(deps())).toBe(0);
    expect(hf.requests).toEqual([]);
    expect((await db.saved.get(OLD_ID))?.incomplete).toBe(true);
  });

  it.each<[string, () => void]>([
    ['offline', () => (hf.fault = { fault: { kind: 'network' } })],
    ['asked to slow down (429)', () => (hf.fault = { fault: { kind: 'status', status: 429 } })],
  ])('stops at the first request that fails when %s, instead of trying every paper', async (_when, setup) => {
    for (const id of ['2404.00001', '2404.00002', '2404.00003']) await saveById(deps(), id);
    hf.requests.length = 0;
    setup();
    expect(await completeIncomplete(deps())).toBe(0);
    expect(hf.requests).toHaveLength(1);
  });

  it('goes on past papers Hugging Face does not know (404)', async () => {
    for (const id of ['2404.00001', '2404.00002', '2404.00003']) await saveById(deps(), id);
    hf.papers.set('2404.00003', makeDailyItem('2404.00003', DAY).paper);
    expect(await completeIncomplete(deps())).toBe(1);
    expect((await db.saved.get('2404.00003'))?.incomplete).toBeUndefined();
  });

  it('does at most `max` papers per run', async () => {
    for (const id of ['2404.00001', '2404.00002', '2404.00003']) {
      await saveById(deps(), id);
      hf.papers.set(id, makeDailyItem(id, DAY).paper);
    }
    expect(await completeIncomplete(deps(), 2)).toBe(2);
    expect(await completeIncomplete(deps(), 2)).toBe(1);
    expect(await db.saved.filter((s) => !!s.incomplete).count()).toBe(0);
  });
});
