import fc from 'fast-check';
import type { Followed } from '@/lib/core/follows';
import type { Paper } from '@/lib/core/paper';

// Few words, reused in names, accounts and organizations, so random follows and papers meet often;
// punctuation-only names and accents reach the rarer rules (whole name, folding).
const WORDS = ['Ada', 'Lovelace', 'Wei', 'Li', 'Tomás', 'Ribeiro', 'li', 'Meta', 'AI', 'nvidia', 'Lab'];
const word = fc.constantFrom(...WORDS);
export const personName = fc.oneof(
  { weight: 6, arbitrary: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.constant('—') },
);
const hub = fc.option(fc.constantFrom('ada', 'ADA', 'wei', 'meta-ai', 'nvidia'), { nil: undefined });
export const followed = fc.record({ name: personName, hub }).map((f): Followed => (f.hub ? f : { name: f.name }));

/** A paper with random authors (some linked to an account), organization, day and id. */
export const paper = fc
  .record({
    n: fc.integer({ min: 0, max: 9999 }),
    day: fc.constantFrom('2024-01-01', '2024-01-02', '2024-02-10'),
    title: fc.constantFrom('A diffusion model', 'Wei meets Li', 'Nothing'),
    authors: fc.array(fc.record({ name: personName, user: fc.constantFrom('', 'ada', 'Wei', 'bob') }), {
      maxLength: 5,
    }),
    org: fc.option(
      fc.record({
        name: fc.constantFrom('nvidia', 'meta-ai', 'lab'),
        fullname: fc.option(personName, { nil: undefined }),
      }),
      { nil: undefined },
    ),
  })
  .map(({ n, day, title, authors, org }): Paper => ({
    id: `2401.${String(n).padStart(5, '0')}`,
    title,
    summary: '',
    authors: authors.map((a) => a.name),
    authorUsers: authors.map((a) => a.user),
    day,
    upvotes: n % 7,
    numComments: 0,
    aiKeywords: [],
    fetchedAt: 0,
    ...(org ? { organization: org } : {}),
  }));
