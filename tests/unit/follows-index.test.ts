import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Followed } from '@/lib/core/follows';
import type { Paper } from '@/lib/core/paper';
import { compileInterests, isOrg, isPerson } from '@/lib/views/follow-match';

// The keyed matcher must name exactly what the rule written follow by follow names (isPerson,
// isOrg), in the list's order: the index changes the cost, never the answer.
const WORDS = ['Ada', 'Lovelace', 'Wei', 'Li', 'Tomás', 'Ribeiro', 'li', 'Meta', 'AI', 'nvidia', 'Lab'];
const word = fc.constantFrom(...WORDS);
const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const hub = fc.option(fc.constantFrom('ada', 'ADA', 'wei', 'meta-ai', 'nvidia'), { nil: undefined });
const followed = fc.record({ name, hub }).map((f): Followed => (f.hub ? f : { name: f.name }));
const paper = fc
  .record({
    authors: fc.array(fc.record({ name, user: fc.constantFrom('', 'ada', 'Wei', 'bob') }), { maxLength: 5 }),
    org: fc.option(
      fc.record({ name: fc.constantFrom('nvidia', 'meta-ai', 'lab'), fullname: fc.option(name, { nil: undefined }) }),
      {
        nil: undefined,
      },
    ),
  })
  .map(({ authors, org }): Paper => ({
    id: '2401.00001',
    title: 't',
    summary: '',
    authors: authors.map((a) => a.name),
    authorUsers: authors.map((a) => a.user),
    day: '2024-01-01',
    upvotes: 0,
    numComments: 0,
    aiKeywords: [],
    fetchedAt: 0,
    ...(org ? { organization: org } : {}),
  }));

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
