/**
 * The watch list: keywords, authors and organizations a researcher follows. Matching ignores case
 * and accents and matches whole words ("Li" matches "Wei Li", not "Lisa"; "diffusion model"
 * matches the phrase, not "diffusion modelling").
 */
import type { Paper } from '../core/paper';
import { containsPhrase, tokens } from '../core/words';

export interface WatchList {
  keywords: string[];
  authors: string[];
  orgs: string[];
}

export interface WatchMatch {
  /** The watch-list entries (as the user wrote them) this paper matches. */
  terms: string[];
}

export interface CompiledWatch {
  match(paper: Paper): WatchMatch | undefined;
  empty: boolean;
}

/** Prepares the list once; `match` runs per paper. */
export function compileWatch(list: WatchList): CompiledWatch {
  const prep = (xs: string[]) => xs.map((x) => ({ label: x, words: tokens(x) })).filter((x) => x.words.length > 0);
  const keywords = prep(list.keywords);
  const authors = prep(list.authors);
  const orgs = prep(list.orgs);
  const empty = !keywords.length && !authors.length && !orgs.length;
  return {
    empty,
    match(paper) {
      if (empty) return undefined;
      const terms: string[] = [];
      if (keywords.length) {
        const texts = [paper.title, paper.summary, paper.aiSummary ?? '', ...paper.aiKeywords].map(tokens);
        for (const k of keywords) if (texts.some((t) => containsPhrase(t, k.words))) terms.push(k.label);
      }
      if (authors.length) {
        const names = paper.authors.map(tokens);
        for (const a of authors) if (names.some((n) => containsPhrase(n, a.words))) terms.push(a.label);
      }
      if (orgs.length && paper.organization) {
        const names = [paper.organization.name, paper.organization.fullname ?? ''].map(tokens);
        for (const o of orgs) if (names.some((n) => containsPhrase(n, o.words))) terms.push(o.label);
      }
      return terms.length ? { terms } : undefined;
    },
  };
}
