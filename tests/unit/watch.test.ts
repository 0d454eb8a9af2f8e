import { describe, expect, it } from 'vitest';
import type { Paper } from '@/lib/core/paper';
import { compileWatch, type WatchList } from '@/lib/views/watch';

function paper(over: Partial<Paper> = {}): Paper {
  return {
    id: '2404.12345',
    title: 'A Plain Title',
    summary: 'A plain abstract.',
    authors: ['Ada Lovelace'],
    day: '2026-11-24',
    upvotes: 0,
    numComments: 0,
    aiKeywords: [],
    fetchedAt: 0,
    ...over,
  };
}

const list = (over: Partial<WatchList>): WatchList => ({ keywords: [], authors: [], orgs: [], ...over });
const terms = (w: Partial<WatchList>, p: Paper) => compileWatch(list(w)).match(p)?.terms;

describe('an empty watch list', () => {
  it('matches nothing and says it is empty', () => {
    const w = compileWatch(list({}));
    expect(w.empty).toBe(true);
    expect(w.match(paper({ title: 'Anything at all' }))).toBeUndefined();
  });

  it('entries with no words in them (blank, punctuation) count as empty', () => {
    const w = compileWatch(list({ keywords: ['   ', '—'], authors: ['.'], orgs: ['!!'] }));
    expect(w.empty).toBe(true);
    expect(w.match(paper())).toBeUndefined();
  });
});

describe('matching ignores case and accents', () => {
  it('"gomez" matches the author "Aidan N. Gómez", and "GÓMEZ" matches "Gomez"', () => {
    expect(terms({ authors: ['gomez'] }, paper({ authors: ['Aidan N. Gómez'] }))).toEqual(['gomez']);
    expect(terms({ authors: ['GÓMEZ'] }, paper({ authors: ['Aidan Gomez'] }))).toEqual(['GÓMEZ']);
  });

  it('keywords too: "tokenizacion" matches "Tokenización"', () => {
    expect(terms({ keywords: ['tokenizacion'] }, paper({ title: 'Tokenización sin pérdidas' }))).toEqual([
      'tokenizacion',
    ]);
  });
});

describe('matching is by whole words', () => {
  it('"Li" matches the author "Wei Li" but not "Lisa Chen" or "Oliver Smith"', () => {
    expect(terms({ authors: ['Li'] }, paper({ authors: ['Lisa Chen', 'Wei Li'] }))).toEqual(['Li']);
    expect(terms({ authors: ['Li'] }, paper({ authors: ['Lisa Chen', 'Oliver Smith'] }))).toBeUndefined();
  });

  it('a phrase matches those words in that order, whatever the punctuation between them', () => {
    expect(terms({ keywords: ['mixture of experts'] }, paper({ title: 'Sparse Mixture-of-Experts Routing' }))).toEqual([
      'mixture of experts',
    ]);
    expect(terms({ keywords: ['diffusion model'] }, paper({ title: 'A Diffusion Model for Proteins' }))).toEqual([
      'diffusion model',
    ]);
    expect(terms({ keywords: ['diffusion model'] }, paper({ title: 'Model Diffusion, Revisited' }))).toBeUndefined();
    expect(terms({ keywords: ['diffusion model'] }, paper({ title: 'Diffusion and its Model' }))).toBeUndefined();
  });

  it('words must match exactly: no stemming, so "diffusion model" does not match "Diffusion Models" or "modelling"', () => {
    expect(terms({ keywords: ['diffusion model'] }, paper({ title: 'Scaling Diffusion Models' }))).toBeUndefined();
    expect(terms({ keywords: ['diffusion model'] }, paper({ title: 'Diffusion modelling at scale' }))).toBeUndefined();
    expect(terms({ keywords: ['diffusion models'] }, paper({ title: 'Scaling Diffusion Models' }))).toEqual([
      'diffusion models',
    ]);
  });

  it('a phrase does not run across two AI keywords', () => {
    expect(terms({ keywords: ['diffusion transformer'] }, paper({ aiKeywords: ['diffusion', 'transformer'] }))).toBe(
      undefined,
    );
  });
});

describe('where each kind of entry looks', () => {
  it.each<[string, Partial<Paper>]>([
    ['the title', { title: 'Speculative Decoding at Scale' }],
    ['the abstract', { summary: 'We study speculative decoding for long outputs.' }],
    ['the AI summary', { aiSummary: 'Speculative decoding makes it faster.' }],
    ['the AI keywords', { aiKeywords: ['LLM', 'speculative decoding'] }],
  ])('a keyword is found in %s', (_where, over) => {
    expect(terms({ keywords: ['speculative decoding'] }, paper(over))).toEqual(['speculative decoding']);
  });

  it('a keyword is not looked for among the authors, nor an author in the title', () => {
    expect(terms({ keywords: ['Lovelace'] }, paper({ authors: ['Ada Lovelace'] }))).toBeUndefined();
    expect(terms({ authors: ['Lovelace'] }, paper({ title: 'Notes on Lovelace', authors: ['Alan Turing'] }))).toBe(
      undefined,
    );
  });

  it('an organization matches its name or its full name', () => {
    const p = paper({ organization: { name: 'deepseek-ai', fullname: 'DeepSeek' } });
    expect(terms({ orgs: ['deepseek ai'] }, p)).toEqual(['deepseek ai']);
    expect(terms({ orgs: ['DeepSeek'] }, p)).toEqual(['DeepSeek']);
    expect(
      terms({ orgs: ['Meta Llama'] }, paper({ organization: { name: 'meta-llama', fullname: 'Meta Llama' } })),
    ).toEqual(['Meta Llama']);
    expect(terms({ orgs: ['google'] }, p)).toBeUndefined();
  });

  it('a paper without an organization matches no organization, and an org name in the title does not count', () => {
    expect(terms({ orgs: ['nvidia'] }, paper({ title: 'Running on NVIDIA GPUs' }))).toBeUndefined();
  });
});

describe('what a match reports', () => {
  it("returns the user's own entries, as written, keywords then authors then organizations", () => {
    const p = paper({
      title: 'Sparse Attention for Long Video',
      authors: ['Wei Li', 'Chloé Dubois'],
      organization: { name: 'nvidia', fullname: 'NVIDIA' },
    });
    const w = list({
      keywords: ['Sparse ATTENTION', 'reward model'],
      authors: ['chloe dubois'],
      orgs: ['Nvidia', 'google'],
    });
    expect(compileWatch(w).match(p)).toEqual({ terms: ['Sparse ATTENTION', 'chloe dubois', 'Nvidia'] });
  });

  it('is undefined for a paper matching nothing on a non-empty list', () => {
    const w = compileWatch(list({ keywords: ['protein'], authors: ['Turing'], orgs: ['allenai'] }));
    expect(w.empty).toBe(false);
    expect(w.match(paper())).toBeUndefined();
  });
});
