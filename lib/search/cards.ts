/**
 * The stored index's display copy of each paper: everything a result card shows (all but the
 * abstract), so a keystroke renders its results without reading a paper from IndexedDB. Kept as
 * UTF-8 bytes, one JSON record per slot: one buffer clones as fast as a memcpy and holds mostly
 * ASCII text at a byte a character. The full paper is read after the results show; until then a
 * card's copy is marked (`isCardCopy`) so nothing stores it in place of the paper.
 */
import type { Paper } from '../core/paper';

export interface StoredCards {
  /** Record `slot` is `bytes[offsets[slot] .. offsets[slot + 1]]`. */
  bytes: Uint8Array;
  offsets: Uint32Array;
}

/** The fields a card reads, in the order they are written. */
const KEYS = [
  'id',
  'title',
  'authors',
  'authorUsers',
  'publishedAt',
  'day',
  'upvotes',
  'numComments',
  'thumbnail',
  'aiSummary',
  'aiKeywords',
  'githubRepo',
  'githubStars',
  'projectPage',
  'organization',
  'fetchedAt',
] as const satisfies readonly (keyof Paper)[];

/** A card's copy of `paper`: the paper without its abstract. */
export function cardOf(paper: Paper): Omit<Paper, 'summary'> {
  const out: Record<string, unknown> = {};
  for (const key of KEYS) if (paper[key] !== undefined) out[key] = paper[key];
  return out as Omit<Paper, 'summary'>;
}

export function encodeCards(papers: readonly Paper[]): StoredCards {
  const encoder = new TextEncoder();
  const parts = papers.map((p) => encoder.encode(JSON.stringify(cardOf(p))));
  const offsets = new Uint32Array(parts.length + 1);
  let at = 0;
  parts.forEach((part, i) => {
    offsets[i] = at;
    at += part.length;
  });
  offsets[parts.length] = at;
  const bytes = new Uint8Array(at);
  parts.forEach((part, i) => bytes.set(part, offsets[i]!));
  return { bytes, offsets };
}

const copies = new WeakSet<Paper>();

/** Whether `paper` is a card's copy (no abstract), not the stored paper. */
export const isCardCopy = (paper: Paper): boolean => copies.has(paper);

let decoder: TextDecoder | undefined;

/** The card's copy in `slot`, as a paper with an empty abstract; undefined if the record is unreadable. */
export function decodeCard(cards: StoredCards, slot: number): Paper | undefined {
  const from = cards.offsets[slot];
  const to = cards.offsets[slot + 1];
  if (from === undefined || to === undefined) return undefined;
  decoder ??= new TextDecoder();
  try {
    const value = JSON.parse(decoder.decode(cards.bytes.subarray(from, to))) as Partial<Paper>;
    if (typeof value.id !== 'string' || typeof value.title !== 'string' || !Array.isArray(value.authors))
      return undefined;
    const paper = { aiKeywords: [], day: '', upvotes: 0, numComments: 0, fetchedAt: 0, ...value, summary: '' } as Paper;
    copies.add(paper);
    return paper;
  } catch {
    return undefined;
  }
}
