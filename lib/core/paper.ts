import { isArxivId } from './arxiv-id';
import { nextStamp } from './stamps';

/** One paper as Papertab stores it: normalised from whatever shape Hugging Face sent. */
export interface Person {
  name: string;
  fullname?: string;
  avatarUrl?: string;
}

export interface Organization {
  name: string;
  fullname?: string;
  avatar?: string;
}

export interface Paper {
  /** arXiv id without version, e.g. "2404.12345": the canonical key. */
  id: string;
  title: string;
  summary: string;
  authors: string[];
  /**
   * The authors' Hugging Face accounts where the feed links one, by position in `authors` ('' for
   * an author without one); absent when none is linked.
   */
  authorUsers?: string[];
  /** arXiv publication time (ISO 8601), when known. */
  publishedAt?: string;
  /** The Daily Papers day (`date=` value, YYYY-MM-DD) the paper was featured on; '' when unknown. */
  day: string;
  upvotes: number;
  numComments: number;
  thumbnail?: string;
  aiSummary?: string;
  aiKeywords: string[];
  githubRepo?: string;
  githubStars?: number;
  projectPage?: string;
  organization?: Organization;
  submittedBy?: Person;
  /** arXiv primary category ("cs.CL"), when a saved page said so (Hugging Face does not). */
  primaryClass?: string;
  /** When this record was last written from a response (epoch ms). */
  fetchedAt: number;
}

/** A field one copy of a paper lacks and the other may fill: absent, empty text or an empty list. */
function isGap(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * The one merge of two copies of a paper (a re-fetch into the cache or a saved copy, a backup's copy
 * into the list): the copy fetched later wins (a tie keeps `held`: importing a copy twice changes nothing),
 * and fields it lacks (absent, empty text, an empty list: what a response that left them out reads
 * as after validation) keep the other copy's value. Counts are never gaps: 0 upvotes can be true.
 */
export function mergePaper(held: Paper, incoming: Paper): Paper {
  const [newer, older] = incoming.fetchedAt > held.fetchedAt ? [incoming, held] : [held, incoming];
  const merged: Record<string, unknown> = { ...newer };
  for (const [key, value] of Object.entries(older)) if (isGap(merged[key]) && !isGap(value)) merged[key] = value;
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged as unknown as Paper;
}

export type DayStatus = 'ok' | 'empty';

/** What Papertab knows about one Daily Papers day. A day never fetched has no record. */
export interface DayRecord {
  date: string;
  status: DayStatus;
  count: number;
  /** Items of that day's response that failed validation and were left out. */
  dropped: number;
  fetchedAt: number;
}

/** The publication year: from arXiv's date when known, else the featured day, else the id's YYMM. */
export function paperYear(paper: Pick<Paper, 'id' | 'publishedAt' | 'day'>): string | undefined {
  const fromDate = /^\d{4}/.exec(paper.publishedAt ?? '')?.[0] ?? /^\d{4}/.exec(paper.day)?.[0];
  if (fromDate) return fromDate;
  if (!isArxivId(paper.id)) return undefined;
  // The id starts (new style) or its number starts (old style) with YYMM; arXiv began in 1991.
  const yy = paper.id.slice(paper.id.indexOf('/') + 1, paper.id.indexOf('/') + 3);
  return `${Number(yy) >= 91 ? '19' : '20'}${yy}`;
}

/**
 * A re-fetch updates a paper in place by the one paper merge (`mergePaper`): the response is the
 * newer copy (upvotes, comments keep changing for weeks), even when this clock went back since the
 * cached copy was written; fields it leaves out (or sends malformed, read as empty) keep their
 * known value, and the featured day, once known, stays. Counts do not: 0 can be true.
 */
export function refreshPaper(old: Paper | undefined, next: Paper): Paper {
  return old ? mergePaper(old, { ...next, fetchedAt: nextStamp(old.fetchedAt, next.fetchedAt) }) : next;
}
