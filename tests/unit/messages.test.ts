/**
 * Messages by channel: every message the background answers is declared once with the senders
 * allowed to send it, and the one router refuses it from every other sender before any handler runs.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter, type Handlers } from '@/lib/background/router';
import { channelOf, MESSAGES, type ChannelKind, type MessageOf, type MessageType } from '@/lib/core/messages';

const PAPER = '2404.12345';
const OTHER = '2405.00001';

/** One valid message of each type (the type checker asks for every one). */
const SAMPLES: { [K in MessageType]: MessageOf<K> } = {
  refresh: { type: 'refresh' },
  syncNow: { type: 'syncNow' },
  markSeen: { type: 'markSeen' },
  completeIncomplete: { type: 'completeIncomplete' },
  fetchRange: { type: 'fetchRange', range: { date: '2026-11-24' } },
  fetchTrending: { type: 'fetchTrending', range: { week: '2026-W48' } },
  checkArtifacts: { type: 'checkArtifacts' },
  searchHf: { type: 'searchHf', q: 'diffusion' },
  archive: { type: 'archive', action: 'pause' },
  savePaper: { type: 'savePaper', id: PAPER, page: { title: 'From the page' } },
  unsavePaper: { type: 'unsavePaper', id: `arXiv:${PAPER}v2` },
  zoteroSend: { type: 'zoteroSend', ids: [PAPER] },
  zoteroCheck: { type: 'zoteroCheck', id: PAPER },
  zoteroMove: {
    type: 'zoteroMove',
    sent: [{ id: PAPER, sessionID: 'papertab-ABCDEFGH23456789' }],
    target: { id: 'C12', label: 'My Library › Reading group' },
  },
  zoteroCollections: { type: 'zoteroCollections' },
  zoteroImport: { type: 'zoteroImport', key: 'READGRP2' },
};

const tab = (url: string) => ({ id: 3, url, index: 0, active: true }) as Browser.tabs.Tab;
const site = (url: string, over: Partial<Browser.runtime.MessageSender> = {}): Browser.runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url,
  origin: new URL(url).origin,
  tab: tab(url),
  frameId: 0,
  ...over,
});
const extensionPage = (): Browser.runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/newtab.html'),
});

/** Senders by the channel they are, and senders that are no channel at all. */
const SENDERS: Record<ChannelKind, () => Browser.runtime.MessageSender> = {
  extension: extensionPage,
  paperPage: () => site(`https://huggingface.co/papers/${PAPER}`),
};
const NO_CHANNEL: [string, () => Browser.runtime.MessageSender][] = [
  ['another extension', () => ({ ...extensionPage(), id: 'another-extension' })],
  ['a web page', () => site(`https://evil.example/papers/${PAPER}`)],
  ['a look-alike host', () => site(`https://huggingface.co.evil.example/papers/${PAPER}`)],
  ['plain http', () => site(`http://huggingface.co/papers/${PAPER}`)],
  ['another port', () => site(`https://huggingface.co:8443/papers/${PAPER}`)],
  ['a frame inside a paper page', () => site(`https://arxiv.org/abs/${PAPER}`, { frameId: 4 })],
  ['a paper site page without a tab', () => site(`https://arxiv.org/abs/${PAPER}`, { tab: undefined })],
  ['a paper site page that shows no paper', () => site('https://huggingface.co/papers/trending')],
  ['an origin that is not its URL', () => site(`https://arxiv.org/abs/${PAPER}`, { origin: 'https://evil.example' })],
  [
    'a paper site frame whose tab is another site',
    () => site(`https://arxiv.org/abs/${PAPER}`, { tab: tab(`https://evil.example/abs/${PAPER}`) }),
  ],
];

function spies() {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    Object.keys(MESSAGES).map((type) => [type, vi.fn(async () => calls.push(type) && { ok: true })]),
  ) as unknown as Handlers;
  return { calls, onMessage: createRouter(handlers) };
}

describe('the message table', () => {
  it('lists every message with the senders allowed to send it', () => {
    expect(Object.fromEntries(Object.entries(MESSAGES).map(([type, d]) => [type, [...d.from]]))).toEqual({
      refresh: ['extension'],
      syncNow: ['extension'],
      markSeen: ['extension'],
      completeIncomplete: ['extension'],
      fetchRange: ['extension'],
      fetchTrending: ['extension'],
      checkArtifacts: ['extension'],
      searchHf: ['extension'],
      archive: ['extension'],
      savePaper: ['extension', 'paperPage'],
      unsavePaper: ['extension', 'paperPage'],
      zoteroSend: ['extension', 'paperPage'],
      zoteroCheck: ['extension', 'paperPage'],
      zoteroMove: ['extension'],
      zoteroCollections: ['extension'],
      zoteroImport: ['extension'],
    });
  });

  const cases = (Object.keys(MESSAGES) as MessageType[]).flatMap((type) =>
    (Object.keys(SENDERS) as ChannelKind[]).map((kind) => [type, kind] as const),
  );

  it.each(cases)('%s from a sender of channel %s: answered only if the table allows it', async (type, kind) => {
    const { calls, onMessage } = spies();
    const reply = await onMessage(SAMPLES[type], SENDERS[kind]());
    if (MESSAGES[type].from.includes(kind)) {
      expect(reply).toBeDefined();
      expect(calls).toEqual([type]);
    } else {
      expect(reply).toBeUndefined();
      expect(calls).toEqual([]);
    }
  });

  it.each(NO_CHANNEL)('every message from %s is refused', async (_what, sender) => {
    expect(channelOf(sender(), fakeBrowser.runtime.id, new URL(fakeBrowser.runtime.getURL('/')).origin)).toBe(
      undefined,
    );
    const { calls, onMessage } = spies();
    for (const message of Object.values(SAMPLES)) expect(await onMessage(message, sender())).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it("a paper page's message is about the paper its tab shows, or refused", async () => {
    const { calls, onMessage } = spies();
    const page = SENDERS.paperPage();
    expect(await onMessage({ type: 'savePaper', id: OTHER }, page)).toBeUndefined();
    expect(await onMessage({ type: 'unsavePaper', id: 'not an id' }, page)).toBeUndefined();
    // Hugging Face changed paper with pushState: the tab's URL, not the document's, names it.
    const moved = site(`https://huggingface.co/papers/${PAPER}`, {
      tab: tab(`https://huggingface.co/papers/${OTHER}`),
    });
    expect(await onMessage({ type: 'savePaper', id: PAPER }, moved)).toBeUndefined();
    expect(await onMessage({ type: 'savePaper', id: OTHER }, moved)).toBeDefined();
    expect(calls).toEqual(['savePaper']);
  });

  it('a paper page may send to Zotero only the paper its tab shows, and ask about the library only naming it', async () => {
    const { calls, onMessage } = spies();
    const page = SENDERS.paperPage();
    expect(await onMessage({ type: 'zoteroSend', ids: [OTHER] }, page)).toBeUndefined();
    expect(await onMessage({ type: 'zoteroSend', ids: [PAPER, OTHER] }, page)).toBeUndefined();
    expect(await onMessage({ type: 'zoteroCheck' }, page)).toBeUndefined();
    expect(await onMessage({ type: 'zoteroCheck', id: OTHER }, page)).toBeUndefined();
    expect(await onMessage({ type: 'zoteroSend', ids: [`${PAPER}v3`] }, page)).toBeDefined();
    expect(await onMessage({ type: 'zoteroCheck', id: PAPER }, page)).toBeDefined();
    expect(calls).toEqual(['zoteroSend', 'zoteroCheck']);
  });

  it('a message that is not declared, or not as declared, is refused from any sender', async () => {
    const { calls, onMessage } = spies();
    for (const sender of Object.values(SENDERS)) {
      for (const raw of [
        { type: 'nuke' },
        { type: 'toString' },
        { type: '__proto__' },
        { type: 'refresh', extra: 1 },
        { type: 'savePaper', id: PAPER, status: 'read' },
        'refresh',
        null,
      ])
        expect(await onMessage(raw, sender())).toBeUndefined();
    }
    expect(calls).toEqual([]);
  });
});
