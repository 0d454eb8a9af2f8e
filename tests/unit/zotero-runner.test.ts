// @vitest-environment node
/**
 * The background's Zotero handlers: off until turned on (and then they say how), "also save to
 * Papertab" as an option, and a sent paper marked In Zotero at once.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { updateSettings } from '@/lib/core/settings';
import { ZOTERO_BASE } from '@/lib/zotero/http';
import { readInZotero } from '@/lib/zotero/library';
import { createZoteroRunner } from '@/lib/background/zotero-runner';
import { makeDay, utcDay } from '../fixtures/papers';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { startFakeZotero, type FakeZotero } from '../support/fake-zotero';
import { fakeGetMessage } from '../support/fake-i18n';

let zotero: FakeZotero;
let db: PapertabDB;
let n = 0;
const paper = parseDailyItems(makeDay(utcDay(-1), 1), utcDay(-1), Date.now()).items[0]!;

function runner() {
  const fetchZotero: typeof fetch = (input, init) =>
    String(input).startsWith(ZOTERO_BASE)
      ? fetch(String(input).replace(ZOTERO_BASE, `http://127.0.0.1:${zotero.port}`), init)
      : Promise.resolve(new Response('%PDF-1.4', { headers: { 'Content-Type': 'application/pdf' } }));
  const now = () => Date.now();
  return createZoteroRunner({
    db,
    fetch: fetchZotero,
    now,
    hf: { db, fetch: fetchZotero, now },
    hasPermission: async () => true,
  }).handlers;
}

beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = fakeGetMessage as typeof fakeBrowser.i18n.getMessage;
  zotero = await startFakeZotero({ port: 0 });
  db = createDb(`zotero-runner-${n++}`);
  await db.papers.put(paper);
});
afterEach(async () => {
  db.close();
  await zotero.close();
});

describe('the Zotero handlers', () => {
  it('while Zotero is off in Papertab, nothing reaches Zotero and the answer says where to turn it on', async () => {
    const h = runner();
    expect(await h.zoteroSend({ type: 'zoteroSend', ids: [paper.id] })).toEqual({
      ok: false,
      message: 'Zotero is off in Papertab: turn it on in Papertab’s settings.',
    });
    expect(await h.zoteroCheck({ type: 'zoteroCheck' })).toEqual({ ids: [] });
    expect(zotero.requests).toEqual([]);
  });

  it('sends without touching the reading list, unless “also save to Papertab” is chosen', async () => {
    await updateSettings({ zoteroEnabled: true });
    const h = runner();
    expect(await h.zoteroSend({ type: 'zoteroSend', ids: [paper.id] })).toMatchObject({ ok: true });
    expect(await db.saved.count()).toBe(0);
    // Marked at once, before any read of the library.
    expect((await readInZotero()).ids).toEqual([paper.id]);
    await updateSettings({ zoteroAlsoSave: true });
    expect(await h.zoteroSend({ type: 'zoteroSend', ids: [`arXiv:${paper.id}v2`] })).toMatchObject({ ok: true });
    expect((await db.saved.get(paper.id))?.paper.title).toBe(paper.title);
    expect(zotero.received.items).toHaveLength(2);
  });
});
