import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { followed, paper } from '../support/follow-arbitraries';
import type { Followed } from '@/lib/core/follows';
import type { Paper } from '@/lib/core/paper';
import { compileInterests, isOrg, isPerson } from '@/lib/views/follow-match';

// The keyed matcher must name exactly what the rule written follow by follow names (isPerson,
// isOrg), in the list's order: the index changes the cost, never the answer.
function byScan(p: Paper, people: Followed[], orgs: Followed[]): string[] {
  const terms: string[] = [];
  for (const f of people)
    if (p.authors.some((n, i) => isPerson(f, n, p.authorUsers?.[i] || undefined)) && !terms.includes(f.name))
      terms.push(f.name);
  for (const f of orgs) if (isOrg(f, p.organization) && !terms.includes(f.name)) terms.push(f.name);
  return terms;
}

describe('matching follows by key', () => {
  it('names the same follows, in the same order, as checking every follow against the paper', () => {
    fc.assert(
      fc.property(
        fc.array(followed, { maxLength: 8 }),
        fc.array(followed, { maxLength: 4 }),
        paper,
        (people, orgs, p) => {
          const got = compileInterests({ keywords: [], people, orgs }).match(p)?.terms ?? [];
          expect(got).toEqual(byScan(p, people, orgs));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds the one followed author among 5,000 follows', () => {
    const people = Array.from({ length: 5000 }, (_, i): Followed =>
      i % 2 ? { name: `Person ${i}` } : { name: `P ${i}`, hub: `u${i}` },
    );
    const m = compileInterests({ keywords: [], people, orgs: [] });
    const p: Paper = {
      id: '2401.00002',
      title: 't',
      summary: '',
      authors: ['Someone Else', 'Person 4999', 'P 10'],
      authorUsers: ['', '', 'u10'],
      day: '2024-01-01',
      upvotes: 0,
      numComments: 0,
      aiKeywords: [],
      fetchedAt: 0,
    };
    expect(m.match(p)?.terms).toEqual(['P 10', 'Person 4999']);
  });
});
