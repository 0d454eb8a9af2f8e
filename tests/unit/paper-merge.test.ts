import { describe, expect, it } from 'vitest';
import { mergePaper, type Paper } from '@/lib/core/paper';
import { refreshPaper } from '@/lib/store/papers';

const T = Date.UTC(2026, 10, 30, 12);

function paper(overrides: Partial<Paper> = {}): Paper {
  return {
    id: '2411.01234',
    title: 'Sparse attention at scale',
    summary: 'An abstract.',
    authors: ['Ada Lovelace'],
    day: '2026-11-30',
    upvotes: 10,
    comments: 2,
    aiKeywords: ['attention'],
    fetchedAt: T,
    ...overrides,
  } as Paper;
}

describe('one merge of two copies of a paper', () => {
  it('takes the later copy and fills what it lacks from the other, in either order', () => {
    const older = paper({ upvotes: 3, fetchedAt: T - 1000 });
    const newer = paper({ upvotes: 12, summary: '', authors: [], aiKeywords: [], fetchedAt: T });
    for (const merged of [mergePaper(older, newer), mergePaper(newer, older)]) {
      expect(merged).toMatchObject({ upvotes: 12, summary: 'An abstract.', authors: ['Ada Lovelace'] });
      expect(merged.aiKeywords).toEqual(['attention']);
    }
  });

  it('lets a count of 0 stand (an upvote withdrawn is news, not a gap)', () => {
    expect(mergePaper(paper({ upvotes: 1 }), paper({ upvotes: 0, fetchedAt: T + 1 })).upvotes).toBe(0);
  });

  it('a re-fetch wins over the cached copy even when this clock went back since it was cached', () => {
    const cached = paper({ upvotes: 40, fetchedAt: T + 3_600_000 });
    const response = paper({ upvotes: 41, fetchedAt: T });
    const merged = refreshPaper(cached, response);
    expect(merged.upvotes).toBe(41);
    expect(merged.fetchedAt).toBeGreaterThan(cached.fetchedAt);
  });
});
